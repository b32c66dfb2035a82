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

/** Arguments that start the product's server. */
export const SERVER_ARGS = [...NODE_TS_ARGS, 'src/server.ts']
