/**
 * Counting a petition as soon as a signature is confirmed, so the signer who opens the petition
 * from the confirm page sees their signature counted (the roll-up every ROLL_UP_SECONDS would
 * be up to that late). Cheap on purpose: one indexed COUNT, coalesced per petition (however many
 * confirmations arrive at once, one count runs and at most one more waits); the counts by place
 * follow at the next roll-up.
 */
import type { Payload } from 'payload'
import { RECORD_STATES } from '../../content-models/constants'
import { errorForLog } from '../email/scrub'
import { hashToken } from '../members/tokens'
import { COUNT_FIELDS, type CountedPetition, oneAtATime, storeCounts } from './counts'

/** The petition a signature's confirmation link counts for: what the confirm page links back to. */
export type ConfirmedPetition = { id: number; slug: string; title: string }

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
  const p = await payload.db.findOne<{ id: number; slug?: string | null; title?: string | null }>({
    collection: 'petitions',
    where: { id: { equals: id } },
    select: { slug: true, title: true },
  })
  return p?.slug ? { id, slug: p.slug, title: p.title ?? '' } : null
}

/** Counts waiting to start, by petition: a confirmation joins one that has not started yet. */
const waitingCounts = new WeakMap<Payload, Map<number, Promise<number | null>>>()

/**
 * Counts a petition's confirmed signatures now, stores the total (and any milestone it reached)
 * and updates this process's count endpoint. Runs after any roll-up under way (one at a time).
 * @returns the new count, or null when the petition is gone
 */
export const countNow = (payload: Payload, petitionId: number): Promise<number | null> => {
  let waiting = waitingCounts.get(payload)
  if (!waiting) waitingCounts.set(payload, (waiting = new Map()))
  const queued = waiting.get(petitionId)
  // Not started yet, so it will see the confirmation that asks now.
  if (queued) return queued
  const run = oneAtATime(payload, async () => {
    waiting.delete(petitionId)
    const p = await payload.db.findOne<CountedPetition>({
      collection: 'petitions',
      where: { id: { equals: petitionId } },
      select: COUNT_FIELDS,
    })
    if (!p) return null
    const { totalDocs } = await payload.db.count({
      collection: 'signatures',
      where: { and: [{ petition: { equals: petitionId } }, { state: { equals: RECORD_STATES.CONFIRMED } }] },
    })
    await storeCounts(payload, { ...p, id: petitionId }, { signatureCount: totalDocs })
    return totalDocs
  })
  waiting.set(petitionId, run)
  return run
}

/** How long the confirm page waits for the petition's new count before answering without it. */
const COUNT_WAIT_MS = 3000

/**
 * For the confirm page: the petition a confirmed signature counts for and, when this press
 * confirmed it, its new count (null when counting is slow or fails: the confirmation stands).
 */
export const countedPetition = async (
  payload: Payload,
  token: string,
  justConfirmed: boolean,
): Promise<{ slug: string; title: string; count: number | null } | null> => {
  const p = await petitionOfConfirmation(payload, token)
  if (!p) return null
  if (!justConfirmed) return { slug: p.slug, title: p.title, count: null }
  const counting = countNow(payload, p.id).catch((error: unknown) => {
    payload.logger.error({ err: errorForLog(error), msg: `Could not count petition "${p.slug}" now.` })
    return null
  })
  let timer: NodeJS.Timeout | undefined
  const count = await Promise.race([
    counting,
    new Promise<null>((resolve) => (timer = setTimeout(resolve, COUNT_WAIT_MS, null))),
  ])
  clearTimeout(timer)
  return { slug: p.slug, title: p.title, count }
}
