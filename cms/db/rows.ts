/**
 * All the SQL we write ourselves instead of going through Payload's Local API, in one place: the
 * statements here and the signature upsert (signatureUpsert.ts), through the one typed handle on
 * Payload's SQLite adapter (sqlHandle.ts). Each is here because Payload's way cost too much under
 * load (each says why). Table and column names come from drizzle's table objects in the adapter,
 * so a renamed field changes the SQL with it, and tests/int/sqlRows.int.test.ts pins every name in
 * RELIED_ON against the SQLite file the committed migrations make. On MongoDB there is no handle:
 * sqlRows() is null and callers use Payload's own calls (with string ids).
 */
import { and, eq, gt, inArray, lt } from 'drizzle-orm'
import type { Payload } from 'payload'
import { RECORD_STATES } from '../../content-models/constants'
import { CONFIRM_EMAIL_STATES } from '../../content-models/fields/confirmEmailFields'
import type { RecordId } from '../members/recordId'
import { rateLimitsTable } from './rateLimitsTable'
import { registrationRows, type Placed, type RegistrationRows } from './registrationRows'
import { upsertSignatures, type NewSignature, type UpsertedSignature } from './signatureUpsert'
import { sqlColumn, sqlHandle, sqlTable, type SqlHandle } from './sqlHandle'

export type { NewSignature, Placed, RegistrationRows, UpsertedSignature }
export { RELIED_ON, sqlHandle, sqlNames, type SqlHandle } from './sqlHandle'

/** The collections whose records are confirmed by email. */
export type RecordCollection = 'signatures' | 'members'

/** What a sender read of an owed email's record: claimOwed changes it only if it is still so. */
export type OwedRowState = { id: RecordId; confirmEmailNextAt?: string | null }

/** The statements, bound to one Payload's SQLite database. */
export type SqlRows = {
  confirmPending: (collection: RecordCollection, id: RecordId, confirmedAt: string) => Promise<boolean>
  markSent: (collection: RecordCollection, ids: RecordId[]) => Promise<void>
  claimOwed: (
    collection: RecordCollection,
    row: OwedRowState,
    change: { confirmTokenHash: string; confirmEmailNextAt: string },
  ) => Promise<boolean>
  upsertSignatures: (rows: NewSignature[], now: string, maxEmails: number) => Promise<UpsertedSignature[]>
  deleteExpiredRateLimits: (now: number) => Promise<number>
  consumeSignIn: (id: RecordId, tokenHash: string, now: string) => Promise<boolean>
  /** Training places: each decision one statement (cms/db/registrationRows.ts). */
  registrations: RegistrationRows
}

/**
 * Moves one pending record to confirmed; true if this call did it, so two presses at once
 * confirm it once. One UPDATE … WHERE id = ? AND state = 'pending': Payload's update would read the
 * whole row and rewrite it, flags included, which grew with the number of signatures. Signatures
 * and members have no hooks, so nothing else is skipped.
 */
const confirmPending =
  (h: SqlHandle): SqlRows['confirmPending'] =>
  async (collection, id, confirmedAt) => {
    const t = sqlTable(h, collection)
    const res = await h.drizzle
      .update(t)
      .set({ state: RECORD_STATES.CONFIRMED, confirmedAt, updatedAt: new Date().toISOString() })
      .where(and(eq(sqlColumn(t, 'id'), id), eq(sqlColumn(t, 'state'), RECORD_STATES.PENDING)))
    return res.rowsAffected === 1
  }

/**
 * Marks these records' emails sent, where they are still owed. One UPDATE … WHERE id IN (…): the
 * adapter's updateMany would select the ids and then rewrite each row in turn, flags and all,
 * which cost more than signing itself under load.
 */
const markSent =
  (h: SqlHandle): SqlRows['markSent'] =>
  async (collection, ids) => {
    const t = sqlTable(h, collection)
    await h.drizzle
      .update(t)
      .set({
        confirmEmailState: CONFIRM_EMAIL_STATES.SENT,
        confirmEmailNextAt: null,
        confirmEmailError: null,
      })
      .where(
        and(
          inArray(sqlColumn(t, 'id'), ids),
          eq(sqlColumn(t, 'confirmEmailState'), CONFIRM_EMAIL_STATES.OWED),
        ),
      )
  }

/** Moves an owed email's lease on and stores the new link's hash, if the row is still as it was read. */
const claimOwed =
  (h: SqlHandle): SqlRows['claimOwed'] =>
  async (collection, row, change) => {
    const t = sqlTable(h, collection)
    const res = await h.drizzle
      .update(t)
      .set(change)
      .where(
        and(
          eq(sqlColumn(t, 'id'), row.id),
          eq(sqlColumn(t, 'confirmEmailState'), CONFIRM_EMAIL_STATES.OWED),
          eq(sqlColumn(t, 'confirmEmailNextAt'), row.confirmEmailNextAt),
        ),
      )
    return res.rowsAffected === 1
  }

/**
 * Uses up a member's sign-in link: true if this call did it (the hash matched and it had not
 * expired), so two presses at once sign in once. One UPDATE … WHERE id = ? AND sign_in_token_hash = ?
 * AND sign_in_token_expires_at > now: Payload's update reads the row, then writes it.
 */
const consumeSignIn =
  (h: SqlHandle): SqlRows['consumeSignIn'] =>
  async (id, tokenHash, now) => {
    const t = sqlTable(h, 'members')
    const res = await h.drizzle
      .update(t)
      .set({ signInTokenHash: null, signInTokenExpiresAt: null })
      .where(
        and(
          eq(sqlColumn(t, 'id'), id),
          eq(sqlColumn(t, 'signInTokenHash'), tokenHash),
          gt(sqlColumn(t, 'signInTokenExpiresAt'), now),
        ),
      )
    return res.rowsAffected === 1
  }

/** Deletes expired rate-limit counts (the limiter also clears them hourly); how many went. */
const deleteExpiredRateLimits =
  (h: SqlHandle): SqlRows['deleteExpiredRateLimits'] =>
  async (now) => {
    const res = await h.drizzle.delete(rateLimitsTable).where(lt(rateLimitsTable.expire, new Date(now)))
    return res.rowsAffected ?? 0
  }

/** The statements on this Payload's SQLite database, or null on another database (MongoDB). */
export const sqlRows = (payload: Payload): SqlRows | null => {
  const h = sqlHandle(payload)
  if (!h) return null
  return {
    confirmPending: confirmPending(h),
    markSent: markSent(h),
    claimOwed: claimOwed(h),
    upsertSignatures: (rows, now, maxEmails) =>
      upsertSignatures(
        h.client,
        { signatures: sqlTable(h, 'signatures'), texts: sqlTable(h, 'signatures_texts') },
        rows,
        now,
        maxEmails,
      ),
    deleteExpiredRateLimits: deleteExpiredRateLimits(h),
    consumeSignIn: consumeSignIn(h),
    registrations: registrationRows(h.client, sqlTable(h, 'registrations')),
  }
}

/** How long a statement waits for another connection's write lock before SQLITE_BUSY. */
export const BUSY_TIMEOUT_MS = 5000

/**
 * Makes this Payload's SQLite connection wait for a lock held by another connection (a second CMS
 * process, `npm run jobs`, a backup) instead of failing at once: SQLite's default wait is zero,
 * which turned a moment's overlap into a 500. Nothing to do on MongoDB.
 */
export const waitWhenBusy = async (payload: Payload): Promise<void> => {
  const h = sqlHandle(payload)
  if (h?.client) await h.client.execute(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`)
}
