import type { Access } from 'payload'

/** Visitors without an account (for example, to sign up). */
export const isAnonymous: Access = ({ req: { user } }) => !user
