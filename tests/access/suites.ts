/**
 * Every access suite, run against one shared test server: the collection table, the
 * protected fields, the typical attacks and malformed input. The world (second territory,
 * accounts, one document per target) is built once before and removed after.
 */
import type { ServerTarget } from '../support/servers'
import { attacksSuite } from './attacksSuite'
import { fieldsSuite } from './fieldsSuite'
import { malformedSuite } from './malformedSuite'
import { securitySuite } from './securitySuite'
import { tableSuite } from './tableSuite'
import { territorySuite } from './territorySuite'
import { World } from './world'

export function accessSuites(server: ServerTarget) {
  let world: World | undefined
  const ready = () => {
    if (!world) throw new Error("Le monde de test n'a pas pu être construit (voir beforeAll).")
    return world
  }

  beforeAll(async () => {
    const w = new World(server)
    try {
      await w.setUp()
    } catch (error) {
      await w.destroy()
      throw error
    }
    world = w
  }, 600_000)

  afterAll(async () => {
    await world?.destroy()
  }, 1_200_000)

  describe('collection table', () => tableSuite(ready))
  describe('protected fields', () => fieldsSuite(ready))
  describe('attacks', () => attacksSuite(ready))
  describe('malformed input', () => malformedSuite(ready))
  describe('security', () => securitySuite(ready))
  describe('territory isolation', () => territorySuite(ready))
}
