import { statsSuite } from './statsSuite'

statsSuite('sqlite')
