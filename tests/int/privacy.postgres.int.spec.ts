import { privacySuite } from './privacySuite'

privacySuite('postgres')
