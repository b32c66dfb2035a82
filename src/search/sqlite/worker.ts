/**
 * A search worker thread (started by workerPool.ts): its own read connection to the SQLite
 * file and its own `IndexReader`; answers `search` messages and applies `patch` messages
 * (sent after each index write) in the order they come.
 */
import { parentPort, workerData } from 'node:worker_threads'

import { IndexReader } from './indexReader'
import { ReadConnection } from './readConnection'
import type { WorkerReply, WorkerRequest } from './workerPool'

const port = parentPort
if (!port) throw new Error('worker.ts est un fil de recherche : lancez-le avec workerPool.ts.')

const connection = ReadConnection.open((workerData as { url: string }).url)
if (!connection) throw new Error('Les fils de recherche ne lisent qu’une base SQLite locale (file:…).')
const reader = new IndexReader((sql, args) => connection.all(sql, args))

const encoder = new TextEncoder()

port.on('message', async (message: WorkerRequest) => {
  if (message.type === 'patch') return reader.applyPatch(message.patch)
  try {
    const { result, changes, validUntil } = await reader.execute(message.plan)
    // encode() gives the bytes a buffer of their own, which moves to the server's thread.
    const json = encoder.encode(JSON.stringify(result))
    port.postMessage({ id: message.id, answer: { json, changes, validUntil } } satisfies WorkerReply, [json.buffer])
  } catch (error) {
    port.postMessage({ id: message.id, error: error instanceof Error ? error.message : String(error) } satisfies WorkerReply)
  }
})
port.postMessage({ type: 'ready' } satisfies WorkerReply)
// Searches that arrive meanwhile wait for it: the first one would have loaded the same.
setImmediate(() => void reader.warm().catch(() => {}))
