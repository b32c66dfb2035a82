/**
 * The access table: who may do what, on which document, for every collection and every
 * protected field. It is both the specification and the documentation:
 * `tests/access/*.access.spec.ts` runs every cell against the real REST API (and GraphQL
 * for anonymous reads) on SQLite and PostgreSQL, and `npm run docs:access` prints it as
 * docs/access.md. Whatever an actor is not listed for is refused.
 *
 * The table lives in matrix/: actors.ts (actors, operations, the shape of a row),
 * directory.ts (businesses, associations, services, announcements), collections.ts (every
 * other collection, and the list of them all) and fields.ts (protected fields).
 */
export * from './matrix/actors'
export * from './matrix/collections'
export { type CreatePlace, type DirectoryTarget, PLACES } from './matrix/directory'
export * from './matrix/fields'
