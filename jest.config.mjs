/**
 * Jest in native ESM mode (run with NODE_OPTIONS=--experimental-vm-modules, see package.json).
 * Projects: unit (pure functions), int (real Payload in the test process, each file on a
 * database of its own), server (integration files that use the shared test servers or start
 * servers of their own), access (the role × collection × operation table, in-process and
 * over the real REST and GraphQL API), e2e (browser).
 *
 * `npm test` (scripts/test.mjs) runs three jest processes at once, each on servers of its
 * own: unit, int and access on two workers (no file shares a database or a server with
 * another of those); server on one worker; e2e on three workers, each worker with its own
 * server (tests/support/workerServers.ts). Files of one worker run one after another.
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
  setupFiles: ['<rootDir>/tests/support/closeConnections.ts'],
}

/**
 * Integration files that talk to the shared test servers (TEST_BASE_URL…) or start servers
 * of their own: they run one at a time, with the e2e files.
 */
const SERVER_FILES = [
  'backup.int.spec.ts',
  'faults.int.spec.ts',
  'fuzz.int.spec.ts',
  'origins.http.int.spec.ts',
  'privacy.postgres.int.spec.ts',
  'privacy.sqlite.int.spec.ts',
  'readiness.int.spec.ts',
  'reports.http.int.spec.ts',
  'rest.int.spec.ts',
  'searchInstances.http.int.spec.ts',
  'statsWiring.http.int.spec.ts',
  'territories.postgres.int.spec.ts',
]

export default {
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/tests/unit/**/*.unit.spec.ts'] },
    {
      ...shared,
      displayName: 'int',
      testMatch: ['<rootDir>/tests/int/**/*.int.spec.ts'],
      testPathIgnorePatterns: SERVER_FILES.map((name) => `/tests/int/${name.replaceAll('.', '\\.')}$`),
    },
    {
      ...shared,
      displayName: 'server',
      testMatch: SERVER_FILES.map((name) => `<rootDir>/tests/int/${name}`),
      setupFiles: ['<rootDir>/tests/support/closeConnections.ts', '<rootDir>/tests/support/workerServers.ts'],
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
      setupFiles: ['<rootDir>/tests/support/closeConnections.ts', '<rootDir>/tests/support/workerServers.ts'],
      setupFilesAfterEnv: ['<rootDir>/tests/support/browserTimeout.ts'],
    },
  ],
  // The default output, then each file's duration (slowest files at the end of a run).
  reporters: ['default', '<rootDir>/tests/support/timingReporter.mjs'],
  // Longest files first, also on a clean clone (no jest cache): see the file.
  testSequencer: '<rootDir>/tests/support/sequencer.mjs',
  testTimeout: 120000,
  maxWorkers: 1,
  // Payload keeps timers (job crons, caches) alive after destroy(): end the run anyway.
  forceExit: true,
}
