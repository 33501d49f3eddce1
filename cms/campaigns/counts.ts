/**
 * Petition counts. The roll-up recounts confirmed signatures from scratch each time (total, by
 * nation, by region), so it is right however many confirmations happen at once, and an erased
 * signature simply stops counting; it records the milestones reached from the same database
 * count. The public count endpoint reads the stored totals.
 */
import { createHash } from 'node:crypto'
import type { Payload } from 'payload'
import { errorForLog } from '../email/scrub'
import { PUBLIC_PETITION_STATES } from '../../content-models/constants'
import { RECORD_STATES } from '../members/records'
import {
  milestoneViews,
  type MilestoneView,
  publicPlaceCounts,
} from '../../content-models/collections/Petitions/progress'
import { type MilestoneFields, type ReachedMilestone, recordMilestones } from './milestones'
import { PUBLISHED } from '../../content-models/access/publishedOrStaff'

/** How often the counts are rolled up; the count endpoint's cache lasts as long. */
export const ROLL_UP_SECONDS = 10

/**
 * The count's Cache-Control, as e-petitions serves its count.json: browsers and CDNs keep it for
 * one roll-up, then revalidate in the background for six more, and may serve the last copy for a
 * day while the CMS cannot answer.
 */
export const COUNT_CACHE_CONTROL = `public, max-age=${ROLL_UP_SECONDS}, stale-while-revalidate=${ROLL_UP_SECONDS * 6}, stale-if-error=86400`

/** What the roll-up writes on a petition. */
export type PetitionCounts = {
  signatureCount: number
  countsByNation: Record<string, number>
  countsByRegion: Record<string, number>
}

/** Adds up confirmed signatures by nation and region ("unknown" when no postcode was given). */
export const tally = (rows: { nation?: string | null; region?: string | null }[]): PetitionCounts => {
  const countsByNation: Record<string, number> = {}
  const countsByRegion: Record<string, number> = {}
  for (const r of rows) {
    const nation = r.nation || 'unknown'
    const region = r.region || 'unknown'
    countsByNation[nation] = (countsByNation[nation] ?? 0) + 1
    countsByRegion[region] = (countsByRegion[region] ?? 0) + 1
  }
  return { signatureCount: rows.length, countsByNation, countsByRegion }
}

/** Counts one petition's confirmed signatures. */
export const countPetition = async (payload: Payload, petitionId: number): Promise<PetitionCounts> => {
  const { docs } = await payload.db.find<{ nation?: string | null; region?: string | null }>({
    collection: 'signatures',
    where: { and: [{ petition: { equals: petitionId } }, { state: { equals: RECORD_STATES.CONFIRMED } }] },
    select: { nation: true, region: true },
    pagination: false,
    limit: 0,
  })
  return tally(docs)
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? {}) === JSON.stringify(b ?? {})

/** The fields of a petition the roll-up and the public count read. */
export const COUNT_FIELDS = {
  slug: true,
  title: true,
  goal: true,
  state: true,
  signatureCount: true,
  countsByNation: true,
  countsByRegion: true,
  milestones: true,
  milestonesReached: true,
  kind: true,
  tellSupportersAtMilestones: true,
} as const

/** A petition as the roll-up reads it (COUNT_FIELDS). */
export type CountedPetition = PetitionCountFields & { id: number } & MilestoneFields

/** A petition whose count or milestones the roll-up changed, with the milestones it has just reached. */
export type RolledUp = { id: number; signatureCount: number; reached: ReachedMilestone[] }

/**
 * Writes a petition's new counts (only those that changed) and records the milestones its count
 * from the database has reached (cms/campaigns/milestones.ts), then updates this process's count
 * endpoint at once. Written through the database adapter, without hooks, so a new count never
 * triggers a site build (a milestone reached queues one).
 */
