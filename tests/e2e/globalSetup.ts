import path from 'node:path'
import type { TestProject } from 'vitest/node'
import { buildCmsIfNeeded } from '../../scripts/lib/cmsBuild'
import { buildAndServe } from '../helpers/builtSite'

declare module 'vitest' {
  export interface ProvidedContext {
    siteUrl: string
    siteDir: string
  }
}

/**
 * Builds the site once from the fixture snapshot (no database) and serves it for every e2e test;
 * and builds the CMS admin (Next) once, if its sources changed, before any file runs: the files
 * that start the CMS run side by side, and Next refuses a second build while one is running.
 * (Started without waiting, the build slowed every other file for minutes: 19 m 6 s against
 * 17 m 6 s for `npm test`, and a fuzz test's connection timed out.)
 */
export default async function setup(project: TestProject) {
  const root = (process.env.PROJECT_ROOT ||= process.cwd())
  // Next reads the config while it builds, which needs a secret; the running CMS is given its own.
  await buildCmsIfNeeded(root, {
    ...process.env,
    PAYLOAD_SECRET: process.env.PAYLOAD_SECRET || 'e2e-build-only',
  })
  const site = await buildAndServe(path.resolve('tests/fixtures/snapshot'))
  project.provide('siteUrl', site.url)
  project.provide('siteDir', site.outDir)
  return () => site.close()
}
