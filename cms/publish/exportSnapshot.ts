import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { Payload } from 'payload'
import type { Config, Guide } from '../../content-models/payload-types'
import { PUBLIC_COLLECTIONS, type PublicCollection } from '../../content-models/constants'
import { RECORD_STATES } from '../members/records'
import { referencedSlugs } from './links'
import { CAMPAIGN_KINDS } from '../../content-models/collections/Petitions/kinds'
import { latestSignatories } from '../campaigns/signatories'
import {
  guideToSnapshot,
  networkToSnapshot,
  petitionToSnapshot,
  RECENT_SIGNERS_SHOWN,
  sessionToSnapshot,
  signerToSnapshot,
  settingsToSnapshot,
  templateToSnapshot,
  topicToSnapshot,
  unionToSnapshot,
} from './toSnapshot'
import {
  SNAPSHOT_SCHEMA_VERSION,
  type Snapshot,
  type SnapshotMeta,
  type SnapshotSigner,
} from '../../content-models/snapshot'

/** How a document (depth 1, as the generated types describe it) becomes its snapshot entry. */
const MAPPERS: { [K in PublicCollection]: (doc: Config['collections'][K]) => Snapshot[K][number] } = {
  topics: topicToSnapshot,
  guides: guideToSnapshot,
  templates: templateToSnapshot,
  'training-sessions': sessionToSnapshot,
  unions: unionToSnapshot,
  networks: networkToSnapshot,
  petitions: petitionToSnapshot,
}

const SORT: Partial<Record<PublicCollection, string>> = {
  topics: 'order',
  'training-sessions': 'start',
  unions: 'name',
  networks: 'name',
}

const writeJsonAtomic = async (file: string, value: unknown) => {
  const tmp = `${file}.${process.pid}.tmp`
  await writeFile(tmp, JSON.stringify(value))
  await rename(tmp, file)
}

/**
 * Staff accounts are private, so an anonymous read leaves `reviewedBy` as a bare id. Guides show
 * who reviewed them, so fetch only the reviewers' display names (never emails), by id.
 */
const reviewerNames = async (payload: Payload, docs: Guide[]): Promise<Map<number, string | null>> => {
  const ids = [...new Set(docs.map((d) => d.reviewedBy).filter((id) => typeof id === 'number'))]
  if (ids.length === 0) return new Map()
  const { docs: users } = await payload.find({
    collection: 'users',
    where: { id: { in: ids } },
    select: { name: true },
    limit: 0,
    pagination: false,
    overrideAccess: true,
    depth: 0,
  })
  return new Map(users.map((u) => [u.id, u.name ?? null]))
}

/**
 * Signatures are private, so the anonymous read above never sees them. A petition that allows it
 * shows its latest signers who asked to be shown; this reads past the access rules on purpose,
 * selecting only their names and regions, and keeps just the first name and region.
 */
const recentSigners = async (payload: Payload, petitionId: number): Promise<SnapshotSigner[]> => {
  const { docs } = await payload.find({
    collection: 'signatures',
    overrideAccess: true,
    depth: 0,
    limit: RECENT_SIGNERS_SHOWN,
    sort: '-confirmedAt',
    select: { name: true, region: true },
    where: {
      and: [
        { petition: { equals: petitionId } },
        { state: { equals: RECORD_STATES.CONFIRMED } },
        { showName: { equals: true } },
        { anonymisedAt: { exists: false } },
      ],
    },
  })
  return docs.map(signerToSnapshot).filter((s): s is SnapshotSigner => s !== null)
}

/** What the export compares of an entry (the rest of it is copied or written as it is). */
type Entry = { id: number | string; slug: string; updatedAt: string }

/**
 * Collections whose entries an export may copy from the previous snapshot when unchanged: the
 * big ones. Petitions are always read afresh (their public signers change without an edit).
 */
const REUSABLE = ['guides', 'templates', 'training-sessions', 'unions', 'networks'] as const
type Reusable = (typeof REUSABLE)[number]
const isReusable = (collection: PublicCollection): collection is Reusable =>
  (REUSABLE as readonly string[]).includes(collection)

