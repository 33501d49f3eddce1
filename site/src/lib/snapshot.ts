/**
 * Reads the snapshot the site is built from (SNAPSHOT_DIR, default data/snapshot). The site never
 * talks to the CMS or its database: a CDN builder, CI or a test can build it from fixture JSON.
 */
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { SNAPSHOT_SCHEMA_VERSION, type Snapshot } from '../../../content-models/snapshot'
import { lazyEntries } from '../../../content-models/snapshotEntries'

export type { Snapshot }
export type * from '../../../content-models/snapshot'

const FILES = [
  'topics',
  'guides',
  'templates',
  'training-sessions',
  'unions',
  'networks',
  'petitions',
  'site-settings',
  'meta',
] as const

type FileName = (typeof FILES)[number]

/**
 * The long fields of entries (see snapshotEntries.ts): only a detail page and the search index read
 * them, so they are read from the file when asked for instead of held for the whole build.
 */
const LONG_FIELDS: Partial<Record<FileName, readonly string[]>> = {
  guides: ['keyFacts', 'bodyHtml', 'bodyText', 'toc', 'steps', 'sources', 'history'],
  templates: ['body', 'guidanceHtml', 'placeholders', 'optionalSections', 'sources'],
}

let cached: { dir: string; snapshot: Snapshot } | undefined

/** The snapshot folder, resolved from SNAPSHOT_DIR or the default. */
export const snapshotDir = (): string =>
  path.resolve(
    process.env.SNAPSHOT_DIR ||
      path.join(
        process.env.PROJECT_ROOT || path.resolve(process.cwd(), process.cwd().endsWith('site') ? '..' : '.'),
        process.env.DATA_DIR || 'data',
        'snapshot',
      ),
  )

/**
 * What a file a snapshot folder lacks stands for: no entries, the site's default settings, and
 * (for a hand-written folder without meta.json) a meta of this version made at the epoch.
 */
const missingFile = (name: (typeof FILES)[number]): unknown => {
  if (name === 'meta')
    return { generatedAt: new Date(0).toISOString(), counts: {}, schemaVersion: SNAPSHOT_SCHEMA_VERSION }
  if (name === 'site-settings')
    return {
      siteName: 'Better Work',
      tagline: 'Better work is possible',
      homeIntro: null,
      contactEmail: null,
      privacyHtml: '',
    }
  return []
}

/** A snapshot made for other shapes than the site reads (see SNAPSHOT_SCHEMA_VERSION). */
export class SnapshotSchemaError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'SnapshotSchemaError'
  }
}

/**
 * Fails unless the snapshot in `dir` was exported for the shapes this site reads, naming both
 * versions and how to get a snapshot that matches.
 */
export const checkSchemaVersion = (meta: unknown, dir: string): void => {
  const version =
    typeof meta === 'object' && meta !== null && 'schemaVersion' in meta ? meta.schemaVersion : undefined
  if (version === SNAPSHOT_SCHEMA_VERSION) return
  const found = version === undefined ? 'no schema version' : `schema version ${JSON.stringify(version)}`
  throw new SnapshotSchemaError(
    `Snapshot ${dir} has ${found}, but this site reads schema version ${SNAPSHOT_SCHEMA_VERSION} ` +
      `(SNAPSHOT_SCHEMA_VERSION in content-models/snapshot.ts). Export the snapshot again with this code ` +
      `("npm run export-snapshot", or publish a change in the CMS to rebuild the site); a hand-written ` +
      `snapshot needs its files brought up to the new shapes and "schemaVersion": ${SNAPSHOT_SCHEMA_VERSION} in its meta.json.`,
  )
}

/** Reads one file of the snapshot folder `dir` (its long fields lazily, see LONG_FIELDS). */
const readSnapshotFile = (dir: string, name: FileName): unknown => {
  const file = path.join(dir, `${name}.json`)
  if (!existsSync(file)) return missingFile(name)
  const long = LONG_FIELDS[name]
  if (long) return lazyEntries(file, long)
  try {
    return JSON.parse(readFileSync(file, 'utf8'))
  } catch (cause) {
    throw new Error(`Snapshot file ${file} is not valid JSON: ${(cause as Error).message}`, { cause })
  }
}

/**
 * The snapshot (made once per build), each file read when first used: a process that renders
 * only some pages (the search index's worker) reads only what they show. A missing folder, a
 * broken file or a snapshot of another schema version fails the build, naming it and what to do.
 */
export const loadSnapshot = (): Snapshot => {
  const dir = snapshotDir()
  if (cached?.dir === dir) return cached.snapshot
  if (!existsSync(dir)) {
    throw new Error(
      `Snapshot folder ${dir} does not exist. Run "npm run export-snapshot" first, or set SNAPSHOT_DIR to a folder of snapshot JSON (for example tests/fixtures/snapshot).`,
    )
  }
  // Checked before anything reads the entries: their shapes are what the version promises.
  const meta = readSnapshotFile(dir, 'meta')
  checkSchemaVersion(meta, dir)
  const files: Partial<Record<FileName, unknown>> = { meta }
  const snapshot = {} as Snapshot
  for (const name of FILES)
    Object.defineProperty(snapshot, name, {
      enumerable: true,
      get: () => (files[name] ??= readSnapshotFile(dir, name)),
    })
  cached = { dir, snapshot }
  return snapshot
}
