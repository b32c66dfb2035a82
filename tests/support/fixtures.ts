/** Test fixtures shared by every suite: the demo accounts and the demo territory. */
export const DEMO_PASSWORD = process.env.DEMO_PASSWORD || 'Demo-Annuaire-2026!'

export const DEMO_USERS = {
  admin: 'admin@annuaire.example',
  editor: 'mairie.grandvilliers@annuaire.example',
  viewer: 'elu@annuaire.example',
  owner: 'boulangerie@annuaire.example',
  resident: 'habitant@annuaire.example',
  superadmin: 'national@annuaire.example',
} as const

export type DemoRole = keyof typeof DEMO_USERS

export const DEMO_EPCI = '246000848'
/** Grandvilliers and Hanvoile are the demo secrétaire's communes; Formerie is not. */
export const INSEE = { grandvilliers: '60286', hanvoile: '60298', formerie: '60245', songeons: '60623' } as const
