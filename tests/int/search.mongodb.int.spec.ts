import { searchSuite } from './searchSuite'

// No MongoDB server can be installed on the project's machines: this runs only where
// TEST_MONGODB_URI points to one (e.g. mongodb://127.0.0.1:27017).
const describeIfMongo = process.env.TEST_MONGODB_URI ? describe : describe.skip

describeIfMongo('search on MongoDB (text index)', () => searchSuite('mongodb'))
