/**
 * Counting a petition as soon as a signature is confirmed, so the signer who opens the petition
 * from the confirm page sees their signature counted (the roll-up every ROLL_UP_SECONDS would
 * be up to that late). Cheap on purpose: one indexed COUNT, coalesced per petition (however many
 * confirmations arrive at once, one count runs and at most one more waits, at most one every
 * COUNT_NOW_GAP_MS); the counts by place follow at the next roll-up.
 */
import type { Payload } from 'payload'
import { type CampaignKind, campaignKind } from '../../content-models/collections/Petitions/kinds'
import { RECORD_STATES } from '../../content-models/constants'
import { errorForLog } from '../email/scrub'
import { hashToken } from '../members/tokens'
import { COUNT_FIELDS, type CountedPetition, oneAtATime, storeCounts } from './counts'

/** The petition a signature's confirmation link counts for: what the confirm page links back to. */
export type ConfirmedPetition = { id: number; slug: string; title: string; kind: CampaignKind }

/** Petitions' slugs and titles by id, kept a minute: confirmations come in bursts for one petition. */
const petitionNames = new WeakMap<
  Payload,
  Map<number, { at: number; slug: string; title: string; kind: CampaignKind } | null>
>()
const NAMES_KEPT_MS = 60_000

const petitionName = async (payload: Payload, id: number) => {
  let names = petitionNames.get(payload)
  if (!names) petitionNames.set(payload, (names = new Map()))
  const kept = names.get(id)
  if (kept && Date.now() - kept.at < NAMES_KEPT_MS) return kept
  const p = await payload.db.findOne<{
    id: number
    slug?: string | null
    title?: string | null
    kind?: string | null
  }>({
    collection: 'petitions',
    where: { id: { equals: id } },
    select: { slug: true, title: true, kind: true },
  })
  if (names.size > 1000) names.clear()
  const name = p?.slug
    ? { at: Date.now(), slug: p.slug, title: p.title ?? '', kind: campaignKind(p.kind) }
    : null
  if (name) names.set(id, name)
  return name
}

/** Finds the petition of the signature a confirmation token belongs to; null for an unknown token. */
export const petitionOfConfirmation = async (
  payload: Payload,
  token: string,
): Promise<ConfirmedPetition | null> => {
  if (!token || token.length > 100) return null
  const signature = await payload.db.findOne<{ id: number; petition?: number | { id: number } }>({
    collection: 'signatures',
    where: { confirmTokenHash: { equals: hashToken(token) } },
    select: { petition: true },
  })
  const id = typeof signature?.petition === 'object' ? signature.petition.id : signature?.petition
  if (id === undefined) return null
  const name = await petitionName(payload, id)
  return name ? { id, slug: name.slug, title: name.title, kind: name.kind } : null
}

/** Counts waiting to start, by petition: a confirmation joins one that has not started yet. */
const waitingCounts = new WeakMap<Payload, Map<number, Promise<number | null>>>()
/** When each petition was last counted now, so a burst of confirmations counts it at most every COUNT_NOW_GAP_MS. */
const lastCounted = new WeakMap<Payload, Map<number, number>>()

/** The shortest time between two counts of one petition by countNow: a burst costs at most two counts a second. */
export const COUNT_NOW_GAP_MS = 500

const mapOf = <V>(maps: WeakMap<Payload, Map<number, V>>, payload: Payload): Map<number, V> => {
  let m = maps.get(payload)
  if (!m) maps.set(payload, (m = new Map()))
  return m
}

/**
 * Counts a petition's confirmed signatures now (or, in a burst, within COUNT_NOW_GAP_MS), stores
 * the total (and any milestone it reached) and updates this process's count endpoint. Runs after
 * any roll-up under way (one at a time).
 * @returns the new count, or null when the petition is gone
 */
export const countNow = (payload: Payload, petitionId: number): Promise<number | null> => {
  const waiting = mapOf(waitingCounts, payload)
  const last = mapOf(lastCounted, payload)
  const queued = waiting.get(petitionId)
  // Not started yet, so it will see the confirmation that asks now.
  if (queued) return queued
  const run = (async () => {
    const wait = (last.get(petitionId) ?? 0) + COUNT_NOW_GAP_MS - Date.now()
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait))
    return oneAtATime(payload, async () => {
      waiting.delete(petitionId)
      last.set(petitionId, Date.now())
      if (last.size > 5000) last.clear()
      const p = await payload.db.findOne<CountedPetition>({
        collection: 'petitions',
        where: { id: { equals: petitionId } },
        select: COUNT_FIELDS,
      })
      if (!p) return null
      const { totalDocs } = await payload.db.count({
        collection: 'signatures',
        where: {
          and: [{ petition: { equals: petitionId } }, { state: { equals: RECORD_STATES.CONFIRMED } }],
        },
      })
      await storeCounts(payload, { ...p, id: petitionId }, { signatureCount: totalDocs })
      return totalDocs
    })
  })()
  waiting.set(petitionId, run)
  return run
}

/**
 * For the confirm page: the petition a confirmed signature counts for, to link back to. When this
 * press confirmed it, the petition is counted now (countNow), without waiting: the signer's next
 * step is to open the petition, by which time the count is stored, and a burst of confirmations is
 * not held up behind counting. A failed count is logged; the roll-up counts it anyway.
 */
export const countedPetition = async (
  payload: Payload,
  token: string,
  justConfirmed: boolean,
): Promise<{ slug: string; title: string; kind: CampaignKind } | null> => {
  const p = await petitionOfConfirmation(payload, token)
  if (!p) return null
  if (justConfirmed)
    countNow(payload, p.id).catch((error: unknown) =>
      payload.logger.error({ err: errorForLog(error), msg: `Could not count petition "${p.slug}" now.` }),
    )
  return { slug: p.slug, title: p.title, kind: p.kind }
}
