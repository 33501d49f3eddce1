import path from 'node:path'
import type { TestProject } from 'vitest/node'
import { buildAndServe } from '../helpers/builtSite'

declare module 'vitest' {
  export interface ProvidedContext {
    siteUrl: string
    siteDir: string
  }
}

/** Builds the site once from the fixture snapshot (no database) and serves it for every e2e test. */
export default async function setup(project: TestProject) {
  process.env.PROJECT_ROOT ||= process.cwd()
  const site = await buildAndServe(path.resolve('tests/fixtures/snapshot'))
  project.provide('siteUrl', site.url)
  project.provide('siteDir', site.outDir)
  return () => site.close()
}
