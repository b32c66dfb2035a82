/**
 * How every script and test starts `src/server.ts` (or another TypeScript entry point that
 * loads the Payload config) with Node directly.
 *
 * `--conditions=production`: the `node` entry points of the Lexical packages (the rich-text
 * editor) pick their build with a top-level `await import()`. Node 20's ESM loader
 * deadlocks on those at random (about one start in two hung or exited silently with code 0).
 * The `production` export condition resolves straight to the built files, which have no
 * top-level await.
 */
export const NODE_TS_ARGS = ['--conditions=production', '--import', 'tsx']

/**
 * Node flags of the product's server (docs/benchmarks.md, memory).
 * `--max-semi-space-size=4`: V8's young generation (short-lived request objects) is
 * collected at 8 MB instead of growing to 32 MB; under the search load it costs no
 * measurable CPU.
 * `--heap-growing-percent=40`: the next full collection comes once the heap has grown by
 * 40 % over what was live after the last one. V8 otherwise lets the heap of the server's
 * thread (≈ 108 MB live with Payload and Next loaded) double before collecting: under the
 * search load it reached 200 MB of mostly dead request objects; with 40 % it stays under
 * 140 MB (RSS 60–70 MB lower) for three more full collections in 6,600 requests.
 */
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=4', '--heap-growing-percent=40']

/** Arguments that start the product's server (`npm start` spells out the same). */
export const SERVER_ARGS = [...SERVER_NODE_FLAGS, ...NODE_TS_ARGS, 'src/server.ts']

/**
 * glibc's allocator settings for the server: at most two arenas (each search thread would
 * otherwise keep its own, grown by its peak), and large blocks (from 64 KB: SQLite results,
 * JSON) given back to the system when freed. About 35 MB less after a search load; values
 * already in the environment win. `npm start` sets the same.
 */
export const SERVER_ENV = { MALLOC_ARENA_MAX: '2', MALLOC_MMAP_THRESHOLD_: '65536', MALLOC_TRIM_THRESHOLD_: '131072' }
