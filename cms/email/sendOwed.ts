/**
 * The worker's side of owed confirmation emails (owedEmail.ts): sends those whose time has come,
 * each claimed first so two workers never send the same one.
 */
import type { Payload } from 'payload'
import { CONFIRM_EMAIL_STATES } from '../../content-models/fields/confirmEmailFields'
import { sqlRows } from '../db/rows'
import type { RecordId } from '../members/recordId'
import { newConfirmToken } from '../members/tokens'
import { EMAIL_LEASE_MS, markEmailSent, recordEmailFailure, type OwedCollection } from './owedEmail'

/** What the worker reads of an owed record. */
type OwedRow = { id: RecordId; confirmEmailAttempts?: number | null; confirmEmailNextAt?: string | null }

/**
 * Sends the confirmation emails still owed in `collection` whose time has come (new ones after
 * their lease, failed ones after their back-off), each with a new link, since only the old link's
 * hash was kept. `send` emails one record with the new token.
 */
export const sendOwed = async <T extends OwedRow>(
  payload: Payload,
  collection: OwedCollection,
  {
    now = Date.now(),
    limit = 200,
    select,
    send,
  }: {
    now?: number
    limit?: number
    select: Record<string, true>
    send: (row: T, token: string) => Promise<void>
  },
): Promise<{ sent: number; failed: number }> => {
  const { docs } = await payload.db.find<T>({
    collection,
    where: {
      and: [
        { confirmEmailState: { equals: CONFIRM_EMAIL_STATES.OWED } },
        { confirmEmailNextAt: { less_than_equal: new Date(now).toISOString() } },
      ],
    },
    select: { ...select, confirmEmailAttempts: true, confirmEmailNextAt: true },
    limit,
    pagination: false,
    sort: 'confirmEmailNextAt',
  })
  let sent = 0
  let failed = 0
  for (const row of docs) {
    const { token, hash } = newConfirmToken()
    // Claim it: only if no one else has since (the lease moved on), and with the new link's hash.
    const claimed = await claim(payload, collection, row, hash, new Date(now + EMAIL_LEASE_MS).toISOString())
    if (!claimed) continue
    try {
      await send(row, token)
    } catch (error) {
      failed++
      await recordEmailFailure(payload, row.id, row.confirmEmailAttempts ?? 0, error, now, collection)
      continue
    }
    await markEmailSent(payload, row.id, collection)
    sent++
  }
  return { sent, failed }
}

/** Moves an owed email's lease on and stores the new link's hash, if it is still as we read it. */
const claim = async (
  payload: Payload,
  collection: OwedCollection,
  s: OwedRow,
  hash: string,
  leaseUntil: string,
): Promise<boolean> => {
  const sql = sqlRows(payload)
  if (sql) return sql.claimOwed(collection, s, { confirmEmailNextAt: leaseUntil, confirmTokenHash: hash })
  const updated = await payload.db.updateOne({
    collection,
    where: {
      and: [
        { id: { equals: s.id } },
        { confirmEmailState: { equals: CONFIRM_EMAIL_STATES.OWED } },
        { confirmEmailNextAt: { equals: s.confirmEmailNextAt } },
      ],
    },
    data: { confirmEmailNextAt: leaseUntil, confirmTokenHash: hash },
  })
  return Boolean(updated)
}
