import { defineConfig } from 'vitest/config'

/** Settings shared by the two integration projects. */
const INT = {
  environment: 'node',
  pool: 'forks',
  testTimeout: 60_000,
  hookTimeout: 120_000,
  env: { PAYLOAD_SECRET: 'integration-tests-only', NODE_ENV: 'test', LOG_LEVEL: 'warn' },
} as const

/**
 * Integration files kept in a process of their own (isolated, as Vitest does by default), in
 * tests/int/ownProcess/. In a shared one, scheduledPublish found the job runner off (it read
 * JOBS_AUTORUN when first imported, now when Payload starts: cms/jobs/index.ts), and
 * edgeDurability's kill -9 test timed out at 120 s, for a reason not found. A folder rather than
 * an `exclude` list: a project's own `exclude` drops the command line's (`npm run test:quick`).
 */
const INT_OWN_PROCESS = ['tests/int/ownProcess/*.int.test.ts']

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
          include: ['tests/int/*.int.test.ts'],
          ...INT,
          // Files share their worker's process, loading Payload and the CMS's code once per worker
          // rather than once per file: the 68 integration files took 3 m 36 s against 5 m 15 s
          // isolated (summed import time 32 s against 307 s). Each file starts its own Payload on
          // its own SQLite file; restoreEnv puts back any setting a file changed.
          isolate: false,
          setupFiles: ['tests/helpers/restoreEnv.ts'],
        },
      },
      { test: { name: 'int-own-process', include: INT_OWN_PROCESS, ...INT } },
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
