/**
 * Search worker threads for the SQLite engine. Node runs JavaScript on one core; a search
 * is mostly CPU (FTS5, then one pass over the in-memory columns), so under concurrent
 * searches a single thread queues them. The server starts a few workers (`SEARCH_WORKERS`,
 * default: one per core, at most 2); searches wait in one queue here and each worker takes
 * the next as it finishes one, and every index write made by this process is sent to all
 * of them as a patch, in order. Only the server imports this module (never Next's bundle).
 */
import os from 'node:os'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'

import { buildSync } from 'esbuild'

import type { Payload } from 'payload'

import type { SearchPlan } from '../query'
import type { SearchExecutor } from './engine'
import type { EncodedAnswer, IndexPatch } from './indexReader'

export type WorkerRequest = { type: 'search'; id: number; plan: SearchPlan } | { type: 'patch'; patch: IndexPatch }
export type WorkerReply = { id: number; answer: EncodedAnswer } | { id: number; error: string } | { type: 'ready' }

type Pending = { resolve: (answer: EncodedAnswer) => void; reject: (error: Error) => void }
type Queued = Pending & { plan: SearchPlan }
type Slot = { worker: Worker; pending: Map<number, Pending> }

/**
 * Searches handed to one worker at a time: the one it runs and a few next, so that it never
 * waits for this thread between two. The others wait in the pool's queue and go to whichever
 * worker has room first: all handed out at once, a search could wait behind several long ones
 * on one worker while the other was free. Four keep a worker busy without it waiting for this
 * thread between two searches; fewer left it idle (figures: docs/benchmarks.md, « Fils de
 * recherche »).
 */
const IN_FLIGHT_PER_WORKER = 4

/**
 * A search allocates small, short-lived objects, and its larger ones (the full-text
 * matches as JSON and arrays) die with it: a small young generation is collected often and
 * cheaply, where V8's default lets each thread's grow to 48 MB under load. An explicit
 * old-generation size makes V8 collect those large leftovers early instead of sizing the
 * thread's heap from the whole process's limit (≈ 30 MB less per thread after a search
 * load, docs/benchmarks.md); 256 MB still leaves room to load well over a million entries.
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 6, maxOldGenerationSizeMb: 256 }
const WORKER_FILE = fileURLToPath(new URL('./worker.ts', import.meta.url))
let workerSource: string | undefined

/**
 * The worker's code as one plain script, bundled once by esbuild (a few small modules and
 * the native libsql binding): Node does not apply the server's `--import tsx` to a
 * worker, and tsx in every worker would cost a loader thread and tens of MB each.
 */
function bundledWorker(): string {
  workerSource ??= buildSync({
    entryPoints: [WORKER_FILE],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['libsql'],
    write: false,
    logLevel: 'silent',
  }).outputFiles[0]!.text
  return workerSource
}

export function searchWorkerCount(value = process.env.SEARCH_WORKERS): number {
  if (value !== undefined && value.trim() !== '') {
    const count = Number(value)
    return Number.isInteger(count) && count >= 0 ? Math.min(count, 16) : 0
  }
  return Math.min(2, os.availableParallelism())
}

export class SearchWorkerPool implements SearchExecutor {
  private readonly slots: Slot[] = []
  /** Searches not yet handed to a worker, oldest first. */
  private readonly queue: Queued[] = []
  private nextId = 1
  private closing = false
  /** Searches answered by the workers so far. */
  served = 0

  private constructor(private readonly onFailure: (error: Error) => void) {}

  /** Starts `count` workers on the SQLite file at `url` and waits until each has loaded. */
  static async start(url: string, count: number, onFailure: (error: Error) => void = () => {}): Promise<SearchWorkerPool> {
    const pool = new SearchWorkerPool(onFailure)
    await Promise.all(Array.from({ length: count }, () => pool.spawn(url)))
    return pool
  }

  get size(): number {
    return this.slots.length
  }

