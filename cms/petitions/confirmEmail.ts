/**
 * Confirmation emails for signatures, owed durably. A new signature is stored as "owed" in the
 * same transaction as the row; the sign request tries to send at once, waiting for it at most
 * SIGN_EMAIL_WAIT_MS, and a worker sends whatever is still owed, with retries and back-off. After
 * MAX_EMAIL_ATTEMPTS failed tries the email is marked "failed" (with the reason) for an organiser.
 */
import { and, eq, inArray } from 'drizzle-orm'
import type { Payload } from 'payload'
import { CONFIRM_EMAIL_STATES } from '../../content-models/collections/Signatures'
import type { Signature } from '../payload-types'
import { signatureConfirmEmail } from '../email/messages/render'
import { cmsUrl, linkToken, links, newConfirmToken } from '../members/tokens'
import { createBatcher, type Batcher } from './batcher'

export { CONFIRM_EMAIL_STATES }

/** Tries before an owed email is marked failed. */
export const MAX_EMAIL_ATTEMPTS = 5
/** How long a sender holds an owed email before another may try it (a crashed sender's emails come back). */
export const EMAIL_LEASE_MS = 60_000

/**
 * How long a sign request waits for its confirmation email before answering anyway (the email
 * then stays owed until sent). SIGN_EMAIL_WAIT_MS; 0 answers at once and sends after the answer.
 */
export const signEmailWaitMs = (env: NodeJS.ProcessEnv = process.env): number => {
  const v = Number(env.SIGN_EMAIL_WAIT_MS || 1000)
  return Number.isFinite(v) && v >= 0 ? v : 1000
}

/** Wait before the next try after `attempts` failures: 30 s, 1 min, 2 min, 4 min… at most an hour. */
export const retryDelayMs = (attempts: number): number => Math.min(3_600_000, 30_000 * 2 ** Math.max(0, attempts - 1))

/**
 * Whether a send failure will not get better by trying again: the email service refused the
 * message itself (HTTP 4xx other than 408 and 429), for example an unverified sender domain.
 */
export const isPermanentEmailFailure = (error: unknown): boolean => {
  const status = (error as { cause?: { statusCode?: unknown } })?.cause?.statusCode
  return typeof status === 'number' && status >= 400 && status < 500 && status !== 408 && status !== 429
}

type PetitionTitle = { id: number; title: string }

const footerLinks = (payload: Payload, id: number, emailCanonical: string) => ({
  unsubscribe: links(cmsUrl()).unsubscribe('signature', id, linkToken(payload.secret, 'unsubscribe', 'signature', id, emailCanonical)),
  erase: links(cmsUrl()).erase('signature', id, linkToken(payload.secret, 'erase', 'signature', id, emailCanonical)),
})

