import type { Access } from 'payload'

/** Only the server itself (local API with overrideAccess) may do this. */
export const nobody: Access = () => false
