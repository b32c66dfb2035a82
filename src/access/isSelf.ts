import type { Access } from 'payload'

/** A user's own account. */
export const isSelf: Access = ({ req: { user } }) => (user ? { id: { equals: user.id } } : false)
