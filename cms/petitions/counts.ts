/**
 * Petition counts. The roll-up recounts confirmed signatures from scratch each time (total, by
 * nation, by region), so it is right however many confirmations happen at once, and an erased
 * signature simply stops counting. The public count endpoint reads the stored totals.
 */
import type { Payload } from 'payload'
import { PUBLIC_PETITION_STATES } from '../../content-models/constants'
import { RECORD_STATES } from '../members/records'

/** How often the counts are rolled up; the count endpoint's cache lasts as long. */
export const ROLL_UP_SECONDS = 10

/** What the roll-up writes on a petition. */
export type PetitionCounts = { signatureCount: number; countsByNation: Record<string, number>; countsByRegion: Record<string, number> }

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

/**
 * Rolls up every public petition's counts and writes those that changed. It writes through the
 * database adapter, without hooks, so a new count never triggers a site rebuild.
 * @returns the petitions whose counts changed
 */
export const rollUpCounts = async (payload: Payload): Promise<{ id: number; signatureCount: number }[]> => {
  const { docs: petitions } = await payload.find({
    collection: 'petitions',
    where: { state: { in: [...PUBLIC_PETITION_STATES] } },
    depth: 0,
    pagination: false,
    limit: 0,
    overrideAccess: true,
    select: { signatureCount: true, countsByNation: true, countsByRegion: true },
  })
  const changed: { id: number; signatureCount: number }[] = []
  for (const p of petitions) {
    const counts = await countPetition(payload, p.id)
    if (counts.signatureCount === p.signatureCount && same(counts.countsByNation, p.countsByNation) && same(counts.countsByRegion, p.countsByRegion)) continue
    await payload.db.updateOne({ collection: 'petitions', id: p.id, data: counts, returning: false })
    changed.push({ id: p.id, signatureCount: counts.signatureCount })
  }
  return changed
}

/** The public count of a petition: numbers only, never a name or an email. */
export type PublicCount = {
  slug: string
  count: number
  goal: number
  state: string
  byNation: Record<string, number>
  byRegion: Record<string, number>
}

const cache = new Map<string, { at: number; value: PublicCount | null }>()

/**
 * The public count for a petition slug, from the stored roll-up. Kept in memory for a second so a
 * burst of page views costs one database read.
 */
export const publicCount = async (payload: Payload, slug: string, now = Date.now()): Promise<PublicCount | null> => {
  const hit = cache.get(slug)
  if (hit && now - hit.at < 1000) return hit.value
  let value: PublicCount | null = null
  if (/^[a-z0-9-]{1,120}$/.test(slug)) {
    const { docs } = await payload.find({
      collection: 'petitions',
      where: { and: [{ slug: { equals: slug } }, { state: { in: [...PUBLIC_PETITION_STATES] } }] },
      depth: 0,
      limit: 1,
      pagination: false,
      overrideAccess: true,
      select: { slug: true, goal: true, state: true, signatureCount: true, countsByNation: true, countsByRegion: true },
    })
    const p = docs[0]
    if (p) {
      value = {
        slug: p.slug as string,
        count: p.signatureCount ?? 0,
        goal: p.goal,
        state: p.state,
        byNation: (p.countsByNation as Record<string, number>) ?? {},
        byRegion: (p.countsByRegion as Record<string, number>) ?? {},
      }
    }
  }
  if (cache.size > 5000) cache.clear()
  cache.set(slug, { at: now, value })
  return value
}
