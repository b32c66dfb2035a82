import { ConfigurationError } from './database/parseDatabaseUri'

/**
 * PAYLOAD_SECRET signs sessions. Production refuses to start without one; development and
 * tests use a fixed, clearly non-secret value so that the demo needs no set-up.
 */
export function resolveSecret(env: NodeJS.ProcessEnv = process.env): string {
  const secret = env.PAYLOAD_SECRET?.trim()
  if (secret) return secret
  // `next build` evaluates the config too (to collect page data) but signs nothing.
  const building = env.NEXT_PHASE === 'phase-production-build'
  if (env.NODE_ENV === 'production' && env.ANNUAIRE_DEMO !== '1' && !building) {
    throw new ConfigurationError(
      'PAYLOAD_SECRET est obligatoire en production : ajoutez une longue valeur aléatoire, par exemple ' +
        '`PAYLOAD_SECRET=$(openssl rand -hex 32)`. (PAYLOAD_SECRET is required in production.)',
    )
  }
  return 'annuaire-local-development-secret-not-for-production'
}
