import type { Where } from 'payload'

import { type AccessUser, territoryOf } from './roles'

/** Rows of the user's territory, or none when the user has no territory. */
export function territoryFilter(user: AccessUser, field = 'territory'): Where | false {
  const territory = territoryOf(user)
  return territory === undefined ? false : { [field]: { equals: territory } }
}
