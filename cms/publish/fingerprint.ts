/**
 * Fingerprints of a site build's inputs: the snapshot and the site's sources. A build whose
 * fingerprint matches the live one is skipped; a change of sources renders every page again.
 */
import { createHash } from 'node:crypto'
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { projectRoot } from '../../content-models/paths'
import { ENTRIES_FILE } from './planEntries'

/** Adds every file under `dir` (paths from the project root, and contents) to `hash`, in a stable order. */
const hashTree = async (
  hash: ReturnType<typeof createHash>,
  dir: string,
  skip: (name: string) => boolean = () => false,
): Promise<void> => {
  const entries = (await readdir(dir, { withFileTypes: true }).catch(() => [])).sort((a, b) =>
    a.name.localeCompare(b.name),
  )
  for (const e of entries) {
    if (skip(e.name)) continue
    const p = path.join(dir, e.name)
    if (e.isDirectory()) await hashTree(hash, p, skip)
    else hash.update(p.slice(projectRoot().length)).update(await readFile(p))
  }
}

/** Folders the site's pages are made from: the site, and the CMS code it imports at build time. */
const SOURCE_DIRS = ['site', 'cms/publish', 'content-models']
const notBuilt = (name: string) => ['node_modules', 'dist', '.astro'].includes(name)

/** A fingerprint of everything a build depends on: the snapshot and the site's sources. */
export const buildFingerprint = async (snapshotDir: string): Promise<string> => {
  const hash = createHash('sha256')
  // meta.json holds the export's time; the plan's entries file is the build's own (planEntries.ts).
  await hashTree(hash, snapshotDir, (name) => name === 'meta.json' || name === ENTRIES_FILE)
  hash.update(await sourceFingerprint())
  return hash.digest('hex').slice(0, 16)
}

/** A fingerprint of the site's sources alone: when it changes, every page must be rendered again. */
export const sourceFingerprint = async (): Promise<string> => {
  const hash = createHash('sha256')
  for (const dir of SOURCE_DIRS) await hashTree(hash, path.join(projectRoot(), dir), notBuilt)
  return hash.digest('hex').slice(0, 16)
}
