/**
 * Jest in native ESM mode (run with NODE_OPTIONS=--experimental-vm-modules, see package.json).
 * Projects: unit (pure functions), int (real Payload on SQLite / PostgreSQL), access (the
 * role × collection × operation table against the real REST and GraphQL API), e2e (browser).
 */
const swc = [
  '@swc/jest',
  {
    jsc: {
      target: 'es2022',
      parser: { syntax: 'typescript', tsx: true },
      transform: { react: { runtime: 'automatic' } },
    },
    module: { type: 'es6' },
  },
]

const shared = {
  extensionsToTreatAsEsm: ['.ts', '.tsx'],
  transform: { '^.+\\.(t|j)sx?$': swc },
  moduleNameMapper: {
    '^@payload-config$': '<rootDir>/src/payload.config.ts',
    '^@/(.*)$': '<rootDir>/src/$1',
    '^@collections/(.*)$': '<rootDir>/collections/$1',
  },
  transformIgnorePatterns: ['/node_modules/'],
  testEnvironment: 'node',
}

export default {
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/tests/unit/**/*.unit.spec.ts'] },
    {
      ...shared,
      displayName: 'int',
      testMatch: ['<rootDir>/tests/int/**/*.int.spec.ts'],
    },
    {
      ...shared,
      displayName: 'access',
      testMatch: ['<rootDir>/tests/access/**/*.access.spec.ts'],
    },
    {
      ...shared,
      displayName: 'e2e',
      testMatch: ['<rootDir>/tests/e2e/**/*.e2e.spec.ts'],
    },
  ],
  testTimeout: 120000,
  maxWorkers: 1,
  // Payload keeps timers (job crons, caches) alive after destroy(): end the run anyway.
  forceExit: true,
}
