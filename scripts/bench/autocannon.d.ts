/** The part of autocannon (no published types) the benchmark uses. */
declare module 'autocannon' {
  import type { EventEmitter } from 'node:events'

  type Request = { method?: string; path?: string; headers?: Record<string, string>; body?: string }
  type Options = {
    url: string
    connections?: number
    amount?: number
    duration?: number
    timeout?: number
    requests?: Array<Request & { setupRequest?: (req: Request, context: Record<string, unknown>) => Request }>
  }
  type Result = { requests: { total: number }; errors: number; timeouts: number; non2xx: number }
  type Instance = EventEmitter &
    PromiseLike<Result> & {
      on(event: 'response', listener: (client: unknown, statusCode: number, resBytes: number, responseTime: number) => void): Instance
    }
  function autocannon(options: Options): Instance
  export default autocannon
}
