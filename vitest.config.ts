import { defineConfig } from 'vitest/config'

/**
 * Test layers by suffix: *.test.ts unit; *.int.test.ts against a real Payload on a real SQLite
 * file; *.e2e.test.ts in real Chromium against a built site.
 */
export default defineConfig({
  test: {
    // Two files at a time (Vitest's default is one less than the cores: one, on a 2-core machine).
    // Browser tests still run one at a time (their project's fileParallelism), beside the others.
    maxWorkers: 2,
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
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
          fileParallelism: false,
          testTimeout: 90_000,
          hookTimeout: 180_000,
          env: { PAYLOAD_SECRET: 'e2e-tests-only', NODE_ENV: 'test', LOG_LEVEL: 'warn' },
        },
      },
    ],
  },
})
