/** Jest runs the TypeScript sources as native ESM through swc; `npm test` type-checks first. */
export default {
  testEnvironment: 'node',
  // TensorFlow.js (under the default embedder) keeps its engine on the global object; Jest 30's
  // soft clean-up of globals between files of one worker broke the second file to load the model.
  testEnvironmentOptions: { globalsCleanup: 'off' },
  extensionsToTreatAsEsm: ['.ts'],
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
        module: { type: 'es6' },
        sourceMaps: 'inline',
      },
    ],
  },
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  globalSetup: '<rootDir>/test/setup/global-setup.mjs',
  globalTeardown: '<rootDir>/test/setup/global-teardown.mjs',
  collectCoverageFrom: ['src/**/*.ts'],
  coverageReporters: ['text-summary', 'lcov'],
  coverageThreshold: { global: { lines: 80 } },
  testTimeout: 30000,
  // Jest leaves one core to itself by default; the suite waits mostly on I/O and child processes.
  maxWorkers: 2,
};
