/**
 * Telling supporters a milestone was reached: when the count roll-up finds a petition (or open
 * letter) past a milestone its signatures have just crossed, an update to the supporters who asked
 * for updates is written and queued here, then sent like any organiser's update (batches, one-click
 * unsubscribe, at most once). One update per milestone, kept so by its unique key, so two CMS
 * processes or a roll-up after a crash never write it twice.
 */
import type { Payload } from 'payload'
import { SENDER_CONTEXT } from '../../../content-models/collections/supporterUpdates/hooks'
import { UPDATE_LIMITS, UPDATE_STATES } from '../../../content-models/collections/supporterUpdates/states'
import { campaignKind, KIND_WORDS } from '../../../content-models/collections/Petitions/kinds'
import type { MilestoneView } from '../../../content-models/collections/Petitions/progress'
import { isUniqueViolation } from '../signatureRows'

/** A campaign as the roll-up read it. */
export type MilestoneCampaign = {
  id: number | string
  title?: string | null
  kind?: string | null
  goal?: number | null
  tellSupportersAtMilestones?: boolean | null
}

/** The key that makes one update per milestone. */
export const milestoneKey = (campaignId: number | string, count: number) => `${campaignId}:${count}`

const n = (x: number) => x.toLocaleString('en-GB')
const sentence = (s: string) => (/[.!?]$/.test(s.trim()) ? s.trim() : `${s.trim()}.`)

/**
 * The words of a milestone update: the number reached, what happens now, the next step.
 * @example milestoneUpdateText({ id: 1, title: 'Fair rotas' }, { count: 100, whatHappens: 'The organiser responds' }, null)
 */
export const milestoneUpdateText = (
  c: MilestoneCampaign,
  m: Pick<MilestoneView, 'count' | 'whatHappens'>,
  next: Pick<MilestoneView, 'count' | 'whatHappens'> | null,
) => {
  const noun = KIND_WORDS[campaignKind(c.kind)].noun
  const title = c.title ?? ''
  const subject = `${n(m.count)} people have signed: ${title}`
  const then = next
    ? `The next step is at ${n(next.count)} signatures: ${sentence(next.whatHappens)}`
    : c.goal && c.goal > m.count
      ? `Our goal is ${n(c.goal)} signatures.`
      : ''
  const body = [
    `${n(m.count)} people have now signed the ${noun} "${title}". Thank you for being one of them.`,
    `What happens now: ${sentence(m.whatHappens)}`,
    then,
    `Please share it with people you work with. The ${noun}'s page has links to share it.`,
  ]
    .filter(Boolean)
    .join('\n\n')
  return { subject: subject.slice(0, UPDATE_LIMITS.subject), body }
}

/**
 * Writes and queues one update for the highest milestone just crossed (several crossed at once
 * would be several emails about one moment), unless the campaign's editors turned milestone
 * emails off. The lower ones are recorded as reached all the same, so they are never crossed again.
 * @returns how many updates were written now (0 when already written or turned off)
 */
export const queueMilestoneUpdates = async (
  payload: Payload,
  c: MilestoneCampaign,
  crossed: Pick<MilestoneView, 'count' | 'whatHappens'>[],
  all: Pick<MilestoneView, 'count' | 'whatHappens'>[],
  now = new Date(),
): Promise<number> => {
  if (c.tellSupportersAtMilestones === false || crossed.length === 0) return 0
  const top = [...crossed].sort((a, b) => b.count - a.count)[0]
  const next = all.filter((m) => m.count > top.count).sort((a, b) => a.count - b.count)[0] ?? null
  const text = milestoneUpdateText(c, top, next)
  try {
    await payload.create({
      collection: 'supporter-updates',
      overrideAccess: true,
      depth: 0,
      context: { [SENDER_CONTEXT]: true },
      data: {
        petition: c.id as number,
        subject: text.subject,
        body: text.body,
        state: UPDATE_STATES.QUEUED,
        queuedAt: now.toISOString(),
        milestoneKey: milestoneKey(c.id, top.count),
      },
    })
  } catch (error) {
    // Written already (another process, or a roll-up before a crash): nothing more to do.
    if (isUniqueViolation(error)) return 0
    throw error
  }
  payload.logger.info({ msg: `Milestone update queued for campaign ${c.id} at ${top.count}.` })
  return 1
}
