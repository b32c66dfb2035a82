/** The PostgreSQL engine's tables, text search configuration and extensions, and how it creates them. */
import type { PgClient } from './columns'

export const CONFIG = 'annuaire_fr'
export const SCHEMA_VERSION = '4'

export const SCHEMA = [
  `CREATE EXTENSION IF NOT EXISTS unaccent`,
  `CREATE EXTENSION IF NOT EXISTS pg_trgm`,
  `DO $$ BEGIN
     IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = '${CONFIG}') THEN
       CREATE TEXT SEARCH CONFIGURATION ${CONFIG} (COPY = french);
       ALTER TEXT SEARCH CONFIGURATION ${CONFIG} ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;
     END IF;
   END $$`,
  `CREATE TABLE IF NOT EXISTS search_meta (key text PRIMARY KEY, value text)`,
  `CREATE TABLE IF NOT EXISTS search_entries (
    rid bigserial PRIMARY KEY,
    kind text NOT NULL,
    entry_id text NOT NULL,
    territory text NOT NULL,
    title text NOT NULL,
    slug text NOT NULL,
    summary text NOT NULL,
    commune_id text,
    category_ids text[] NOT NULL DEFAULT '{}',
    category_tree text[] NOT NULL DEFAULT '{}',
    communes text[] NOT NULL DEFAULT '{}',
    announcement_kind text,
    price_type text,
    latitude double precision,
    longitude double precision,
    expires_at timestamptz,
    shown_from timestamptz,
    updated_at timestamptz NOT NULL,
    is_example boolean NOT NULL DEFAULT false,
    tsv tsvector NOT NULL,
    change bigint NOT NULL,
    UNIQUE (kind, entry_id)
  )`,
  `CREATE INDEX IF NOT EXISTS search_entries_tsv ON search_entries USING gin (tsv)`,
  `CREATE INDEX IF NOT EXISTS search_entries_change ON search_entries (change)`,
  `CREATE INDEX IF NOT EXISTS search_entries_categories ON search_entries USING gin (category_tree)`,
  // Rowids removed from the index, by the change that removed them (read by the other
  // instances) and when (pruned after REMOVED_RETENTION, see columns.ts).
  `CREATE TABLE IF NOT EXISTS search_removed (rid bigint PRIMARY KEY, change bigint NOT NULL)`,
  `CREATE INDEX IF NOT EXISTS search_removed_change ON search_removed (change)`,
  `ALTER TABLE search_removed ADD COLUMN IF NOT EXISTS removed_at timestamptz NOT NULL DEFAULT now()`,
  `CREATE INDEX IF NOT EXISTS search_removed_at ON search_removed (removed_at)`,
  `CREATE TABLE IF NOT EXISTS search_words (word text PRIMARY KEY)`,
  `CREATE INDEX IF NOT EXISTS search_words_trgm ON search_words USING gin (word gin_trgm_ops)`,
  // A new counter starts above any count an older set of tables reached (the time in ms), as
  // a reset: an instance that held the columns of dropped tables reloads them.
  `INSERT INTO search_meta (key, value) SELECT k, (extract(epoch FROM now()) * 1000)::bigint::text FROM unnest(ARRAY['changes', 'reset']) AS k
   ON CONFLICT (key) DO NOTHING`,
  `INSERT INTO search_meta (key, value) VALUES ('pruned', '0') ON CONFLICT (key) DO NOTHING`,
]

/** Deadlock victim (40P01) or serialisation failure (40001): the same work succeeds when run again. */
export function isRetryable(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code
  return code === '40P01' || code === '40001'
}

/** Whether the last column and index the schema added are there (then every earlier one is). */
export async function schemaComplete(client: PgClient): Promise<boolean> {
  const { rows } = await client.query(
    `SELECT to_regclass('search_removed_at') IS NOT NULL AND to_regclass('search_words_trgm') IS NOT NULL AND EXISTS (
       SELECT 1 FROM information_schema.columns WHERE table_name = 'search_removed' AND column_name = 'removed_at'
         AND table_schema = current_schema()) AS complete`,
  )
  return rows[0]?.complete === true
}
