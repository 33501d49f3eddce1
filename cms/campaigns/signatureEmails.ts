/**
 * The signatures' confirmation emails: the email with its link, and the worker's run over those
 * still owed (cms/email/sendOwed.ts).
 */
import type { Payload } from 'payload'
import type { Signature } from '../../content-models/payload-types'
import { signatureConfirmEmail } from '../email/messages/render'
import { sendOwed } from '../email/sendOwed'
import type { RecordId } from '../members/recordId'
import { cmsUrl, linkToken, links } from '../members/tokens'

type PetitionTitle = { id: RecordId; title: string }

const footerLinks = (payload: Payload, id: RecordId, emailCanonical: string) => ({
  unsubscribe: links(cmsUrl()).unsubscribe(
    'signature',
    id,
    linkToken(payload.secret, 'unsubscribe', 'signature', id, emailCanonical),
  ),
  erase: links(cmsUrl()).erase(
    'signature',
    id,
    linkToken(payload.secret, 'erase', 'signature', id, emailCanonical),
  ),
})

/** Emails the confirmation link (with the raw token; only its hash is stored). */
export const sendSignatureConfirm = async (
  payload: Payload,
  s: { id: RecordId; email: string; name: string; emailCanonical: string },
  petition: PetitionTitle,
  token: string,
) => {
  const message = signatureConfirmEmail({
    name: s.name,
    petitionTitle: petition.title,
    confirmUrl: links(cmsUrl()).confirm('signature', token),
    ...footerLinks(payload, s.id, s.emailCanonical),
  })
  await payload.sendEmail({ to: s.email, ...message })
}

export { footerLinks as signatureFooterLinks }

type OwedSignature = Pick<
  Signature,
  'name' | 'email' | 'emailCanonical' | 'confirmEmailAttempts' | 'confirmEmailNextAt'
> & { id: RecordId; petition: RecordId | { id: RecordId } }

/**
 * Sends the signatures' confirmation emails still owed (see sendOwed).
 * @returns how many were sent and how many failed this time
 */
export const sendOwedConfirmations = async (
  payload: Payload,
  { now = Date.now(), limit = 200 } = {},
): Promise<{ sent: number; failed: number }> => {
  const titles = new Map<RecordId, string>()
  return sendOwed<OwedSignature>(payload, 'signatures', {
    now,
    limit,
    select: { name: true, email: true, emailCanonical: true, petition: true },
    send: async (s, token) => {
      const petitionId = typeof s.petition === 'object' ? s.petition.id : s.petition
      if (!titles.has(petitionId)) {
        const p = await payload.db.findOne<{ id: RecordId; title: string }>({
          collection: 'petitions',
          where: { id: { equals: petitionId } },
          select: { title: true },
        })
        titles.set(petitionId, p?.title ?? '')
      }
      await sendSignatureConfirm(
        payload,
        { id: s.id, email: s.email ?? '', name: s.name ?? '', emailCanonical: s.emailCanonical ?? '' },
        { id: petitionId, title: titles.get(petitionId)! },
        token,
      )
    },
  })
}
