import { getPayload, type Payload } from 'payload'

import { runMigrations } from '@/database/migrate'
import { parseDatabaseUri } from '@/database/parseDatabaseUri'
import { explainStartupError } from '@/server/startupErrors'

/** Starts Payload for a command-line script, with migrations applied and French errors. */
export async function bootPayload(): Promise<Payload> {
  try {
    parseDatabaseUri(process.env.DATABASE_URI)
    const { default: config } = await import('@payload-config')
    const payload = await getPayload({ config })
    await runMigrations(payload)
    return payload
  } catch (error) {
    console.error(`\n✖ ${explainStartupError(error, { port: 0 })}\n`)
    process.exit(1)
  }
}
