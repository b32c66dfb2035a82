/**
 * The layers of docs/architecture.md, checked on the real import graph with
 * dependency-cruiser's API and the rules of `.dependency-cruiser.cjs`: no circle, and no
 * import that runs back up except the few listed there (at most 8, each with its reason).
 */
import { createRequire } from 'node:module'

import { cruise, type ICruiseOptions, type ICruiseResult, type IRegularForbiddenRuleType } from 'dependency-cruiser'
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config'

type LayerConfig = {
  forbidden: IRegularForbiddenRuleType[]
  options: ICruiseOptions
  layers: Array<[string, string[]]>
  allowedUpward: Array<[string, string, string]>
}

const config = createRequire(import.meta.url)('../../.dependency-cruiser.cjs') as LayerConfig

async function violations(forbidden: IRegularForbiddenRuleType[]): Promise<string[]> {
  const { output } = await cruise(
    ['src', 'collections'],
    { ...config.options, ruleSet: { forbidden }, validate: true, outputType: 'json' },
    {},
    { tsConfig: extractTSConfig('tsconfig.json') },
  )
  const result = (typeof output === 'string' ? JSON.parse(output) : output) as ICruiseResult
  return result.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`)
}

/** The same rules without the listed exceptions, plus a probe that must fire (site → territories is allowed, so forbid it). */
function strictRules(): IRegularForbiddenRuleType[] {
  const strict = config.forbidden.map((rule) => {
    const to = { ...rule.to }
    delete to.pathNot
    const from = { ...rule.from }
    if (rule.name?.startsWith('no-upward-from-')) delete from.pathNot
    return { ...rule, from, to }
  })
  const probe: IRegularForbiddenRuleType = { name: 'probe', severity: 'error', from: { path: '^src/site/' }, to: { path: '^src/territories/' } }
  return [...strict, probe]
}

describe('layers', () => {
  test('no circle, no import back up beyond the listed ones, and the list holds at most 8', async () => {
    expect(config.allowedUpward.length).toBeLessThanOrEqual(8)
    for (const [, , reason] of config.allowedUpward) expect(reason.length).toBeGreaterThan(10)
    expect(await violations(config.forbidden)).toEqual([])
  })

  test('without the list, exactly the listed imports run back up (a paid debt leaves the list); the check can fail', async () => {
    const found = await violations(strictRules())
    const upward = found.filter((v) => !v.startsWith('probe:')).sort()
    const listed = config.allowedUpward.map(([from, to]) => `${from} → ${to}`).sort()
    expect(upward.map((v) => v.replace(/^[^:]+: /, '')).sort()).toEqual(listed)
    expect(found.some((v) => v.startsWith('probe:'))).toBe(true)
  })
})
