/**
 * The access table (tests/access/matrix.ts) as Markdown: the table the access tests run, cell
 * by cell, is the documentation. Written to docs/access.md by `npm run docs:access`; a unit
 * test fails when the committed file differs.
 */
import {
  ACTOR_LABELS,
  ACTOR_SHORT,
  ACTORS,
  type Actor,
  COLLECTION_TABLES,
  LOGGED_IN,
  OPERATION_LABELS,
  PLACES,
  READ_FIELD_RULES,
  type ReadFieldRule,
  WRITE_FIELD_RULES,
  type WriteOutcome,
} from './matrix'

const YES = '✅'
const NO = '❌'
const NA = '—'
const OUTCOME: Record<WriteOutcome, string> = { saved: 'enregistré', ignored: 'ignoré', refused: 'refusé' }

const header = (first: string[]) =>
  [`| ${[...first, ...ACTORS.map((a) => ACTOR_SHORT[a])].join(' | ')} |`, `|${[...first, ...ACTORS].map(() => '---').join('|')}|`].join('\n')

function readersOf(rule: ReadFieldRule): readonly Actor[] {
  if (rule.collection === 'users' && rule.target === 'self') return LOGGED_IN
  const table = COLLECTION_TABLES.find((t) => t.collection === rule.collection)
  return table?.rules.find((r) => r.op === 'read' && r.target === rule.target)?.allow ?? []
}

export function accessTableMarkdown(): string {
  const out: string[] = []
  out.push('# Droits d’accès')
  out.push('')
  out.push(
    'Ce tableau est la spécification des droits **et** la liste des tests qui les vérifient : ' +
      'chaque case est un test de `tests/access` exécuté contre la vraie API REST (et GraphQL pour les visiteurs sans compte), ' +
      'sur SQLite et sur PostgreSQL. Il est généré depuis `tests/access/matrix.ts` par `npm run docs:access` : ' +
      'on modifie la matrice, pas ce fichier.',
  )
  out.push('')
  out.push(`${YES} autorisé · ${NO} refusé (lecture : aucun document rendu ; écriture : réponse 4xx et base inchangée) · ${NA} sans objet.`)
  out.push('')
  out.push('Les règles elles-mêmes sont de petits prédicats nommés, un par fichier, dans `src/access/`.')
  out.push('')
  out.push('## Qui')
  out.push('')
  out.push('| Colonne | Personne |')
  out.push('|---|---|')
  for (const actor of ACTORS) out.push(`| ${ACTOR_SHORT[actor]} | ${ACTOR_LABELS[actor]} (\`${actor}\`) |`)
  out.push('')
  out.push('## Où')
  out.push('')
  for (const place of Object.values(PLACES)) out.push(`- ${place}`)
  out.push('')
  out.push('## Collections')
  for (const table of COLLECTION_TABLES) {
    out.push('')
    out.push(`### ${table.title} (\`${table.collection}\`)`)
    out.push('')
    out.push(header(['Opération', 'Document']))
    for (const rule of table.rules) {
      const cells = ACTORS.map((a) => (rule.notApplicable?.includes(a) ? NA : rule.allow.includes(a) ? YES : NO))
      out.push(`| ${OPERATION_LABELS[rule.op]} | ${table.targets[rule.target]} | ${cells.join(' | ')} |`)
    }
  }
  out.push('')
  out.push('## Champs privés (lecture)')
  out.push('')
  out.push(
    `Sur un document que la personne peut lire. ${YES} visible · ${NO} caché par tous les moyens : par identifiant, en liste, ` +
      'avec `depth`, `select`, un filtre `where` sur le champ et, pour les visiteurs sans compte, GraphQL · ' +
      `${NA} la personne ne voit pas le document.`,
  )
  out.push('')
  out.push(header(['Collection', 'Champ']))
  for (const rule of READ_FIELD_RULES) {
    const readers = readersOf(rule)
    const cells = ACTORS.map((a) => (!readers.includes(a) ? NA : rule.visibleTo.includes(a) ? YES : NO))
    out.push(`| \`${rule.collection}\` | ${rule.label} (\`${rule.field}\`) | ${cells.join(' | ')} |`)
  }
  out.push('')
  out.push('## Champs protégés (écriture)')
  out.push('')
  out.push(
    'Chaque personne écrit sur un document qu’elle a par ailleurs le droit de créer ou de modifier. ' +
      '« enregistré » : la valeur envoyée est gardée ; « ignoré » : la requête aboutit mais le champ garde sa valeur automatique ; ' +
      `« refusé » : erreur sur le champ, rien n’est enregistré ; ${NA} la personne ne peut pas écrire ce document du tout.`,
  )
  out.push('')
  out.push(header(['Collection', 'Champ', 'Opération']))
  for (const rule of WRITE_FIELD_RULES) {
    const cells = ACTORS.map((a) => (rule.outcomes[a] ? OUTCOME[rule.outcomes[a]!] : NA))
    out.push(`| \`${rule.collection}\` | ${rule.label} (\`${rule.field}\`) | ${OPERATION_LABELS[rule.op]} | ${cells.join(' | ')} |`)
  }
  out.push('')
  out.push('## Attaques et mauvaises entrées')
  out.push('')
  out.push(
    'Les attaques typiques (une entreprise qui publie sa propre fiche ou change ses propriétaires, un habitant qui modifie ' +
      'l’annonce d’un autre par son identifiant, une secrétaire qui lit une fiche en attente d’une autre commune, un visiteur ' +
      'qui cherche des e-mails par `depth`, `select`, `where`, le tri, une duplication ou GraphQL, un administrateur qui déplace ' +
      'un compte vers un autre territoire…) sont dans `tests/access/attacksSuite.ts` ; les corps de requête malformés ' +
      '(JSON cassé, types faux, tableaux au lieu d’objets, chaînes énormes, identifiants invalides) dans ' +
      '`tests/access/malformedSuite.ts` : jamais de réponse 500, un message en français sur chaque champ invalide, rien d’enregistré.',
  )
  out.push('')
  return out.join('\n')
}
