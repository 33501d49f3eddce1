/**
 * Confirmation emails for signatures and members, owed durably. A new record is stored as "owed"
 * in the same write as the row; the request tries to send at once, waiting for it at most
 * SIGN_EMAIL_WAIT_MS (deliverOwedEmail), and a worker sends whatever is still owed, with retries
 * and back-off (sendOwed.ts). After MAX_EMAIL_ATTEMPTS failed tries the email is marked "failed"
 * (with the reason) for an organiser. The emails themselves are written in
 * cms/campaigns/signatureEmails.ts and cms/members/memberEmails.ts.
 */
import type { Payload } from 'payload'
import { CONFIRM_EMAIL_STATES } from '../../content-models/fields/confirmEmailFields'
import { createBatcher, type Batcher } from '../campaigns/batcher'
import { sqlRows } from '../db/rows'
import type { RecordId } from '../members/recordId'
import { errorForLog, storedErrorText } from './scrub'

export { CONFIRM_EMAIL_STATES }

/** Tries before an owed email is marked failed. */
export const MAX_EMAIL_ATTEMPTS = 5
/** How long a sender holds an owed email before another may try it (a crashed sender's emails come back). */
export const EMAIL_LEASE_MS = 60_000

/**
 * How long a sign or join request waits for its confirmation email before answering anyway (the email
 * then stays owed until sent). SIGN_EMAIL_WAIT_MS; 0 answers at once and sends after the answer.
 */
export const signEmailWaitMs = (env: NodeJS.ProcessEnv = process.env): number => {
  const v = Number(env.SIGN_EMAIL_WAIT_MS || 1000)
  return Number.isFinite(v) && v >= 0 ? v : 1000
}

/** The fields of a record whose confirmation email is owed from `now`: the lease keeps the worker off while the request itself tries. */
export const owedFrom = (now: number) => ({
  confirmEmailState: CONFIRM_EMAIL_STATES.OWED,
  confirmEmailAttempts: 0,
  confirmEmailNextAt: new Date(now + EMAIL_LEASE_MS).toISOString(),
  confirmEmailError: null,
})

/** Wait before the next try after `attempts` failures: 30 s, 1 min, 2 min, 4 min… at most an hour. */
export const retryDelayMs = (attempts: number): number =>
  Math.min(3_600_000, 30_000 * 2 ** Math.max(0, attempts - 1))

/**
 * Whether a send failure will not get better by trying again: the email service refused the
 * message itself (HTTP 4xx other than 408 and 429), for example an unverified sender domain.
 */
export const isPermanentEmailFailure = (error: unknown): boolean => {
  const status = (error as { cause?: { statusCode?: unknown } })?.cause?.statusCode
  return typeof status === 'number' && status >= 400 && status < 500 && status !== 408 && status !== 429
}

/** The collections whose records owe a confirmation email. */
export type OwedCollection = 'signatures' | 'members'

const markers = new WeakMap<Payload, Map<OwedCollection, Batcher<RecordId, void>>>()

const SENT_FIELDS = {
  confirmEmailState: CONFIRM_EMAIL_STATES.SENT,
  confirmEmailNextAt: null,
  confirmEmailError: null,
}

/**
 * Marks these records' emails sent, where they are still owed. On SQLite it is one UPDATE of our
 * own (cms/db/rows.ts, markSent); other databases use the adapter's updateMany.
 */
const markSent = async (payload: Payload, collection: OwedCollection, ids: RecordId[]): Promise<void> => {
  const sql = sqlRows(payload)
  if (sql) return sql.markSent(collection, ids)
  await payload.db.updateMany({
    collection,
    where: { and: [{ id: { in: ids } }, { confirmEmailState: { equals: CONFIRM_EMAIL_STATES.OWED } }] },
    data: SENT_FIELDS,
    returning: false,
  })
}

/**
 * Marks sent emails in batches (one UPDATE for many rows, at most every quarter second), like the
 * inserts. The lease keeps the worker off a fresh row for a minute, so a late mark costs nothing;
 * a crash before it means the email may be sent twice, never lost.
 */
