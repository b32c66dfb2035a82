import { spawn } from 'node:child_process'

import { describe, expect, it } from '@jest/globals'

import { logError } from '@/logging/logger'

/**
 * The production logger writes request lines in blocks: these check, in a real process,
 * that a warning goes out at once with the lines before it, and that nothing is lost when
 * the process exits.
 */
function runLogger(body: string) {
  const script = `
    import pino from 'pino'
    import { createLogger } from './src/logging/logger.ts'
    const { options, destination } = createLogger({ NODE_ENV: 'production' })
    const logger = pino(options, destination)
    ${body}
  `
  const child = spawn(process.execPath, ['--no-deprecation', '--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: process.cwd(),
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  let output = ''
  child.stdout.on('data', (chunk) => (output += String(chunk)))
  const lines = () => output.split('\n').filter(Boolean).map((line) => JSON.parse(line) as { msg: string; level: number; err?: unknown })
  const messages = () => lines().map((line) => line.msg)
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve))
  return { child, messages, lines, exited }
}

describe('production logger', () => {
  it('writes a warning at once, after the request lines logged before it', async () => {
    // The event loop is then blocked for 30 s: no timer can flush, only the warning's own write.
    const { child, messages } = runLogger(`
      logger.info('requête 1')
      logger.info('requête 2')
      logger.warn('attention')
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 30_000)
    `)
    try {
      const deadline = Date.now() + 20_000
      while (!messages().includes('attention') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50))
      expect(messages()).toEqual(['requête 1', 'requête 2', 'attention'])
    } finally {
      child.kill('SIGKILL')
    }
  }, 40_000)

  it('loses no line when the process exits', async () => {
    const { messages, exited } = runLogger(`
      for (let i = 0; i < 10; i++) logger.info('requête ' + i)
      process.exit(0)
    `)
    expect(await exited).toBe(0)
    expect(messages()).toEqual(Array.from({ length: 10 }, (_, i) => `requête ${i}`))
  }, 30_000)

  it('logs a refusal wrapped by GraphQL at info, a GraphQL server error at error with its stack, and not Payload’s unused-origin warning', async () => {
    const { lines, exited } = runLogger(`
      const { GraphQLError } = await import('graphql')
      const { Forbidden } = await import('payload')
      logger.error({ err: new GraphQLError('Vous n’êtes pas autorisé.', { originalError: new Forbidden() }) })
      logger.error({ err: new GraphQLError('Panne', { originalError: new Error('Panne') }) })
      logger.warn('Request origin "" is not in the CORS/CSRF allowlist. Falling back to empty string as request origin.')
      process.exit(0)
    `)
    expect(await exited).toBe(0)
    const [refusal, fault, ...rest] = lines()
    expect(rest).toEqual([])
    expect({ level: refusal?.level, msg: refusal?.msg, err: refusal?.err }).toEqual({ level: 30, msg: 'Vous n’êtes pas autorisé.', err: undefined })
    expect({ level: fault?.level, hasErr: Boolean(fault?.err) }).toEqual({ level: 50, hasErr: true })
  }, 30_000)
})

describe('the log never writes the values of a failed query', () => {
  it('drops Drizzle’s params and PostgreSQL’s detail, keeps what tells the failure', () => {
    const cause = Object.assign(new Error('duplicate key value violates unique constraint "users_email_idx"'), {
      detail: 'Key (email)=(louise@exemple.fr) already exists.',
      code: '23505',
    })
    const error = Object.assign(new Error('Failed query: insert into "users" ("email", "hash") values (?, ?)\nparams: louise@exemple.fr,pbkdf2-sha256-v1:abc'), {
      name: 'DrizzleQueryError',
      params: ['louise@exemple.fr', 'pbkdf2-sha256-v1:abc'],
      cause,
    })
    const logged = JSON.stringify(logError(error))
    expect(logged).not.toMatch(/louise@exemple\.fr|pbkdf2/)
    expect(logged).toContain('Failed query: insert into \\"users\\"')
    expect(logged).toContain('users_email_idx')
    expect(logged).toContain('DrizzleQueryError')
  })
})