/** Emails the confirmation link (with the raw token; only its hash is stored). */
export const sendSignatureConfirm = async (
  payload: Payload,
  s: { id: number; email: string; name: string; emailCanonical: string },
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

/** The parts of the SQL adapter used here. */
type SqlAdapter = {
  drizzle: { update: (t: unknown) => { set: (v: unknown) => { where: (w: unknown) => PromiseLike<unknown> } } }
  tables: Record<string, Record<string, unknown>>
}

const markers = new WeakMap<Payload, Batcher<number, void>>()

const SENT_FIELDS = { confirmEmailState: CONFIRM_EMAIL_STATES.SENT, confirmEmailNextAt: null, confirmEmailError: null }

/**
 * Marks these signatures' emails sent, where they are still owed. On SQL it is one UPDATE … WHERE
 * id IN (…): the adapter's updateMany would select the ids and then rewrite each row in turn,
 * flags and all, which cost more than signing itself under load. Other databases use updateMany.
 */
const markSent = async (payload: Payload, ids: number[]): Promise<void> => {
  const sql = payload.db as unknown as Partial<SqlAdapter>
  const table = sql.tables?.signatures
  if (sql.drizzle && table) {
    await sql.drizzle
      .update(table)
      .set(SENT_FIELDS)
      .where(and(inArray(table.id as never, ids), eq(table.confirmEmailState as never, CONFIRM_EMAIL_STATES.OWED)))
    return
  }
  await payload.db.updateMany({
    collection: 'signatures',
    where: { and: [{ id: { in: ids } }, { confirmEmailState: { equals: CONFIRM_EMAIL_STATES.OWED } }] },
    data: SENT_FIELDS,
    returning: false,
  } as never)
}

/**
 * Marks sent emails in batches (one UPDATE for many rows, at most every quarter second), like the
 * inserts. The lease keeps the worker off a fresh row for a minute, so a late mark costs nothing;
 * a crash before it means the email may be sent twice, never lost.
 */
const sentMarker = (payload: Payload): Batcher<number, void> => {
  let b = markers.get(payload)
  if (!b) {
    b = createBatcher<number, void>(async (ids) => {
      await markSent(payload, ids)
      return ids.map(() => undefined)
    }, { maxItems: 500, maxWaitMs: 250 })
    markers.set(payload, b)
  }
  return b
}

/** Records that the email to signature `id` was sent. */
export const markEmailSent = (payload: Payload, id: number): Promise<void> => sentMarker(payload).add(id)

/** Waits until every "sent" mark queued so far is written (tests, shutdown). */
export const flushEmailMarks = (payload: Payload): Promise<void> => sentMarker(payload).flush()

/** Records a failed try: the email stays owed until MAX_EMAIL_ATTEMPTS, then is marked failed with the reason. */
export const recordEmailFailure = async (payload: Payload, id: number, attemptsBefore: number, error: unknown, now = Date.now()) => {
  const attempts = attemptsBefore + 1
  const gaveUp = attempts >= MAX_EMAIL_ATTEMPTS || isPermanentEmailFailure(error)
  await payload.db.updateOne({
    collection: 'signatures',
    id,
    data: {
      confirmEmailAttempts: attempts,
      confirmEmailState: gaveUp ? CONFIRM_EMAIL_STATES.FAILED : CONFIRM_EMAIL_STATES.OWED,
      confirmEmailNextAt: gaveUp ? null : new Date(now + retryDelayMs(attempts)).toISOString(),
      confirmEmailError: String((error as Error)?.message ?? error).slice(0, 500),
    },
    returning: false,
  })
  if (gaveUp) payload.logger.error({ err: error, msg: `Gave up sending the confirmation email for signature ${id} after ${attempts} tries; it is marked "failed".` })
}

type Owed = Pick<Signature, 'id' | 'name' | 'email' | 'emailCanonical' | 'confirmEmailAttempts' | 'confirmEmailNextAt'> & { petition: number | { id: number } }

/**
 * Sends confirmation emails still owed whose time has come (new ones after their lease, failed
 * ones after their back-off), each with a new link, since only the old link's hash was kept.
 * @returns how many were sent and how many failed this time
 */
export const sendOwedConfirmations = async (payload: Payload, { now = Date.now(), limit = 200 } = {}): Promise<{ sent: number; failed: number }> => {
  const nowIso = new Date(now).toISOString()
  const { docs } = await payload.db.find<Owed>({
    collection: 'signatures',
    where: { and: [{ confirmEmailState: { equals: CONFIRM_EMAIL_STATES.OWED } }, { confirmEmailNextAt: { less_than_equal: nowIso } }] },
    select: { name: true, email: true, emailCanonical: true, petition: true, confirmEmailAttempts: true, confirmEmailNextAt: true },
    limit,
    pagination: false,
    sort: 'confirmEmailNextAt',
  })
  const titles = new Map<number, string>()
  let sent = 0
  let failed = 0
  for (const s of docs) {
    const { token, hash } = newConfirmToken()
    // Claim it: only if no one else has since (the lease moved on), and with the new link's hash.
    const claimed = await claim(payload, s, hash, new Date(now + EMAIL_LEASE_MS).toISOString())
    if (!claimed) continue
    const petitionId = typeof s.petition === 'object' ? s.petition.id : s.petition
    if (!titles.has(petitionId)) {
      const p = await payload.db.findOne<{ id: number; title: string }>({ collection: 'petitions', where: { id: { equals: petitionId } }, select: { title: true } } as never)
      titles.set(petitionId, p?.title ?? '')
    }
    try {
      await sendSignatureConfirm(payload, { id: s.id, email: s.email ?? '', name: s.name ?? '', emailCanonical: s.emailCanonical ?? '' }, { id: petitionId, title: titles.get(petitionId)! }, token)
    } catch (error) {
      failed++
      await recordEmailFailure(payload, s.id, s.confirmEmailAttempts ?? 0, error, now)
      continue
    }
    await markEmailSent(payload, s.id)
    sent++
  }
  return { sent, failed }
}

/** Moves an owed email's lease on and stores the new link's hash, if it is still as we read it. */
const claim = async (payload: Payload, s: Owed, hash: string, leaseUntil: string): Promise<boolean> => {
  const sql = payload.db as unknown as Partial<SqlAdapter>
  const table = sql.tables?.signatures as Record<string, unknown> | undefined
  if (sql.drizzle && table) {
    const res = (await sql.drizzle
      .update(table)
      .set({ confirmEmailNextAt: leaseUntil, confirmTokenHash: hash })
      .where(and(eq(table.id as never, s.id), eq(table.confirmEmailState as never, CONFIRM_EMAIL_STATES.OWED), eq(table.confirmEmailNextAt as never, s.confirmEmailNextAt)))) as { rowsAffected?: number }
    return res.rowsAffected === 1
  }
  const updated = await payload.db.updateOne({
    collection: 'signatures',
    where: { and: [{ id: { equals: s.id } }, { confirmEmailState: { equals: CONFIRM_EMAIL_STATES.OWED } }, { confirmEmailNextAt: { equals: s.confirmEmailNextAt } }] },
    data: { confirmEmailNextAt: leaseUntil, confirmTokenHash: hash },
  })
  return Boolean(updated)
}
