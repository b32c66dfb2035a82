/**
 * Browser tests go at a person's pace and, in the full suite, share two cores with two other
 * jest passes: an admin page that renders in 1–2 s at rest takes 5–12 s there. Their default
 * limit is wider than the other projects' (jest.config.mjs, 120 s); a test that needs more
 * says so itself.
 */
import { jest } from '@jest/globals'

jest.setTimeout(300_000)
