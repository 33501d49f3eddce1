/**
 * Telling askers there is a reply: the adviser's save marks the question (notifyDueAt); this
 * sends the no-content email and clears the mark. Each mark is cleared in its row before the
 * email goes, so a re-run or a second worker sends none twice. The email's two links are signed
 * for this question and address: stop these emails, or delete the question now.
 */
import { timingSafeEqual } from 'node:crypto'
import type { Payload } from 'payload'
import type { Question } from '../../content-models/payload-types'
import { adviceReplyEmail } from '../email/messages/adviceEmails'
import type { RecordId } from '../members/recordId'
import { cmsUrl, hmac, siteUrl } from '../members/tokens'

/** What a question's emailed link does. */
export type QuestionLinkPurpose = 'stop-emails' | 'erase'
export const isQuestionLinkPurpose = (v: string): v is QuestionLinkPurpose =>
  v === 'stop-emails' || v === 'erase'

/** The signed token of a question's emailed link (over its id and the address it went to). */
export const questionLinkToken = (
  secret: string,
  purpose: QuestionLinkPurpose,
  id: RecordId,
  email: string,
) => hmac(secret, `question-${purpose}:${id}:${email.trim().toLowerCase()}`).slice(0, 32)

/** Whether a question link's token is right for this question's address. */
export const checkQuestionLink = (
  secret: string,
  purpose: QuestionLinkPurpose,
  id: RecordId,
  email: string | null | undefined,
  token: string,
): boolean => {
  if (!email || !token) return false
  const expected = Buffer.from(questionLinkToken(secret, purpose, id, email))
  const given = Buffer.from(token)
  return expected.length === given.length && timingSafeEqual(expected, given)
}

const linkTo = (payload: Payload, purpose: QuestionLinkPurpose, id: RecordId, email: string) =>
  `${cmsUrl().replace(/\/$/, '')}/api/public/questions/${purpose}/${id}/${questionLinkToken(payload.secret, purpose, id, email)}`

/** Sends every "you have a reply" email that is due; how many were sent. */
export const sendReplyNotices = async (payload: Payload): Promise<number> => {
  const { docs } = await payload.find({
    collection: 'questions',
    where: { notifyDueAt: { exists: true } },
    limit: 100,
    depth: 0,
    overrideAccess: true,
    showHiddenFields: true,
    select: { notifyDueAt: true, notifyEmail: true, asker: true },
  })
  let sent = 0
  for (const q of docs as Pick<Question, 'id' | 'notifyDueAt' | 'notifyEmail' | 'asker'>[]) {
    const claimed = await payload.update({
      collection: 'questions',
      where: { and: [{ id: { equals: q.id } }, { notifyDueAt: { equals: q.notifyDueAt } }] },
      data: { notifyDueAt: null },
      overrideAccess: true,
      depth: 0,
    })
    if (claimed.docs.length === 0 || !q.notifyEmail) continue
    await payload.sendEmail({
      to: q.notifyEmail,
      ...adviceReplyEmail({
        accountUrl: q.asker ? `${siteUrl()}/account/#questions` : null,
        unsubscribe: linkTo(payload, 'stop-emails', q.id, q.notifyEmail),
        erase: linkTo(payload, 'erase', q.id, q.notifyEmail),
      }),
    })
    payload.logger.info({ msg: `Told the asker of question ${q.id} there is a reply` })
    sent++
  }
  return sent
}
