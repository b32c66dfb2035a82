import type { RelationshipField } from 'payload'

import { superAdminField } from '@/access/fieldAccess'

/** Every document belongs to a territory; set from the user or the commune by `assignTerritory`. */
export const territoryField: RelationshipField = {
  name: 'territory',
  type: 'relationship',
  relationTo: 'territories',
  label: 'Territoire',
  index: true,
  admin: {
    position: 'sidebar',
    condition: (_data, _sibling, { user }) => Boolean(user?.roles?.includes('superadmin')),
  },
  access: { update: superAdminField },
}
