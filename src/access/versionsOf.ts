import type { Access, AccessArgs, Where } from 'payload'

/**
 * The same rule for a collection's history: a row filter on documents becomes the filter
 * on their versions (`status` → `version.status`, `id` → `parent`). Without it Payload lets
 * any logged-in account read every version, pending and refused entries included.
 */
export function versionsOf(rule: Access): Access {
  return async (args: AccessArgs) => {
    const result = await rule(args)
    return typeof result === 'object' && result !== null ? onVersions(result) : result
  }
}

function onVersions(where: Where): Where {
  const out: Where = {}
  for (const [key, value] of Object.entries(where)) {
    if ((key === 'and' || key === 'or') && Array.isArray(value)) out[key] = value.map((w) => onVersions(w as Where))
    else out[key === 'id' ? 'parent' : `version.${key}`] = value
  }
  return out
}
