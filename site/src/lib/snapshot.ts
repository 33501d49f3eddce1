/**
 * Reads the snapshot the site is built from (SNAPSHOT_DIR, default data/snapshot). The site never
 * talks to the CMS or its database: a CDN builder, CI or a test can build it from fixture JSON.
 */
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import type { Snapshot } from '../../../content-models/snapshot'

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

/** Loads (once per build) every file of the snapshot; a missing or broken file fails the build, naming it. */
export const loadSnapshot = (): Snapshot => {
  const dir = snapshotDir()
  if (cached?.dir === dir) return cached.snapshot
  if (!existsSync(dir)) {
    throw new Error(
      `Snapshot folder ${dir} does not exist. Run "npm run export-snapshot" first, or set SNAPSHOT_DIR to a folder of snapshot JSON (for example tests/fixtures/snapshot).`,
    )
  }
  const snapshot = {} as Record<string, unknown>
  for (const name of FILES) {
    const file = path.join(dir, `${name}.json`)
    if (!existsSync(file)) {
      if (name === 'meta' || name === 'site-settings') {
        snapshot[name] =
          name === 'meta'
            ? { generatedAt: new Date(0).toISOString(), counts: {}, schemaVersion: 1 }
            : {
                siteName: 'Better Work',
                tagline: 'Better work is possible',
                homeIntro: null,
                contactEmail: null,
                privacyHtml: '',
              }
        continue
      }
      snapshot[name] = []
      continue
    }
    try {
      snapshot[name] = JSON.parse(readFileSync(file, 'utf8'))
    } catch (cause) {
      throw new Error(`Snapshot file ${file} is not valid JSON: ${(cause as Error).message}`, { cause })
    }
  }
  cached = { dir, snapshot: snapshot as Snapshot }
  return cached.snapshot
}