export const storeCounts = async (
  payload: Payload,
  p: CountedPetition,
  counts: Pick<PetitionCounts, 'signatureCount'> & Partial<PetitionCounts>,
  now = new Date(),
): Promise<RolledUp | null> => {
  const changed =
    counts.signatureCount !== p.signatureCount ||
    (counts.countsByNation !== undefined && !same(counts.countsByNation, p.countsByNation)) ||
    (counts.countsByRegion !== undefined && !same(counts.countsByRegion, p.countsByRegion))
  // Milestones first (they compare with the count stored before this one), the count last.
  const { reached, milestonesReached } = await recordMilestones(payload, p, counts.signatureCount, now)
  if (changed)
    await payload.db.updateOne({ collection: 'petitions', id: p.id, data: counts, returning: false })
  if (!changed && reached.length === 0) return null
  // This process's count endpoint answers with the new figures at once.
  if (p.slug)
    storeCountBody(payload, p.slug, toPublicCount({ ...p, ...counts, milestonesReached }), now.getTime())
  return { id: p.id, signatureCount: counts.signatureCount, reached }
}

/** Roll-ups in this process, one after another: two at once could both record a milestone. */
const rollUpChains = new WeakMap<Payload, Promise<unknown>>()

/** Runs `task` after every roll-up this process started before it. */
export const oneAtATime = <T>(payload: Payload, task: () => Promise<T>): Promise<T> => {
  const run = (rollUpChains.get(payload) ?? Promise.resolve()).then(task, task)
  rollUpChains.set(
    payload,
    run.catch(() => undefined),
  )
  return run
}

/**
 * Rolls up every public petition's counts, writes those that changed, and records the milestones
 * reached (see storeCounts). Roll-ups in one process run one at a time.
 * @returns the petitions whose counts or milestones changed
 */
export const rollUpCounts = (payload: Payload, now = new Date()): Promise<RolledUp[]> =>
  oneAtATime(payload, async () => {
    const { docs: petitions } = await payload.find({
      collection: 'petitions',
      where: { state: { in: [...PUBLIC_PETITION_STATES] } },
      depth: 0,
      pagination: false,
      limit: 0,
      overrideAccess: true,
      select: COUNT_FIELDS,
    })
    const changed: RolledUp[] = []
    for (const p of petitions as CountedPetition[]) {
      const done = await storeCounts(payload, p, await countPetition(payload, p.id), now)
      if (done) changed.push(done)
    }
    return changed
  })

/**
 * The public count of a petition: numbers only, never a name or an email. Places with fewer than
 * 5 signatures are added up under "other" (publicPlaceCounts), so no signer stands out.
 */
export type PublicCount = {
  slug: string
  count: number
  goal: number
  state: string
  byNation: Record<string, number>
  byRegion: Record<string, number>
  /** In order of count, with when each was reached (always sent; optional only for callers that make one by hand). */
  milestones?: MilestoneView[]
}

type PetitionCountFields = {
  slug?: string | null
  goal: number
  state: string
  signatureCount?: number | null
  countsByNation?: unknown
  countsByRegion?: unknown
} & Partial<MilestoneFields>

const toPublicCount = (p: PetitionCountFields): PublicCount => ({
  slug: p.slug as string,
  count: p.signatureCount ?? 0,
  goal: p.goal,
  state: p.state,
  byNation: publicPlaceCounts(p.countsByNation as Record<string, number> | null),
  byRegion: publicPlaceCounts(p.countsByRegion as Record<string, number> | null),
  milestones: milestoneViews(p.milestones, p.milestonesReached),
})

const SLUG = /^[a-z0-9-]{1,120}$/

/** Reads the public count of a petition slug from the stored roll-up; null when there is no public petition there. */
export const readPublicCount = async (payload: Payload, slug: string): Promise<PublicCount | null> => {
  if (!SLUG.test(slug)) return null
  const { docs } = await payload.find({
    collection: 'petitions',
    where: { and: [{ slug: { equals: slug } }, { state: { in: [...PUBLIC_PETITION_STATES] } }, PUBLISHED] },
    depth: 0,
    limit: 1,
    pagination: false,
    overrideAccess: true,
    select: COUNT_FIELDS,
  })
  return docs[0] ? toPublicCount(docs[0] as PetitionCountFields) : null
}

