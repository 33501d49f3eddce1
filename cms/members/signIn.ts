/**
 * Signing in by an emailed link. Asking for a link answers the same whatever the address (new,
 * pending, confirmed, erased, unknown) and at once: the look-up, the token and the email happen
 * after the answer, so neither its words nor its timing say who is a member. Only a confirmed
 * member gets an email. The link's token is 32 random bytes; only its sha256 is stored, with an
 * expiry 15 minutes on, and pressing the link's button uses it up (one UPDATE, cms/db/rows.ts).
 */
import { randomBytes } from 'node:crypto'
import type { Payload } from 'payload'
import { z } from 'zod'
import { RECORD_STATES } from '../../content-models/constants'
import type { Member } from '../../content-models/payload-types'
import { limitRate } from '../abuse/rateLimit'
import { check, emailField, type FieldErrors } from '../abuse/validation'
import type { SubmitContext } from '../campaigns/sign'
import { sqlRows } from '../db/rows'
import { clientRateKey } from '../edge/clientAddress'
import { signInEmail } from '../email/messages/signInEmails'
import { errorForLog } from '../email/scrub'
import { canonicalEmail } from './canonicalEmail'
import { memberFooterLinks } from './memberEmails'
import { parseRecordId, idTypeOf, type RecordId } from './recordId'
import { cmsUrl, hashToken } from './tokens'

/** How long a sign-in link works. */
export const SIGN_IN_LINK_MS = 15 * 60 * 1000

/** A member gets at most one sign-in email in this time (the link before still works): no inbox flooding. */
export const SIGN_IN_RESEND_MS = 60 * 1000

export const signInSchema = z.object({ email: emailField() })

export type SignInRequestOutcome =
  | { status: 'invalid'; errors: FieldErrors }
  | { status: 'rate-limited'; retryAfterSeconds: number }
  /** Said to everyone: "if this address belongs to a member, we have sent a link". */
  | { status: 'sent'; delivered: Promise<void> }

/** The link in the email: a page with a button on the CMS (GET shows it, POST signs in). */
export const signInUrl = (id: RecordId, token: string) =>
  `${cmsUrl().replace(/\/$/, '')}/api/account/sign-in/${id}/${token}`

type Found = Pick<Member, 'id' | 'email' | 'firstName' | 'emailCanonical' | 'signInTokenExpiresAt'>

/** Finds the confirmed member with this address, stores a new link's hash and emails them the link. */
const sendLink = async (payload: Payload, emailCanonical: string, now: number): Promise<void> => {
  const member = await payload.db.findOne<Found>({
    collection: 'members',
    where: {
      and: [{ emailCanonical: { equals: emailCanonical } }, { state: { equals: RECORD_STATES.CONFIRMED } }],
    },
    select: { email: true, firstName: true, emailCanonical: true, signInTokenExpiresAt: true },
  })
  if (!member) return
  const lastSent = member.signInTokenExpiresAt ? Date.parse(member.signInTokenExpiresAt) - SIGN_IN_LINK_MS : 0
  if (now - lastSent < SIGN_IN_RESEND_MS) return
  const token = randomBytes(32).toString('base64url')
  await payload.db.updateOne({
    collection: 'members',
    id: member.id,
    data: {
      signInTokenHash: hashToken(token),
      signInTokenExpiresAt: new Date(now + SIGN_IN_LINK_MS).toISOString(),
    },
    returning: false,
  })
  await payload.sendEmail({
    to: member.email,
    ...signInEmail({
      firstName: member.firstName,
      signInUrl: signInUrl(member.id, token),
      ...memberFooterLinks(payload, member.id, emailCanonical),
    }),
  })
}

/**
 * Asks for a sign-in link for the address in `raw` (form or JSON fields). `delivered` settles when
 * the email is sent or given up (a failure is logged with the member's id only, never the
 * address or token); nothing waits for it but tests.
 * @example await requestSignIn(payload, { email: 'sara@example.org' }, { ip })
 */
export const requestSignIn = async (
  payload: Payload,
  raw: unknown,
  ctx: SubmitContext,
): Promise<SignInRequestOutcome> => {
  const checked = check(signInSchema, raw)
  if (!checked.ok) return { status: 'invalid', errors: checked.errors }
  const limit = await limitRate(payload, 'signIn', clientRateKey(ctx.ip))
  if (limit.limited) return { status: 'rate-limited', retryAfterSeconds: limit.retryAfterSeconds }
  const delivered = sendLink(payload, canonicalEmail(checked.data.email), ctx.now ?? Date.now()).catch(
    (error: unknown) => {
      payload.logger.error({ err: errorForLog(error), msg: 'A sign-in link could not be sent' })
    },
  )
  return { status: 'sent', delivered }
}

/** What became of a sign-in link: it signs this member in, or it no longer works (used, expired, wrong). */
export type SignInLinkState = { status: 'valid'; memberId: RecordId } | { status: 'spent' }

type Linked = { id: RecordId; signInTokenHash?: string | null; signInTokenExpiresAt?: string | null }

/** Whether a link still works, without using it up (the page before the button). */
export const checkSignInLink = async (
  payload: Payload,
  rawId: string,
  token: string,
  now = Date.now(),
): Promise<SignInLinkState> => {
  const id = parseRecordId(rawId, idTypeOf(payload))
  if (id === null || !token || token.length > 100) return { status: 'spent' }
  const member = await payload.db.findOne<Linked>({
    collection: 'members',
    where: { id: { equals: id } },
    select: { signInTokenHash: true, signInTokenExpiresAt: true },
  })
  const works =
    member?.signInTokenHash === hashToken(token) && Date.parse(member.signInTokenExpiresAt ?? '') > now
  return works ? { status: 'valid', memberId: id } : { status: 'spent' }
}

/** Uses the link up: only one of two presses at once gets 'valid'. */
export const useSignInLink = async (
  payload: Payload,
  rawId: string,
  token: string,
  now = Date.now(),
): Promise<SignInLinkState> => {
  const state = await checkSignInLink(payload, rawId, token, now)
  if (state.status !== 'valid') return state
  const at = new Date(now).toISOString()
  const sql = sqlRows(payload)
  const won = sql
    ? await sql.consumeSignIn(state.memberId, hashToken(token), at)
    : (
        await payload.update({
          collection: 'members',
          where: {
            and: [
              { id: { equals: state.memberId } },
              { signInTokenHash: { equals: hashToken(token) } },
              { signInTokenExpiresAt: { greater_than: at } },
            ],
          },
          data: { signInTokenHash: null, signInTokenExpiresAt: null },
          overrideAccess: true,
          depth: 0,
        })
      ).docs.length === 1
  return won ? state : { status: 'spent' }
}
