/**
 * What the links in our emails do, for signatures and members alike: confirm (double opt-in),
 * unsubscribe and erase. Each is safe to repeat: mail scanners open links, people press twice.
 */
import { and, eq } from 'drizzle-orm'
import type { Payload } from 'payload'
import { PETITION_STATES, SIGNABLE_PETITION_STATES, type PetitionState } from '../../content-models/constants'
import { checkLinkToken, collectionOf, hashToken, type RecordKind } from './tokens'

/** Confirmation emails one address may get for one petition (or one sign-up), counting repeats. */
export const MAX_CONFIRMATION_EMAILS = 3

/** The state names of a signature or member. */
export const RECORD_STATES = { PENDING: 'pending', CONFIRMED: 'confirmed', UNSUBSCRIBED: 'unsubscribed' } as const

export type ConfirmOutcome = 'confirmed' | 'already-confirmed' | 'unknown-link' | 'petition-closed'

/** The parts of the SQL adapter that markConfirmed uses. */
type SqlAdapter = {
  drizzle: { update: (t: unknown) => { set: (v: unknown) => { where: (w: unknown) => PromiseLike<{ rowsAffected?: number }> } } }
  tables: Record<string, Record<string, unknown>>
}

/**
 * Moves one pending record to confirmed and says whether this call did it, so two presses at
 * once confirm it once. On SQL it is one UPDATE … WHERE id = ? AND state = 'pending': Payload's
 * update would read the whole row and rewrite it, flags included, and the flags table is indexed
 * by (order, parent), so that read and rewrite grew with the number of signatures. Signatures and
 * members have no hooks, so nothing else is skipped. Other databases use Payload's update.
 */
const markConfirmed = async (payload: Payload, collection: 'signatures' | 'members', id: number, now: Date): Promise<boolean> => {
  const sql = payload.db as unknown as Partial<SqlAdapter>
  const table = sql.tables?.[collection]
  const confirmedAt = now.toISOString()
  if (sql.drizzle && table) {
    const res = await sql.drizzle
      .update(table)
      .set({ state: RECORD_STATES.CONFIRMED, confirmedAt, updatedAt: new Date().toISOString() })
      .where(and(eq(table.id as never, id), eq(table.state as never, RECORD_STATES.PENDING)))
    return res.rowsAffected === 1
  }
  const updated = await payload.update({
    collection,
    where: { and: [{ id: { equals: id } }, { state: { equals: RECORD_STATES.PENDING } }] },
    data: { state: RECORD_STATES.CONFIRMED, confirmedAt },
    overrideAccess: true,
    depth: 0,
  })
  return updated.docs.length === 1
}

/**
 * Confirms the record a confirmation token belongs to. Confirming twice is harmless: the second
 * time says "already confirmed" and changes nothing.
 */
export const confirmRecord = async (payload: Payload, kind: RecordKind, token: string, now = new Date()): Promise<ConfirmOutcome> => {
  if (!token || token.length > 100) return 'unknown-link'
  const collection = collectionOf(kind)
  // Only the columns needed: not the flags, which would cost a scan of their table.
  const record = await payload.db.findOne<{ id: number; state: string; petition?: number | { id: number } }>({
    collection,
    where: { confirmTokenHash: { equals: hashToken(token) } },
    select: kind === 'signature' ? { state: true, petition: true } : { state: true },
  } as never)
  if (!record) return 'unknown-link'
  if (record.state === RECORD_STATES.CONFIRMED) return 'already-confirmed'
  if (kind === 'signature') {
    const petitionId = typeof record.petition === 'object' ? record.petition.id : record.petition!
    const petition = await payload.findByID({ collection: 'petitions', id: petitionId, depth: 0, overrideAccess: true, select: { state: true, opensAt: true, closesAt: true } })
    if (!isSignable(petition, now)) return 'petition-closed'
  }
  return (await markConfirmed(payload, collection, record.id, now)) ? 'confirmed' : 'already-confirmed'
}

type Linked = { id: number; emailCanonical?: string | null; state?: string }

const findLinked = async (payload: Payload, kind: RecordKind, id: string | number, token: string, purpose: 'unsubscribe' | 'erase') => {
  const numericId = Number(id)
  if (!Number.isInteger(numericId) || numericId < 1) return null
  const record = (await payload
    .findByID({ collection: collectionOf(kind), id: numericId, depth: 0, overrideAccess: true, disableErrors: true })
    .catch(() => null)) as Linked | null
  if (!record || !checkLinkToken(payload.secret, token, purpose, kind, record.id, record.emailCanonical)) return null
  return record
}

export type LinkOutcome = 'done' | 'unknown-link'

/** Stops emails: a member is marked unsubscribed; a signature keeps counting but gets no updates. */
export const unsubscribeRecord = async (payload: Payload, kind: RecordKind, id: string | number, token: string): Promise<LinkOutcome> => {
  const record = await findLinked(payload, kind, id, token, 'unsubscribe')
  if (!record) return 'unknown-link'
  if (kind === 'member') {
    await payload.update({ collection: 'members', id: record.id, data: { state: RECORD_STATES.UNSUBSCRIBED, consentEmail: false }, overrideAccess: true, depth: 0 })
  } else {
    await payload.update({ collection: 'signatures', id: record.id, data: { consentUpdates: false }, overrideAccess: true, depth: 0 })
  }
  return 'done'
}

/** Deletes the record for good (erase my data). A signature stops counting at the next roll-up. */
export const eraseRecord = async (payload: Payload, kind: RecordKind, id: string | number, token: string): Promise<LinkOutcome> => {
  const record = await findLinked(payload, kind, id, token, 'erase')
  if (!record) return 'unknown-link'
  await payload.delete({ collection: collectionOf(kind), id: record.id, overrideAccess: true })
  return 'done'
}

/** Whether a petition in this state takes signatures now. */
export const isSignable = (p: { state?: string | null; opensAt?: string | null; closesAt?: string | null }, now = new Date()): boolean =>
  SIGNABLE_PETITION_STATES.includes(p.state as PetitionState) &&
  (!p.opensAt || new Date(p.opensAt) <= now) &&
  (!p.closesAt || new Date(p.closesAt) > now)

export { PETITION_STATES }