const sentMarker = (payload: Payload, collection: OwedCollection): Batcher<RecordId, void> => {
  let byCollection = markers.get(payload)
  if (!byCollection) markers.set(payload, (byCollection = new Map()))
  let b = byCollection.get(collection)
  if (!b) {
    b = createBatcher<RecordId, void>(
      async (ids) => {
        await markSent(payload, collection, ids)
        return ids.map(() => undefined)
      },
      { maxItems: 500, maxWaitMs: 250 },
    )
    byCollection.set(collection, b)
  }
  return b
}

/** Records that the confirmation email of record `id` (a signature unless said) was sent. */
export const markEmailSent = (
  payload: Payload,
  id: RecordId,
  collection: OwedCollection = 'signatures',
): Promise<void> => sentMarker(payload, collection).add(id)

/** Waits until every "sent" mark queued so far is written (tests, shutdown). */
export const flushEmailMarks = async (payload: Payload): Promise<void> => {
  await Promise.all([sentMarker(payload, 'signatures').flush(), sentMarker(payload, 'members').flush()])
}

/**
 * Records a failed try: the email stays owed until MAX_EMAIL_ATTEMPTS, then is marked failed with
 * the reason (addresses scrubbed from it: an email service's error may quote the address).
 */
export const recordEmailFailure = async (
  payload: Payload,
  id: RecordId,
  attemptsBefore: number,
  error: unknown,
  now = Date.now(),
  collection: OwedCollection = 'signatures',
) => {
  const attempts = attemptsBefore + 1
  const gaveUp = attempts >= MAX_EMAIL_ATTEMPTS || isPermanentEmailFailure(error)
  await payload.db.updateOne({
    collection,
    id,
    data: {
      confirmEmailAttempts: attempts,
      confirmEmailState: gaveUp ? CONFIRM_EMAIL_STATES.FAILED : CONFIRM_EMAIL_STATES.OWED,
      confirmEmailNextAt: gaveUp ? null : new Date(now + retryDelayMs(attempts)).toISOString(),
      confirmEmailError: storedErrorText(error),
    },
    returning: false,
  })
  if (gaveUp)
    payload.logger.error({
      err: errorForLog(error),
      msg: `Gave up sending the confirmation email for ${collection === 'members' ? 'member' : 'signature'} ${id} after ${attempts} tries; it is marked "failed".`,
    })
}

const sleep = (ms: number) => new Promise<null>((r) => setTimeout(() => r(null), ms))

/**
 * Sends a record's confirmation email (its row already says "owed"), waiting for it at most
 * SIGN_EMAIL_WAIT_MS: a quick send is done before the answer; a slow one finishes after it; a
 * failed one stays owed for the worker. A refusal that retrying cannot fix (bad sender set-up)
 * during the wait is thrown, so the person is told something went wrong; with `undoOnRefusal`
 * (a new record) the record is deleted first, so trying again starts clean.
 */
export const deliverOwedEmail = async (
  payload: Payload,
  collection: OwedCollection,
  id: RecordId,
  send: () => Promise<void>,
  { undoOnRefusal }: { undoOnRefusal: boolean },
): Promise<void> => {
  const sending = send().then(
    () => ({ ok: true }) as const,
    (error: unknown) => ({ ok: false, error }) as const,
  )
  const wait = signEmailWaitMs()
  const first = wait > 0 ? await Promise.race([sending, sleep(wait)]) : null
  if (first && !first.ok && isPermanentEmailFailure(first.error)) {
    if (undoOnRefusal) await payload.delete({ collection, id, overrideAccess: true })
    else await recordEmailFailure(payload, id, 0, first.error, Date.now(), collection)
    throw first.error
  }
  // The answer does not wait for the bookkeeping; a failure to write it is logged, and the email
  // stays owed (at worst it is sent twice, never lost).
  void sending
    .then((r) =>
      r.ok
        ? markEmailSent(payload, id, collection)
        : recordEmailFailure(payload, id, 0, r.error, Date.now(), collection),
    )
    .catch((error: unknown) =>
      payload.logger.error({
        err: errorForLog(error),
        msg: `Could not record the confirmation email of ${collection} ${id}.`,
      }),
    )
}
