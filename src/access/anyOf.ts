import type { Access, AccessArgs, Where } from 'payload'

/**
 * Grants what any of the given rules grants: `true` if one says true, otherwise the
 * union (`or`) of the row filters they return, otherwise `false`.
 */
export function anyOf(...rules: Access[]): Access {
  return async (args: AccessArgs) => {
    const filters: Where[] = []
    for (const rule of rules) {
      const result = await rule(args)
      if (result === true) return true
      if (result && typeof result === 'object') filters.push(result)
    }
    if (filters.length === 0) return false
    return filters.length === 1 ? filters[0]! : { or: filters }
  }
}
