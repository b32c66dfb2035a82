import { importJobsSuite } from './importJobsSuite'

importJobsSuite('sqlite')
