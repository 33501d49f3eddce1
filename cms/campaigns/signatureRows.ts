/**
 * Where signatures are stored, new and repeat alike, many per transaction under load
 * (batcher.ts): on SQLite with our own SQL (cms/db/rows.ts, upsertSignatures), on other databases
 * (MongoDB) through Payload's adapter, row by row.
 */
import type { Payload } from 'payload'
import { CONFIRM_EMAIL_STATES } from '../../content-models/fields/confirmEmailFields'
import { sqlRows, type NewSignature } from '../db/rows'
import { MAX_CONFIRMATION_EMAILS, RECORD_STATES } from '../members/records'
import { createBatcher, type Batcher } from './batcher'

export type { NewSignature }

/** A unique-index clash, as the SQLite and MongoDB adapters report it. */
export const isUniqueViolation = (error: unknown): boolean => {
  const text = `${(error as Error)?.message ?? ''} ${String((error as { cause?: unknown })?.cause ?? '')} ${JSON.stringify((error as { data?: unknown })?.data ?? '')}`
  return /UNIQUE constraint|SQLITE_CONSTRAINT|E11000|duplicate key|unique/i.test(text)
}

/** What storing one signature did: a new row, an existing row counted again (pending ones get the new link), or null. */
export type StoreResult = { id: number | string; state: string; inserted: boolean } | null

let lastStamp = ''
/** A timestamp for a batch, never the same as the previous batch's, so a row made by this batch is known by its createdAt. */
const batchStamp = (): string => {
  let t = Date.now()
  let stamp = new Date(t).toISOString()
  while (stamp <= lastStamp) stamp = new Date(++t).toISOString()
  return (lastStamp = stamp)
}

/**
 * Stores many signatures in one transaction, new people and repeats alike. A repeat counts one
 * more email on its row and, if the row is still pending, gives it the new link (only hashes are
 * kept, so the old one cannot be resent) owed as a first one is. A row that has had its
 * MAX_CONFIRMATION_EMAILS, or a repeat that sends no email (flagged), changes nothing: null. The
 * same address twice in one batch: only the one whose link the row kept gets a result.
 */
export const storeSignatures = async (payload: Payload, rows: NewSignature[]): Promise<StoreResult[]> => {
  const now = batchStamp()
  const sql = sqlRows(payload)
  if (!sql) return storeByAdapter(payload, rows, now)
  return sql.upsertSignatures(rows, now, MAX_CONFIRMATION_EMAILS)
}

/** The same as storeSignatures through Payload's adapter (MongoDB), row by row. */
const storeByAdapter = async (
  payload: Payload,
  rows: NewSignature[],
  now: string,
): Promise<StoreResult[]> => {
  const results: StoreResult[] = []
  for (const data of rows) {
    try {
      const created = (await payload.db.create({
        collection: 'signatures',
        data: { ...data, createdAt: now, updatedAt: now },
      })) as { id: number | string }
      results.push({ id: created.id, state: RECORD_STATES.PENDING, inserted: true })
    } catch (error) {
      if (!isUniqueViolation(error)) throw error
      results.push(data.confirmEmailState ? await repeatByAdapter(payload, data, now) : null)
    }
  }
  return results
}

/** SIGN_BATCH_MS (default 5) and SIGN_BATCH_ROWS (default 200, at most 1,000: SQLite allows about 32,000 values per statement). */
const batchOptions = () => ({
  maxWaitMs: Math.max(0, Number(process.env.SIGN_BATCH_MS ?? 5) || 0),
  maxItems: Math.min(1000, Number(process.env.SIGN_BATCH_ROWS ?? 200) || 200),
})

const batchers = new WeakMap<Payload, Batcher<NewSignature, StoreResult>>()

/** The batcher of this Payload instance: SIGN_BATCH_MS (default 5) and SIGN_BATCH_ROWS (default 200, at most 1,000: SQLite allows about 32,000 values per statement). */
export const signatureBatcher = (payload: Payload): Batcher<NewSignature, StoreResult> => {
  let b = batchers.get(payload)
  if (!b) {
    b = createBatcher((rows: NewSignature[]) => storeSignatures(payload, rows), batchOptions())
    batchers.set(payload, b)
  }
  return b
}

/** Stores one signature (new or repeat) through the batcher; see storeSignatures. */
export const storeSignature = (payload: Payload, data: NewSignature): Promise<StoreResult> =>
  signatureBatcher(payload).add(data)

/** A repeat through Payload's adapter (MongoDB): count it, and give a pending row the new link. */
const repeatByAdapter = async (payload: Payload, r: NewSignature, at: string): Promise<StoreResult> => {
  const found = await payload.find({
    collection: 'signatures',
    where: { and: [{ petition: { equals: r.petition } }, { emailCanonical: { equals: r.emailCanonical } }] },
    limit: 1,
    depth: 0,
    overrideAccess: true,
    pagination: false,
    select: { state: true, confirmationsSent: true },
  })
  const existing = found.docs[0]
  if (!existing || (existing.confirmationsSent ?? 0) >= MAX_CONFIRMATION_EMAILS) return null
  const pending = existing.state === RECORD_STATES.PENDING
  const owed = {
    confirmTokenHash: r.confirmTokenHash,
    confirmEmailState: CONFIRM_EMAIL_STATES.OWED,
    confirmEmailAttempts: 0,
    confirmEmailNextAt: r.confirmEmailNextAt,
    confirmEmailError: null,
    pendingSince: at,
  }
  await payload.update({
    collection: 'signatures',
    id: existing.id,
    data: { confirmationsSent: (existing.confirmationsSent ?? 0) + 1, ...(pending ? owed : {}) },
    overrideAccess: true,
    depth: 0,
  })
  return { id: existing.id, state: existing.state, inserted: false }
}
