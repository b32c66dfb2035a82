import { importsSuite } from './importsSuite'

importsSuite('sqlite')