/** Public documents of a collection (those with `ids`, if given), as an anonymous reader sees them. */
const findPublic = async <K extends PublicCollection>(
  payload: Payload,
  collection: K,
  ids?: (number | string)[],
): Promise<Config['collections'][K][]> => {
  const { docs } = await payload.find({
    collection,
    overrideAccess: false,
    draft: false,
    depth: 1,
    limit: 0,
    pagination: false,
    sort: SORT[collection] ?? 'slug',
    ...(ids ? { where: { id: { in: ids } } } : {}),
  })
  return docs
}

/** Maps documents of one collection to its snapshot entries. */
const toEntries = <K extends PublicCollection>(
  collection: K,
  docs: Config['collections'][K][],
): Snapshot[K][number][] => docs.map((doc) => MAPPERS[collection](doc))

/**
 * Maps documents of a collection (depth 1) to their snapshot entries, with what their pages show
 * from elsewhere (a guide's reviewer's name, a campaign's shown signers). The preview of a draft
 * (cms/preview) maps its draft with this too, so it shows exactly what a build would.
 */
export const entriesOf = async <K extends PublicCollection>(
  payload: Payload,
  collection: K,
  docs: Config['collections'][K][],
): Promise<Entry[]> => {
  if (collection === 'guides') {
    const guides = docs as Guide[]
    const names = await reviewerNames(payload, guides)
    return guides.map((g) =>
      guideToSnapshot(g, typeof g.reviewedBy === 'number' ? names.get(g.reviewedBy) : undefined),
    )
  }
  if (collection === 'petitions')
    return Promise.all(
      (docs as Config['collections']['petitions'][]).map(async (p) =>
        petitionToSnapshot(
          p,
          p.showSignerNames ? await recentSigners(payload, p.id) : [],
          p.kind === CAMPAIGN_KINDS.OPEN_LETTER ? await latestSignatories(payload, p.id) : [],
        ),
      ),
    )
  return toEntries(collection, docs)
}

/** Reads public documents of a collection, as an anonymous reader sees them, and maps them to snapshot entries. */
const readEntries = async (
  payload: Payload,
  collection: PublicCollection,
  ids?: (number | string)[],
): Promise<Entry[]> => {
  if (ids && ids.length === 0) return []
  return entriesOf(payload, collection, await findPublic(payload, collection, ids))
}

/** The id, slug and last edit of every public document of a collection, to compare with the previous snapshot. */
const readStamps = async (payload: Payload, collection: Reusable): Promise<Entry[]> => {
  const { docs } = await payload.find({
    collection,
    overrideAccess: false,
    draft: false,
    depth: 0,
    limit: 0,
    pagination: false,
    sort: SORT[collection] ?? 'slug',
    select: { slug: true, updatedAt: true },
  })
  return docs
}

/**
 * Reads every public collection, copying unchanged entries from `previous` (a snapshot folder
 * exported by the same code): a document whose `updatedAt` is unchanged, and which shows no data
 * of a changed, added or removed document, is not read again. Everything else is read as usual.
 */
