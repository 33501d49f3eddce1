/**
 * Registering by email, for someone not signed in (a first-timer, or a member on another device):
 * a pending registration and an emailed (signed) link; pressing it (GET shows a button, POST confirms)
 * confirms the address and gives a place or a spot on the waiting list. The answer is the same
 * whatever we hold about the address, so nobody learns who is a member.
 */
import type { Payload } from 'payload'
import { CONSENT_VERSION } from '../../content-models/consent'
import type { Member } from '../../content-models/payload-types'
import { formFlags, HONEYPOT_FIELD, STAMP_FIELD, suppressesEmail } from '../abuse/flags'
import { limitRate } from '../abuse/rateLimit'
import { check, type FieldErrors } from '../abuse/validation'
import { isUniqueViolation, type SubmitContext } from '../campaigns/sign'
import { clientRateKey } from '../edge/clientAddress'
import { canonicalEmail } from '../members/canonicalEmail'
import { idTypeOf, parseRecordId, refId, type RecordId } from '../members/recordId'
import { RECORD_STATES } from '../members/records'
import { timingSafeEqual } from 'node:crypto'
import { hmac } from '../members/tokens'
import { sendRegistrationConfirm, type Recipient } from './emails'
import { placeMember, standing, tellPlaced, type RegisterOutcome } from './register'
import { relationId } from './places'
import { registrationById, registrationsOf } from './registrations'
import { registerSchema, type RegisterInput } from './registerSchema'
import { closedBecause, sessionById, sessionBySlug, type SessionForTraining } from './session'
import { isActiveRegistration, REGISTRATION_STATES as S } from './states'

export type ByEmailOutcome =
  | { status: 'invalid'; errors: FieldErrors }
  | { status: 'not-found' }
  | { status: 'closed'; reason: 'cancelled' | 'started' | 'external' }
  | { status: 'rate-limited'; retryAfterSeconds: number }
  | { status: 'sent' }

const MEMBER_FIELDS = { firstName: true, email: true, emailCanonical: true, state: true } as const

/** The member with this address, made (pending, no consents asked) when there is none. */
const memberFor = async (payload: Payload, input: RegisterInput, now: Date): Promise<Recipient> => {
  const emailCanonical = canonicalEmail(input.email)
  for (let tries = 0; tries < 2; tries++) {
    const found = await payload.db.findOne<Recipient>({
      collection: 'members',
      where: { emailCanonical: { equals: emailCanonical } },
      select: MEMBER_FIELDS,
    })
    if (found) return found
    try {
      return await payload.create({
        collection: 'members',
        data: {
          firstName: input.firstName,
          email: input.email,
          emailCanonical,
          // Training emails need no consent to news: they are about the place asked for.
          consentEmail: false,
          consentUnionInterest: false,
          consentVersion: CONSENT_VERSION,
          state: RECORD_STATES.PENDING,
          pendingSince: now.toISOString(),
        },
        overrideAccess: true,
        depth: 0,
      })
    } catch (error) {
      if (!isUniqueViolation(error)) throw error
    }
  }
  throw new Error('A registration by email clashed with a sign-up that no longer exists; try again.')
}

/**
 * The signed token of a registration's confirm link: an HMAC over the registration and the
 * address, so nothing is stored and a leaked database cannot confirm anyone. Pressing it again
 * only answers where the person stands.
 */
export const confirmToken = (secret: string, registration: RecordId, emailCanonical: string) =>
  hmac(secret, `training-confirm:${registration}:${emailCanonical}`).slice(0, 32)

const tokenMatches = (expected: string, given: string) =>
  expected.length === given.length && timingSafeEqual(Buffer.from(expected), Buffer.from(given))

/** The member's registration for the session, made pending (a new row, or an old one used again); its id. */
const pendingRegistration = async (
  payload: Payload,
  member: RecordId,
  session: RecordId,
): Promise<RecordId> => {
  for (let tries = 0; tries < 2; tries++) {
    const rows = await registrationsOf(payload, member, session)
    const reuse = rows.find((r) => r.state === S.PENDING) ?? rows.find((r) => !isActiveRegistration(r.state))
    if (reuse?.state === S.PENDING) return reuse.id
    const data = { state: S.PENDING, cancelledAt: null }
    try {
      if (reuse)
        return (
          await payload.update({
            collection: 'registrations',
            id: reuse.id,
            data,
            overrideAccess: true,
            depth: 0,
          })
        ).id
      return (
        await payload.create({
          collection: 'registrations',
          data: { member: relationId(member), session: relationId(session), ...data },
          overrideAccess: true,
          depth: 0,
        })
      ).id
    } catch (error) {
      // The same person's other request made one first: read it again.
      if (!isUniqueViolation(error)) throw error
    }
  }
  throw new Error(`Registration of member ${member} for session ${session} kept clashing; try again.`)
}

