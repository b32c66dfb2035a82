import type { FieldHook, PayloadRequest, TextFieldManyValidation } from 'payload'

import { type AccessUser, hasRole } from '@/access/roles'
import { normalizeHost } from '@/territories/pickTerritory'

const HOST_PATTERN = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*$/

/** A host name as the site compares it (pickTerritory): lower-case, no scheme, path or port. */
export function cleanHost(value: unknown): string {
  const text = typeof value === 'string' ? value : ''
  return normalizeHost(text.trim().replace(/^[a-z]+:\/\//i, '').replace(/\/.*$/, ''))
}

/** Stores host names as they are compared, once each. */
export const normalizeHostnames: FieldHook = ({ value }) => {
  if (!Array.isArray(value)) return value
  return [...new Set(value.map(cleanHost).filter(Boolean))]
}

/** The instance's own host (PUBLIC_URL), which serves the first territory unless one lists it. */
function publicHost(): string | null {
  try {
    return process.env.PUBLIC_URL ? normalizeHost(new URL(process.env.PUBLIC_URL).host) : null
  } catch {
    return null
  }
}

/** Which other territory already lists each host name (all territories are few: compared in code). */
async function takenHosts(req: PayloadRequest, id: number | string | undefined): Promise<Map<string, string>> {
  const { docs } = await req.payload.find({
    collection: 'territories',
    pagination: false,
    depth: 0,
    overrideAccess: true,
    select: { name: true, hostnames: true },
    req,
  })
  const taken = new Map<string, string>()
  for (const territory of docs) {
    if (id !== undefined && String(territory.id) === String(id)) continue
    for (const host of territory.hostnames ?? []) taken.set(cleanHost(host), territory.name)
  }
  return taken
}

/**
 * A host name serves one territory only: a territory administrator who added another
 * territory's host to his own would take its site over. Checked on every write (REST,
 * admin, local API, the « Nouveau territoire » form), whatever the database.
 */
export const validateHostnames: TextFieldManyValidation = async (value, { req, id }) => {
  if (value === null || value === undefined) return true
  const hosts = (Array.isArray(value) ? value : [value]).map(cleanHost).filter(Boolean)
  for (const host of hosts) {
    if (!HOST_PATTERN.test(host) || host.length > 253) {
      return `« ${host} » n’est pas un nom de domaine valide : écrivez-le sans http:// ni chemin, par exemple annuaire.ma-communaute.fr.`
    }
  }
  const own = publicHost()
  // Server code (no user: seed, import) is trusted; a territory administrator is not.
  if (own && hosts.includes(own) && req.user && !hasRole(req.user as AccessUser, 'superadmin')) {
    return `« ${own} » est l’adresse principale de l’installation : seul l’administrateur national peut l’attribuer à un territoire.`
  }
  if (hosts.length === 0) return true
  const taken = await takenHosts(req, id)
  for (const host of hosts) {
    const other = taken.get(host)
    if (other !== undefined) {
      return `Le nom de domaine « ${host} » sert déjà le territoire « ${other} » : un nom de domaine ne peut servir qu’un seul territoire. Retirez-le ou demandez à l’administrateur national.`
    }
  }
  return true
}
