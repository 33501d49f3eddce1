/**
 * Petition milestones: editors set counts and what happens at each (content-models Petitions,
 * `milestones`); the count roll-up records when each is reached (`milestonesReached`), from the
 * count it has just read from the database, so a milestone crossed at any moment (during a site
 * build too) is recorded by the next roll-up, once, and a site build is queued to show it.
 */
import type { Payload } from 'payload'
import {
  type MilestoneView,
  milestoneViews,
  newlyReached,
  readMilestonesReached,
} from '../../content-models/collections/Petitions/progress'
import { queueRebuild } from '../jobs/rebuild/queueRebuild'
import { type MilestoneCampaign, queueMilestoneUpdates } from './updates/milestoneUpdates'

/** The milestone fields of a petition, as stored. */
export type MilestoneFields = {
  milestones?: { count: number; whatHappens: string }[] | null
  milestonesReached?: unknown
}

/** A milestone a petition has reached, with when (ISO time). */
export type ReachedMilestone = {
  petitionId: number
  slug: string
  count: number
  whatHappens: string
  reachedAt: string
}

/**
 * Records the milestones a petition's count has reached that have no time yet, at `now`, and
 * queues a site build to show them. The stored times are read again just before writing and
 * never changed, so recording twice (or from two processes) keeps the first time.
 *
 * Milestones the signatures have just crossed (above the count stored before this one) are told
 * to supporters first (updates/milestoneUpdates.ts: one update per milestone, by its key), then
 * recorded, and the caller stores the new count last: a crash at any point leaves the next
 * roll-up to finish the job, and never sends twice. A milestone an editor adds below the count is
 * recorded without an email.
 * @returns the milestones reached by this call, and every time now kept
 */
export const recordMilestones = async (
  payload: Payload,
  p: { id: number; slug?: string | null; signatureCount?: number | null } & MilestoneCampaign &
    MilestoneFields,
  count: number,
  now: Date,
): Promise<{ reached: ReachedMilestone[]; milestonesReached: unknown }> => {
  // Nothing new by what the roll-up read: no second read.
  if (!hasNew(p, count, now)) return { reached: [], milestonesReached: p.milestonesReached }
  const stored = await payload.db.findOne<{ id: number; milestonesReached?: unknown }>({
    collection: 'petitions',
    where: { id: { equals: p.id } },
    select: { milestonesReached: true },
  })
  const kept = readMilestonesReached(stored?.milestonesReached)
  const added = newlyReached(p.milestones, kept, count, now)
  if (Object.keys(added).length === 0) return { reached: [], milestonesReached: kept }
  const views = milestoneViews(p.milestones, kept)
  const crossed = views.filter((m) => added[String(m.count)] && m.count > (p.signatureCount ?? 0))
  await queueMilestoneUpdates(payload, p, crossed, views, now)
  const all = { ...kept, ...added }
  await payload.db.updateOne({
    collection: 'petitions',
    id: p.id,
    data: { milestonesReached: all },
    returning: false,
  })
  const reached = milestoneViews(p.milestones, added)
    .filter((m) => added[String(m.count)])
    .map((m) => ({
      petitionId: p.id,
      slug: p.slug ?? '',
      count: m.count,
      whatHappens: m.whatHappens,
      reachedAt: added[String(m.count)],
    }))
  const what = reached.map((m) => m.count.toLocaleString('en-GB')).join(', ')
  await queueRebuild(payload, {
    trigger: 'publish',
    reason: `petitions/${p.slug ?? p.id} reached ${reached.length === 1 ? 'milestone' : 'milestones'} ${what}`,
  })
  payload.logger.info({ msg: `Petition "${p.slug ?? p.id}" reached ${what} signatures.` })
  return { reached, milestonesReached: all }
}

const hasNew = (p: MilestoneFields, count: number, now: Date) =>
  Object.keys(newlyReached(p.milestones, p.milestonesReached, count, now)).length > 0

/**
 * The milestones a petition has reached, in order of count, with when: for telling supporters who
 * opted in (the updates room), or for an organiser's report. Empty for an unknown petition.
 */
export const milestonesReached = async (
  payload: Payload,
  petitionId: number,
): Promise<(MilestoneView & { reachedAt: string })[]> => {
  const p = await payload.db.findOne<MilestoneFields & { id: number }>({
    collection: 'petitions',
    where: { id: { equals: petitionId } },
    select: { milestones: true, milestonesReached: true },
  })
  if (!p) return []
  return milestoneViews(p.milestones, p.milestonesReached).filter(
    (m): m is MilestoneView & { reachedAt: string } => m.reachedAt !== null,
  )
}
