import { mkdir, rename, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { Payload } from 'payload'
import { PUBLIC_COLLECTIONS, type PublicCollection } from '../../content-models/constants'
import { RECORD_STATES } from '../members/records'
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
import type { Snapshot, SnapshotMeta, SnapshotPetition, SnapshotSigner } from './types'

const MAPPERS: { [K in PublicCollection]: (doc: any) => Snapshot[K][number] } = {
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
 * who reviewed them, so fetch only the reviewers' display names (never emails) and attach them.
 */
const attachReviewerNames = async (payload: Payload, docs: { reviewedBy?: unknown }[]) => {
  const ids = [...new Set(docs.map((d) => d.reviewedBy).filter((id): id is number | string => typeof id === 'number' || typeof id === 'string'))]
  if (ids.length === 0) return
  const { docs: users } = await payload.find({ collection: 'users', where: { id: { in: ids } }, select: { name: true }, limit: 0, pagination: false, overrideAccess: true, depth: 0 })
  const names = new Map(users.map((u) => [u.id, u.name]))
  for (const d of docs) if (names.has(d.reviewedBy as number)) d.reviewedBy = { name: names.get(d.reviewedBy as number) ?? null }
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

/**
 * Writes what an anonymous reader may see of every public collection to `dir` as
 * <collection>.json. It reads through Payload's access rules as an anonymous user, so a draft,
 * a draft petition or a hidden field can never reach the site.
 */
export const exportSnapshot = async (payload: Payload, dir: string): Promise<SnapshotMeta> => {
  await mkdir(dir, { recursive: true })
  const counts: Record<string, number> = {}
  try {
    for (const collection of PUBLIC_COLLECTIONS) {
      const { docs } = await payload.find({
        collection,
        overrideAccess: false,
        draft: false,
        depth: 1,
        limit: 0,
        pagination: false,
        sort: SORT[collection] ?? 'slug',
      })
      if (collection === 'guides') await attachReviewerNames(payload, docs as { reviewedBy?: unknown }[])
      const out =
        collection === 'petitions'
          ? await Promise.all(
              (docs as Parameters<typeof petitionToSnapshot>[0][]).map(async (p): Promise<SnapshotPetition> =>
                petitionToSnapshot(p, p.showSignerNames ? await recentSigners(payload, p.id) : []),
              ),
            )
          : docs.map((doc) => MAPPERS[collection](doc))
      counts[collection] = out.length
      await writeJsonAtomic(path.join(dir, `${collection}.json`), out)
    }
    const settings = await payload.findGlobal({ slug: 'site-settings', overrideAccess: false, depth: 0 })
    await writeJsonAtomic(path.join(dir, 'site-settings.json'), settingsToSnapshot(settings))
  } catch (cause) {
    throw new Error(`Snapshot export to ${dir} failed: ${(cause as Error).message}`, { cause })
  }
  const meta: SnapshotMeta = { generatedAt: new Date().toISOString(), counts, schemaVersion: 1 }
  await writeJsonAtomic(path.join(dir, 'meta.json'), meta)
  return meta
}