  private spawn(url: string): Promise<void> {
    const worker = new Worker(bundledWorker(), { eval: true, workerData: { url }, resourceLimits: WORKER_LIMITS })
    const slot: Slot = { worker, pending: new Map() }
    const fail = (error: Error) => {
      const index = this.slots.indexOf(slot)
      if (index >= 0) this.slots.splice(index, 1)
      for (const pending of slot.pending.values()) pending.reject(error)
      slot.pending.clear()
      // Without workers, the searches still waiting are answered in the server's thread.
      if (this.slots.length === 0) for (const queued of this.queue.splice(0)) queued.reject(error)
      if (!this.closing) this.onFailure(error)
    }
    let ready = () => {}
    worker.on('message', (reply: WorkerReply) => {
      if ('type' in reply) return ready()
      const pending = slot.pending.get(reply.id)
      if (!pending) return
      slot.pending.delete(reply.id)
      this.dispatch()
      if ('error' in reply) return pending.reject(new Error(reply.error))
      this.served++
      pending.resolve(reply.answer)
    })
    // Ready once its modules are loaded and its connection open (it says so).
    return new Promise((resolve, reject) => {
      ready = () => {
        this.slots.push(slot)
        resolve()
      }
      worker.on('error', (error) => {
        fail(error)
        reject(error)
      })
      worker.on('exit', (code) => {
        const error = new Error(`fil de recherche arrêté (code ${code})`)
        fail(error)
        reject(error)
      })
    })
  }

  execute(plan: SearchPlan): Promise<EncodedAnswer> {
    if (this.slots.length === 0) return Promise.reject(new Error('aucun fil de recherche'))
    return new Promise((resolve, reject) => {
      this.queue.push({ plan, resolve, reject })
      this.dispatch()
    })
  }

  /** Hands the oldest waiting searches to the least busy workers that have room. */
  private dispatch(): void {
    while (this.queue.length > 0) {
      let slot: Slot | undefined
      for (const candidate of this.slots) if (!slot || candidate.pending.size < slot.pending.size) slot = candidate
      if (!slot || slot.pending.size >= IN_FLIGHT_PER_WORKER) return
      const { plan, resolve, reject } = this.queue.shift()!
      const id = this.nextId++
      slot.pending.set(id, { resolve, reject })
      slot.worker.postMessage({ type: 'search', id, plan } satisfies WorkerRequest)
    }
  }

  applyPatch(patch: IndexPatch): void {
    for (const slot of this.slots) slot.worker.postMessage({ type: 'patch', patch } satisfies WorkerRequest)
  }

  async close(): Promise<void> {
    this.closing = true
    for (const queued of this.queue.splice(0)) queued.reject(new Error('fils de recherche arrêtés'))
    const slots = this.slots.splice(0)
    await Promise.all(slots.map((slot) => slot.worker.terminate()))
  }
}

/**
 * Moves the searches of a local SQLite database into worker threads (nothing for
 * PostgreSQL, MongoDB, an in-memory database or `SEARCH_WORKERS=0`). Returns the pool, or
 * null when searches stay in this thread.
 */
export async function startSearchWorkers(payload: Payload): Promise<SearchWorkerPool | null> {
  if (payload.db.name !== 'sqlite') return null
  const { sqliteEngineOf } = await import('../index')
  const engine = sqliteEngineOf(payload)
  const url = engine?.databaseUrl
  const count = searchWorkerCount()
  if (!engine || !url?.startsWith('file:') || url.includes(':memory:') || count === 0) return null
  await engine.ensureSchema()
  try {
    const pool = await SearchWorkerPool.start(url, count, (error) =>
      payload.logger.error({ err: error, msg: 'Un fil de recherche s’est arrêté' }),
    )
    engine.useExecutor(pool)
    return pool
  } catch (error) {
    payload.logger.error({ err: error, msg: 'Fils de recherche impossibles à démarrer : recherche dans le processus principal.' })
    return null
  }
}
