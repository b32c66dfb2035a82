/**
 * The layers of the code, lowest first (docs/architecture.md, « Couches »). A module may
 * import from its own layer or from a lower one; an import that runs back up is refused
 * unless it is listed in ALLOWED_UPWARD with its reason (at most 8: tests/unit/layers.unit.spec.ts).
 * Only imports that exist at run time count (`import type` is erased by the compiler).
 *
 * `npx depcruise src collections` checks the same rules from the command line.
 */

/** [name, path patterns (relative to the repository)] from the bottom up. */
const LAYERS = [
  ['base', ['^src/payload-types\\.ts$', '^collections/slugs\\.ts$', '^src/secret\\.ts$', '^src/(logging|errors|database|auth|i18n)/']],
  ['access', ['^src/access/']],
  ['fields', ['^src/fields/']],
  ['territories', ['^src/territories/']],
  ['services', ['^src/(email|forms|stats|privacy|sirene|search|moderation)/']],
  ['hooks', ['^src/hooks/']],
  ['collections', ['^collections/(?!slugs\\.ts$)']],
  ['features', ['^src/(contributions|reports|opendata|imports|jobs|graphql|seed)/']],
  ['config', ['^src/payload\\.config\\.ts$']],
  ['site', ['^src/(site|components)/']],
  ['delivery', ['^src/(app|server)/', '^src/server\\.ts$']],
  ['scripts', ['^scripts/']],
]

/**
 * The imports that still run back up, each with its reason: [from, to, reason]. Keep it short:
 * every entry is a debt.
 */
const ALLOWED_UPWARD = [
  ['src/fields/status.ts', 'src/moderation/pendingChanges.ts', 'the status field group carries the moderation fields it shows'],
  ['src/fields/status.ts', 'src/moderation/rank.ts', 'same: the rank field lives with the ranking rules'],
  ['src/moderation/queue.ts', 'collections/Announcements/index.ts', 'the queue reads the collection’s labels and fields to list them'],
  ['src/moderation/queue.ts', 'collections/Reports/index.ts', 'same, for reports'],
  ['src/hooks/notifyMatches.ts', 'src/contributions/matching.ts', 'the hook fires the matching of offers and needs, which contributions own'],
  ['collections/Users/sameAnswer.ts', 'src/contributions/accounts.ts', 'sign-up answers the same whether the account exists: it needs the account mails'],
  ['src/stats/track.ts', 'src/site/payload.ts', 'pages record their visits; the recorder stays beside the counters it writes'],
]

const allowed = (from) => ALLOWED_UPWARD.filter(([f]) => f === from)

const upwardRules = LAYERS.slice(0, -1).flatMap(([name, paths], index) => {
  const higher = LAYERS.slice(index + 1).flatMap(([, p]) => p)
  const exceptions = [...new Set(ALLOWED_UPWARD.map(([from]) => from))].filter((from) => paths.some((p) => new RegExp(p).test(from)))
  const rule = (from, pathNot) => ({
    name: `no-upward-from-${name}`,
    severity: 'error',
    comment: `The ${name} layer does not import from a higher layer (docs/architecture.md).`,
    from: from,
    to: { path: higher, ...(pathNot.length ? { pathNot } : {}), dependencyTypesNot: ['type-only'] },
  })
  return [
    rule({ path: paths, ...(exceptions.length ? { pathNot: exceptions.map((f) => `^${f.replace(/[.()[\]]/g, '\\$&')}$`) } : {}) }, []),
    ...exceptions.map((from) =>
      rule({ path: `^${from.replace(/[.()[\]]/g, '\\$&')}$` }, allowed(from).map(([, to]) => `^${to.replace(/[.()[\]]/g, '\\$&')}$`)),
    ),
  ]
})

const config = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'No module imports itself back through others (run-time imports only).',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    ...upwardRules,
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^src/migrations/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
  },
}

module.exports = config
// Read by tests/unit/layers.unit.spec.ts; not part of dependency-cruiser's schema.
Object.defineProperty(module.exports, 'layers', { value: LAYERS, enumerable: false })
Object.defineProperty(module.exports, 'allowedUpward', { value: ALLOWED_UPWARD, enumerable: false })
