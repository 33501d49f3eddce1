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
import { mkdir, readdir, readFile, rm } from 'node:fs/promises'
import path from 'node:path'
import JSZip from 'jszip'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runAstroBuild } from '../../cms/publish'
import { ROUTES_FILE } from '../../cms/publish/incremental'
import { sourceFingerprint } from '../../cms/publish/fingerprint'

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

/** Every file under `dir`, as paths relative to it, sorted. */
const filesUnder = async (dir: string): Promise<string[]> =>
  (await readdir(dir, { withFileTypes: true, recursive: true }))
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort()

/** Where two files first differ, with a little of each side, for the failure message. */
const firstDifference = (a: Buffer, b: Buffer): string => {
  let i = 0
  while (i < a.length && i < b.length && a[i] === b[i]) i++
  const around = (buf: Buffer) => JSON.stringify(buf.subarray(Math.max(0, i - 40), i + 40).toString('utf8'))
  return `byte ${i} (sizes ${a.length} / ${b.length}): astro build ${around(a)} / render bundle ${around(b)}`
}

/** A calendar file without its DTSTAMP lines' times (when the file was written). */
const icsWithoutStamps = (ics: Buffer): Buffer =>
  Buffer.from(ics.toString('utf8').replace(/^DTSTAMP:\d{8}T\d{6}Z\r$/gm, 'DTSTAMP:<when written>\r'))

/** A .docx file's entries (names and bytes, in order), without the times docProps/core.xml records. */
const docxEntries = async (docx: Buffer): Promise<Buffer> => {
  // A file that is not a zip is compared as it is (and so differs from a good one).
  const zip = await JSZip.loadAsync(docx).catch(() => null)
  if (!zip) return docx
  const parts: Buffer[] = []
  for (const entry of Object.values(zip.files)) {
    let bytes = Buffer.from(await entry.async('uint8array'))
    if (entry.name === 'docProps/core.xml')
      bytes = Buffer.from(
        bytes.toString('utf8').replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*</g, '$1<when written><'),
      )
    parts.push(Buffer.from(`${entry.name}\n`), bytes, Buffer.from('\n'))
  }
  return Buffer.concat(parts)
}

/** A file's bytes as compared: as written, but for the times of writing described above. */
const comparable = (file: string, bytes: Buffer): Promise<Buffer> | Buffer =>
  file.endsWith('.ics') ? icsWithoutStamps(bytes) : file.endsWith('.docx') ? docxEntries(bytes) : bytes

/** The differences between two build folders, one line per path; empty when they are the same. */
const compareBuilds = async (expectedDir: string, actualDir: string): Promise<string[]> => {
  const expected = await filesUnder(expectedDir)
  // The render bundle's own record of every route's pages (for the next incremental build), not a
  // page of the site: astro build has no such file.
  const actual = (await filesUnder(actualDir)).filter((f) => f !== ROUTES_FILE)
  const inActual = new Set(actual)
  const inExpected = new Set(expected)
  const differences = [
    ...expected.filter((f) => !inActual.has(f)).map((f) => `only from astro build: ${f}`),
    ...actual.filter((f) => !inExpected.has(f)).map((f) => `only from the render bundle: ${f}`),
  ]
  for (const f of expected.filter((f) => inActual.has(f))) {
    const [a, b] = await Promise.all(
      [expectedDir, actualDir].map(async (dir) => comparable(f, await readFile(path.join(dir, f)))),
    )
    if (!a.equals(b)) differences.push(`differs: ${f} at ${firstDifference(a, b)}`)
  }
  return differences
}

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
    expect(await compareBuilds(plainDir, bundleDir)).toEqual([])
  })
})