/**
 * Someone asks for a place by email. A person with a place or spot already gets the email with
 * where they stand; anyone else a link to confirm.
 * @example await registerByEmail(payload, 'holiday-pay-basics', { firstName: 'Sam', email: 'sam@example.org' }, { ip })
 */
export const registerByEmail = async (
  payload: Payload,
  slug: string,
  raw: unknown,
  ctx: SubmitContext,
): Promise<ByEmailOutcome> => {
  const checked = check(registerSchema, raw)
  if (!checked.ok) return { status: 'invalid', errors: checked.errors }
  const s = await sessionBySlug(payload, slug)
  if (!s) return { status: 'not-found' }
  const now = new Date(ctx.now ?? Date.now())
  const closed = closedBecause(s, now)
  if (closed) return { status: 'closed', reason: closed }
  const limit = await limitRate(payload, 'join', clientRateKey(ctx.ip))
  if (limit.limited) return { status: 'rate-limited', retryAfterSeconds: limit.retryAfterSeconds }
  const input = checked.data
  const flags = formFlags(
    { honeypot: input[HONEYPOT_FIELD], stamp: input[STAMP_FIELD] },
    payload.secret,
    now.getTime(),
  )
  if (suppressesEmail(flags)) return { status: 'sent' }
  const m = await memberFor(payload, input, now)
  const active = (await registrationsOf(payload, m.id, s.id)).find((r) => isActiveRegistration(r.state))
  if (active) {
    // Already in: the same email as when they got in, with where they stand now.
    await tellPlaced(payload, m, s, await standing(payload, active, true))
    return { status: 'sent' }
  }
  const id = await pendingRegistration(payload, m.id, s.id)
  await sendRegistrationConfirm(payload, m, s, id, confirmToken(payload.secret, id, m.emailCanonical ?? ''))
  return { status: 'sent' }
}

export type ConfirmRegistrationOutcome =
  RegisterOutcome | { status: 'unknown-link' } | { status: 'cancelled' }

/** Confirms the member's address when it was not confirmed yet: pressing our link proves it. */
const confirmMember = async (payload: Payload, member: Pick<Member, 'id' | 'state'>, now: Date) => {
  if (member.state !== RECORD_STATES.PENDING) return
  await payload.update({
    collection: 'members',
    where: { and: [{ id: { equals: member.id } }, { state: { equals: RECORD_STATES.PENDING } }] },
    data: { state: RECORD_STATES.CONFIRMED, confirmedAt: now.toISOString(), lastActiveAt: now.toISOString() },
    overrideAccess: true,
    depth: 0,
  })
}

/**
 * The confirm button of a registration link: a place or a spot on the waiting list. Pressing it
 * again answers where the person stands; a link for a place cancelled since says so.
 */
export const confirmRegistration = async (
  payload: Payload,
  id: unknown,
  token: string,
  now = new Date(),
): Promise<ConfirmRegistrationOutcome> => {
  const parsed = parseRecordId(id, idTypeOf(payload))
  if (parsed === null || !token || token.length > 100) return { status: 'unknown-link' }
  const r = await registrationById(payload, parsed)
  const member =
    r?.member &&
    (await payload.findByID({
      collection: 'members',
      id: refId(r.member),
      depth: 0,
      overrideAccess: true,
      disableErrors: true,
      select: MEMBER_FIELDS,
    }))
  if (!r || !member || !tokenMatches(confirmToken(payload.secret, r.id, member.emailCanonical ?? ''), token))
    return { status: 'unknown-link' }
  if (isActiveRegistration(r.state)) return standing(payload, r, true)
  if (r.state === S.CANCELLED) return { status: 'cancelled' }
  const s: SessionForTraining | null = await sessionById(payload, refId(r.session))
  if (!s) return { status: 'not-found' }
  const closed = closedBecause(s, now)
  if (closed) return { status: 'closed', reason: closed }
  await confirmMember(payload, member, now)
  return placeMember(payload, member as Recipient, s, now)
}