const readIncrementally = async (
  payload: Payload,
  previous: string,
): Promise<{ entries: Record<PublicCollection, Entry[]>; reused: number }> => {
  // Entries of a snapshot of other shapes are not copied (the site would refuse the mix).
  const meta = JSON.parse(await readFile(path.join(previous, 'meta.json'), 'utf8')) as Partial<SnapshotMeta>
  if (meta.schemaVersion !== SNAPSHOT_SCHEMA_VERSION) throw new ExportCacheMiss('schema version changed')
  const stamps = {} as Record<PublicCollection, Entry[]>
  const before = {} as Record<PublicCollection, Map<string, Entry>>
  const touched = new Set<string>()
  const stale = {} as Record<PublicCollection, Set<string>>
  for (const collection of REUSABLE) {
    const old = JSON.parse(await readFile(path.join(previous, `${collection}.json`), 'utf8')) as Entry[]
    before[collection] = new Map(old.map((e) => [String(e.id), e]))
    stamps[collection] = await readStamps(payload, collection)
    stale[collection] = new Set()
    const now = new Set<string>()
    for (const d of stamps[collection]) {
      now.add(String(d.id))
      const prev = before[collection].get(String(d.id))
      if (prev?.updatedAt === d.updatedAt) continue
      stale[collection].add(String(d.id))
      touched.add(d.slug)
      if (prev) touched.add(prev.slug)
    }
    for (const [id, prev] of before[collection]) if (!now.has(id)) touched.add(prev.slug)
  }
  const out = {} as Record<PublicCollection, Entry[]>
  let reused = 0
  for (const collection of PUBLIC_COLLECTIONS) {
    if (!isReusable(collection)) {
      out[collection] = await readEntries(payload, collection)
      continue
    }
    // Entries showing a title or slug of a changed document are read again too.
    for (const [id, prev] of before[collection])
      if ([...referencedSlugs(prev)].some((s) => touched.has(s))) stale[collection].add(id)
    const ids = stamps[collection].filter((d) => stale[collection].has(String(d.id))).map((d) => d.id)
    const fresh = new Map((await readEntries(payload, collection, ids)).map((e) => [String(e.id), e]))
    out[collection] = stamps[collection].flatMap(
      (d) =>
        (stale[collection].has(String(d.id))
          ? fresh.get(String(d.id))
          : before[collection].get(String(d.id))) ?? [],
    )
    reused += stamps[collection].length - ids.length
  }
  // Topics are read afresh above; a topic renamed shows in every entry listing it.
  const topicsBefore = JSON.parse(
    await readFile(path.join(previous, 'topics.json'), 'utf8').catch(() => '[]'),
  ) as Entry[]
  if (JSON.stringify(topicsBefore) !== JSON.stringify(out.topics)) throw new ExportCacheMiss('topics changed')
  return { entries: out, reused }
}

/** The previous snapshot cannot be reused; the export reads everything. */
class ExportCacheMiss extends Error {}

/**
 * Writes what an anonymous reader may see of every public collection to `dir` as
 * <collection>.json. It reads through Payload's access rules as an anonymous user, so a draft,
 * a draft petition or a hidden field can never reach the site. With `previous` (the snapshot of
 * the live build, exported by the same code), unchanged entries are copied from it instead of
 * read again: at 1,000 guides that saves most of the export.
 */
export const exportSnapshot = async (
  payload: Payload,
  dir: string,
  { previous }: { previous?: string } = {},
): Promise<SnapshotMeta> => {
  await mkdir(dir, { recursive: true })
  const counts: Record<string, number> = {}
  let copied: { reused: number; entries: Record<PublicCollection, Entry[]> } | undefined
  try {
    copied = previous
      ? await readIncrementally(payload, previous).catch((error) => {
          if (error instanceof ExportCacheMiss || (error as NodeJS.ErrnoException).code === 'ENOENT')
            return undefined
          throw error
        })
      : undefined
    const entries = copied?.entries
    for (const collection of PUBLIC_COLLECTIONS) {
      const out = entries?.[collection] ?? (await readEntries(payload, collection))
      counts[collection] = out.length
      await writeJsonAtomic(path.join(dir, `${collection}.json`), out)
    }
    const settings = await payload.findGlobal({ slug: 'site-settings', overrideAccess: false, depth: 0 })
    await writeJsonAtomic(path.join(dir, 'site-settings.json'), settingsToSnapshot(settings))
  } catch (cause) {
    throw new Error(`Snapshot export to ${dir} failed: ${(cause as Error).message}`, { cause })
  }
  const meta: SnapshotMeta = {
    generatedAt: new Date().toISOString(),
    counts,
    schemaVersion: SNAPSHOT_SCHEMA_VERSION,
    ...(copied ? { reused: copied.reused } : {}),
  }
  await writeJsonAtomic(path.join(dir, 'meta.json'), meta)
  return meta
}
