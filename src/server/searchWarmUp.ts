import type { Payload } from 'payload'

import type { IndexingSearchEngine } from '@/search'

/**
 * Loads the search engine's in-memory data at start, in the background (alongside Next's
 * start-up), so that the first visitor does not pay for it. Returns whether it is over:
 * /readyz answers 503 until then, so that a load balancer sends no search to a cold
 * instance. A failure only logs: the data is then read at the first search, as before.
 */
export function warmSearchInBackground(payload: Payload, engine: IndexingSearchEngine): () => boolean {
  if (!engine.warmUp) return () => true
  let over = false
  const started = performance.now()
  engine
    .warmUp()
    .then(
      ({ entries }) =>
        payload.logger.info(`Recherche : ${entries} fiche(s) chargée(s) en mémoire en ${Math.round(performance.now() - started)} ms.`),
      (error: unknown) =>
        payload.logger.error({ err: error }, 'Recherche : préchargement impossible, les données seront lues à la première recherche'),
    )
    .finally(() => {
      over = true
    })
  return () => over
}
