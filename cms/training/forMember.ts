/**
 * A member's training as My account shows it (cms/api/account.ts and the island call these):
 * every registration that is not a pending first try, with the session and their standing.
 */
import type { Payload } from 'payload'
import { refId, type RecordId } from '../members/recordId'
import { waitingNumber } from './registrations'
import { whenWords } from './session'
import { REGISTRATION_STATES as S } from './states'

/** One of a member's registrations, as My account lists it (no joining link: the reminder has it). */
export type MemberRegistration = {
  id: RecordId
  state: 'registered' | 'waiting' | 'cancelled'
  /** Their number on the waiting list, when waiting. */
  waitingNumber: number | null
  session: { title: string; slug: string; start: string; end: string; when: string; cancelled: boolean }
}

/**
 * The member's registrations, soonest session first.
 * @example await listRegistrationsFor(payload, req.user.id)
 */
export const listRegistrationsFor = async (
  payload: Payload,
  memberId: RecordId,
): Promise<MemberRegistration[]> => {
  const rows = await payload.find({
    collection: 'registrations',
    where: { and: [{ member: { equals: memberId } }, { state: { not_equals: S.PENDING } }] },
    limit: 200,
    depth: 0,
    pagination: false,
    overrideAccess: true,
  })
  const out: MemberRegistration[] = []
  for (const r of rows.docs) {
    if (!r.session) continue
    const s = await payload.findByID({
      collection: 'training-sessions',
      id: refId(r.session),
      depth: 0,
      overrideAccess: true,
      disableErrors: true,
      select: { title: true, slug: true, start: true, end: true, status: true, cancelledAt: true },
    })
    if (!s) continue
    out.push({
      id: r.id,
      state: r.state === S.WAITING ? 'waiting' : r.state === S.REGISTERED ? 'registered' : 'cancelled',
      waitingNumber: await waitingNumber(payload, r),
      session: {
        title: s.title,
        slug: s.slug,
        start: s.start,
        end: s.end,
        when: whenWords(s),
        cancelled: Boolean(s.cancelledAt) || s.status === 'cancelled',
      },
    })
  }
  return out.sort((a, b) => Date.parse(a.session.start) - Date.parse(b.session.start))
}
