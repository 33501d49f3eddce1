import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { readFile, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { PUBLIC_COLLECTIONS, type PublicCollection } from '../../content-models/constants'
import { forEachEntrySource } from '../../content-models/snapshotEntries'
import { referencedSlugs } from './links'

/**
 * The snapshot entries an incremental plan reads, held small: a plan needs each entry's id and
 * slug, what it links to, what the long lists show of it (title, summary, topics), and whether it
 * changed. So each entry is read from its file one at a time (content-models/snapshotEntries.ts)
 * and kept as those fields plus a digest of the whole entry, never its body: at 10,000 guides the
 * two snapshots parsed whole took most of the CMS process's 1.9 GB.
 */
export type PlanEntry = { id: string | number; slug: string } & Record<string, unknown>
export type PlanEntries = Partial<Record<PublicCollection, PlanEntry[]>>

/** Where a slim entry keeps its whole entry's digest (a symbol: never serialised, never a field). */
const DIGEST = Symbol('entry digest')

const digest = (entry: unknown): string => createHash('sha256').update(JSON.stringify(entry)).digest('base64')

/** Whether two entries are the same, by their digests when read slim, else by their JSON. */
export const sameEntry = (a: PlanEntry, b: PlanEntry): boolean => {
  const da = (a as { [DIGEST]?: string })[DIGEST] ?? digest(a)
  const db = (b as { [DIGEST]?: string })[DIGEST] ?? digest(b)
  return da === db
}

/**
 * An entry as the plan keeps it, with its digest (of its JSON unless given). `links` holds every slug the entry refers to, as objects, so
 * referencedSlugs() finds the same slugs in the slim entry as in the whole one.
 */
export const slimEntry = (entry: PlanEntry, entryDigest = digest(entry)): PlanEntry => {
  const slim: PlanEntry = {
    id: entry.id,
    slug: entry.slug,
    title: entry.title,
    summary: entry.summary,
    links: [...referencedSlugs(entry)].map((slug) => ({ slug })),
  }
  if (Array.isArray(entry.topics))
    slim.topics = (entry.topics as unknown[]).map((t) => ({ slug: (t as { slug?: unknown })?.slug }))
  Object.defineProperty(slim, DIGEST, { value: entryDigest })
  return slim
}

/** The digest a slim entry read from a file keeps: of its bytes there (readEntries). */
const digestOf = (entry: PlanEntry): string | undefined => (entry as { [DIGEST]?: string })[DIGEST]

/**
 * Reads the collections of a snapshot folder, an entry at a time, each kept slim with a digest of
 * its bytes in the file. An entry whose bytes have the digest of one in `known` (the live build's
 * entries) is that one, not parsed again: a one-guide edit at 10,000 guides parses one guide.
 */
export const readEntries = async (dir: string, known?: PlanEntries): Promise<PlanEntries> => {
  const out: PlanEntries = {}
  for (const c of PUBLIC_COLLECTIONS) {
    const file = path.join(dir, `${c}.json`)
    const entries: PlanEntry[] = []
    const byDigest = new Map((known?.[c] ?? []).map((e) => [digestOf(e), e]))
    if (existsSync(file))
      forEachEntrySource(file, (bytes, parse) => {
        const d = createHash('sha256').update(bytes).digest('base64')
        const same = byDigest.get(d)
        entries.push(same ?? slimEntry(parse() as PlanEntry, d))
      })
    out[c] = entries
  }
  return out
}

/**
 * The file in a kept snapshot (data/snapshots/<build id>/) holding its entries as the plan keeps
 * them, so the next incremental build reads the live build's snapshot from one small file instead
 * of again entry by entry (1.6 s at 10,000 guides). Private: not part of the snapshot's
 * fingerprint (fingerprint.ts).
 */
export const ENTRIES_FILE = '.plan-entries.json'

/** `digests: 'bytes'`: the digests are of the entries' bytes (a file without it is not used). */
type EntriesFile = {
  fingerprint: string
  digests: 'bytes'
  entries: Partial<Record<PublicCollection, [string, PlanEntry][]>>
}

/** Writes the plan's entries of the snapshot in `dir`, made from the snapshot with `fingerprint`. */
export const writeEntriesFile = async (dir: string, entries: PlanEntries, fingerprint: string) => {
  const file: EntriesFile = { fingerprint, digests: 'bytes', entries: {} }
  for (const c of PUBLIC_COLLECTIONS)
    file.entries[c] = (entries[c] ?? []).map((e) => [digestOf(e) ?? digest(e), e])
  await rm(path.join(dir, ENTRIES_FILE), { force: true })
  await writeFile(path.join(dir, ENTRIES_FILE), JSON.stringify(file))
}

/**
 * The entries of the kept snapshot in `dir`: from its entries file when that was made from the
 * snapshot with `fingerprint` (the build's own, in its .fingerprint), otherwise read entry by entry.
 */
export const readKeptEntries = async (dir: string, fingerprint: string): Promise<PlanEntries> => {
  try {
    const file = JSON.parse(await readFile(path.join(dir, ENTRIES_FILE), 'utf8')) as EntriesFile
    if (!fingerprint || file.fingerprint !== fingerprint || file.digests !== 'bytes')
      return await readEntries(dir)
    const out: PlanEntries = {}
    for (const c of PUBLIC_COLLECTIONS)
      out[c] = (file.entries[c] ?? []).map(([d, e]) => Object.defineProperty(e, DIGEST, { value: d }))
    return out
  } catch {
    return readEntries(dir)
  }
}
