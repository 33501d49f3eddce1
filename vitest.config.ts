import { defineConfig } from 'vitest/config'

/**
 * Test layers by suffix: *.test.ts unit; *.int.test.ts against a real Payload on a real SQLite
 * file; *.e2e.test.ts in real Chromium against a built site.
 */
export default defineConfig({
  test: {
    // Three files at a time on a 2-core machine (Vitest's default is one less than the cores: one),
    // browser tests included: most files spend much of their time waiting (a browser, a build, a
    // scheduled minute), and with two at a time `npm test` used 1.2 of the 2 cores on average
    // (fresh clone, fe8bbe3: 24 m 40 s user + 6 m 32 s sys in 26 m 40 s). A project with
    // fileParallelism off is put in a group of its own that runs after all the others, one file
    // at a time, leaving a core idle for minutes.
    maxWorkers: 3,
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          // Some build whole search indexes or corpora (1-2 s alone); beside browser tests and site
          // builds on 2 cores they took over the default 5 s (searchWeights: 5.3 s at load 15).
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'int',
          include: ['tests/int/**/*.int.test.ts'],
          environment: 'node',
          pool: 'forks',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          env: { PAYLOAD_SECRET: 'integration-tests-only', NODE_ENV: 'test', LOG_LEVEL: 'warn' },
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.e2e.test.ts'],
          globalSetup: ['tests/e2e/globalSetup.ts'],
          environment: 'node',
          pool: 'forks',
          testTimeout: 90_000,
          hookTimeout: 180_000,
          env: { PAYLOAD_SECRET: 'e2e-tests-only', NODE_ENV: 'test', LOG_LEVEL: 'warn' },
        },
      },
    ],
  },
})
