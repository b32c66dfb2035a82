import { territoryScopeSuite } from './territoryScopeSuite'

describe('territory isolation on SQLite (embedded)', () => territoryScopeSuite('sqlite'))