/** The count endpoint's answer, made once and sent many times: the JSON bytes and their ETag. */
export type CountBody = { found: boolean; body: Buffer; etag: string }

/** How long a count body is served before it is read again from the database (other processes roll up too). */
export const COUNT_REFRESH_MS = 1000

const NOT_FOUND_BODY = { status: 'not-found', message: 'There is no public petition at this address.' }

/** The bytes and ETag for a public count (or for "not found"). */
export const countBodyOf = (value: PublicCount | null): CountBody => {
  const body = Buffer.from(JSON.stringify(value ?? NOT_FOUND_BODY))
  return {
    found: value !== null,
    body,
    etag: `"${createHash('sha1').update(body).digest('base64url').slice(0, 20)}"`,
  }
}

type CountEntry = { at: number; value: CountBody }
type CountCache = { entries: Map<string, CountEntry>; reading: Map<string, Promise<CountBody>> }

const countCaches = new WeakMap<Payload, CountCache>()
const cacheOf = (payload: Payload): CountCache => {
  let c = countCaches.get(payload)
  if (!c) countCaches.set(payload, (c = { entries: new Map(), reading: new Map() }))
  return c
}

/** Keeps a count body for a slug, as read at `at`; an older read never replaces a newer one. */
const storeCountBody = (payload: Payload, slug: string, value: PublicCount | null, at: number): CountBody => {
  const { entries } = cacheOf(payload)
  const entry = entries.get(slug)
  if (entry && entry.at > at) return entry.value
  if (!entry && entries.size >= 5000) entries.clear()
  const body = countBodyOf(value)
  entries.set(slug, { at, value: body })
  return body
}

/** Reads a slug's count again; one read at a time per slug, however many requests ask. */
const refresh = (payload: Payload, slug: string): Promise<CountBody> => {
  const { reading } = cacheOf(payload)
  const running = reading.get(slug)
  if (running) return running
  const started = Date.now()
  const read = readPublicCount(payload, slug)
    .then((value) => storeCountBody(payload, slug, value, started))
    .finally(() => reading.delete(slug))
  reading.set(slug, read)
  return read
}

/**
 * The count endpoint's answer for a petition slug, from memory: the JSON bytes are made once per
 * roll-up (rollUpCounts in this process replaces them at once) and read again from the database
 * at most every COUNT_REFRESH_MS, for roll-ups run by other processes. A stale body is served
 * while the new one is read, so a burst of page views never waits on the database. Null only
 * when this slug has not been read yet (then use publicCountBody).
 */
export const cachedCountBody = (payload: Payload, slug: string, now = Date.now()): CountBody | null => {
  const entry = cacheOf(payload).entries.get(slug)
  if (!entry) return null
  if (now - entry.at >= COUNT_REFRESH_MS) {
    void refresh(payload, slug).catch((error: unknown) =>
      payload.logger.error({
        err: errorForLog(error),
        msg: `Could not read the count of petition "${slug}".`,
      }),
    )
  }
  return entry.value
}

/** The count endpoint's answer for a petition slug (see cachedCountBody), read from the database the first time. */
export const publicCountBody = async (payload: Payload, slug: string, now = Date.now()): Promise<CountBody> =>
  cachedCountBody(payload, slug, now) ?? refresh(payload, slug)

/** Whether an If-None-Match header names this ETag (a list, weak or strong, or "*"). */
export const etagMatches = (ifNoneMatch: string | null | undefined, etag: string): boolean => {
  if (!ifNoneMatch) return false
  if (ifNoneMatch.trim() === '*') return true
  return ifNoneMatch.split(',').some((t) => t.trim().replace(/^W\//, '') === etag)
}
