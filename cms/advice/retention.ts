/**
 * How long questions are kept: QUESTION_RETENTION_MONTHS (default 12) after a question is closed,
 * it is anonymised for statistics: topic, nation, employment status, dates, state and the adviser
 * stay; every word, the asker, the email address and the private link's hash go. A member who
 * erases their account takes their questions with them at once.
 */
import type { Payload } from 'payload'
import type { RecordId } from '../members/recordId'

/** QUESTION_RETENTION_MONTHS, or 12. */
export const questionRetentionMonths = (env: NodeJS.ProcessEnv = process.env): number => {
  const raw = env.QUESTION_RETENTION_MONTHS
  if (raw === undefined || raw === '') return 12
  const months = Number(raw)
  if (!Number.isInteger(months) || months < 1)
    throw new Error(
      `QUESTION_RETENTION_MONTHS="${raw}" is not a number of months. Use a whole number of at least 1, such as 12.`,
    )
  return months
}

/** What an anonymised question keeps no trace of. */
export const ANONYMISED_QUESTION: Record<string, null | []> = {
  summary: null,
  whatHappened: null,
  fromGuide: null,
  entries: [],
  reply: null,
  replyAttachments: [],
  asker: null,
  notifyEmail: null,
  notifyDueAt: null,
  replyTokenHash: null,
}

/** The cut-off: questions closed before this are anonymised. */
export const retentionCutOff = (now: Date, months: number): Date => {
  const d = new Date(now)
  d.setUTCMonth(d.getUTCMonth() - months)
  return d
}

/** Anonymises every question closed more than the retention period ago; how many. */
export const anonymiseClosedQuestions = async (
  payload: Payload,
  now = new Date(),
  months = questionRetentionMonths(),
): Promise<number> => {
  const { docs } = await payload.update({
    collection: 'questions',
    where: {
      and: [
        { state: { equals: 'closed' } },
        { closedAt: { less_than: retentionCutOff(now, months).toISOString() } },
        { anonymisedAt: { exists: false } },
      ],
    },
    data: { ...ANONYMISED_QUESTION, anonymisedAt: now.toISOString() },
    overrideAccess: true,
    depth: 0,
  })
  if (docs.length) payload.logger.info({ msg: `Anonymised ${docs.length} closed questions` })
  return docs.length
}

/** Deletes a member's questions (their account is being erased); how many. */
export const eraseQuestionsOf = async (payload: Payload, member: RecordId): Promise<number> => {
  const { docs } = await payload.delete({
    collection: 'questions',
    where: { asker: { equals: member } },
    overrideAccess: true,
    depth: 0,
  })
  return docs.length
}
