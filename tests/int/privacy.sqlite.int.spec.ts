import { privacySuite } from './privacySuite'

privacySuite('sqlite')
