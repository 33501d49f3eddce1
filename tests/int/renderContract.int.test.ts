/**
 * The render bundle's contract: building a snapshot with it (cms/publish's runAstroBuild: the
 * pages bundled once by `astro build` with our adapter, then rendered from the snapshot by
 * site/render/render.ts) writes exactly the files a plain `astro build` of the site writes, byte
 * for byte. Both build tests/fixtures/snapshot with the same settings.
 *
 * Two kinds of file record the moment they were written, so no two builds (plain or not) agree on
 * them: a calendar file's DTSTAMP lines (the `ics` package stamps the time of writing) and a .docx
 * file's zip entry dates and docProps/core.xml dates (the `docx` package). Those times are masked;
 * every other byte of them is compared (a .docx entry by entry, unzipped).
 */
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, rm } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runAstroBuild } from '../../cms/publish'
import { ROUTES_FILE } from '../../cms/publish/incremental'
import { sourceFingerprint } from '../../cms/publish/fingerprint'
import { SEARCH_CACHE_FILE } from '../../site/src/lib/search/termCache'
import { compareBuilds, filesUnder } from '../helpers/compareBuilds'

const BUILD_TIMEOUT = 600_000
const root = path.resolve(process.env.PROJECT_ROOT || process.cwd())
const snapshotDir = path.join(root, 'tests/fixtures/snapshot')
// Inside the project, so Astro keeps its server chunks in the out folder, not in the shared site/.astro.
const work = path.join(root, 'node_modules/.cache', `render-contract-${process.pid}-${Date.now()}`)
const plainDir = path.join(work, 'plain')
const bundleDir = path.join(work, 'bundle')
/** Settings both builds read, fixed so neither depends on the caller's environment. */
const env = {
  SITE_URL: 'http://localhost:4321',
  CMS_URL: 'http://localhost:3000',
  NODE_ENV: 'production',
} as const

/** `astro build` of site/ from the snapshot, with the Astro CLI, as a person would run it. */
const plainAstroBuild = (outDir: string): Promise<void> =>
  new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [path.join(root, 'node_modules/astro/astro.js'), 'build', '--root', path.join(root, 'site')],
      {
        cwd: work,
        env: {
          ...process.env,
          ...env,
          SNAPSHOT_DIR: snapshotDir,
          SITE_OUT_DIR: outDir,
          SITE_BUNDLE: undefined,
          ASTRO_TELEMETRY_DISABLED: '1',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    )
    let output = ''
    const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-8000))
    child.stdout.on('data', keep)
    child.stderr.on('data', keep)
    child.on('error', reject)
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`astro build failed (exit code ${code}):\n${output}`)),
    )
  })

let files: string[] = []
/** The site's sources before and after both builds: an edit in between would make them differ. */
const sources = { before: '', after: '' }

beforeAll(async () => {
  await mkdir(work, { recursive: true })
  sources.before = await sourceFingerprint()
  // One after the other: both are CPU-bound, and the machine may be running other tests.
  await plainAstroBuild(plainDir)
  await runAstroBuild(snapshotDir, bundleDir, env)
  sources.after = await sourceFingerprint()
  files = await filesUnder(plainDir)
}, BUILD_TIMEOUT)

afterAll(async () => {
  await rm(work, { recursive: true, force: true })
})

describe('the render bundle', () => {
  it('builds the fixture snapshot into the same files as astro build, byte for byte', async () => {
    expect(sources.after, 'the site sources changed while the test built them: run it again').toBe(
      sources.before,
    )
    expect(files.length).toBeGreaterThan(20)
    expect(files).toEqual(expect.arrayContaining(['index.html', '404.html', 'sitemap-index.xml']))
    // The render bundle's own records for the next build (every route's pages, the search index's
    // analyses) are not pages of the site: astro build writes neither.
    const names: [string, string] = ['astro build', 'the render bundle']
    const skip = (f: string) => f === ROUTES_FILE || f === SEARCH_CACHE_FILE
    expect(await compareBuilds(plainDir, bundleDir, { names, skip })).toEqual([])
    expect(existsSync(path.join(bundleDir, SEARCH_CACHE_FILE))).toBe(true)
  })
})
