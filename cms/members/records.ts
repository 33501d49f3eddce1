/**
 * What the links in our emails do, for signatures and members alike: confirm (double opt-in),
 * unsubscribe and erase. Each is safe to repeat: mail scanners open links, people press twice.
 */
import type { Payload } from 'payload'
import { isSignable, PETITION_STATES, RECORD_STATES } from '../../content-models/constants'
import { sqlRows } from '../db/rows'
import { queueRebuild } from '../jobs/rebuild/queueRebuild'
import { openLink } from './links'
import { idTypeOf, type RecordId } from './recordId'
import { registerOnJoin, type SessionRef } from './registerOnJoin'
import { placePendingRegistrations } from '../training/register'
import { collectionOf, hashToken, type RecordKind } from './tokens'

/** Confirmation emails one address may get for one petition (or one sign-up), counting repeats. */
export const MAX_CONFIRMATION_EMAILS = 3

/** The state names of a signature or member, and the signable rule: one place, content-models/constants.ts. */
export { isSignable, RECORD_STATES }

export type ConfirmOutcome = 'confirmed' | 'already-confirmed' | 'unknown-link' | 'petition-closed'

/**
 * Moves one pending record to confirmed and says whether this call did it, so two presses at
 * once confirm it once. On SQLite it is one UPDATE of our own (cms/db/rows.ts, confirmPending);
 * other databases use Payload's update.
 */
const markConfirmed = async (
  payload: Payload,
  collection: 'signatures' | 'members',
  id: RecordId,
  now: Date,
): Promise<boolean> => {
  const confirmedAt = now.toISOString()
  const sql = sqlRows(payload)
  if (sql) return sql.confirmPending(collection, id, confirmedAt)
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
 * A member's confirmation is also their latest sign of life (retention counts from it), and it
 * applies the choices of a re-join, kept aside in `pendingChanges` until now (its training session
 * as a registration).
 */
const applyMemberConfirmation = async (payload: Payload, id: RecordId, now: Date): Promise<void> => {
  const member = await payload.db.findOne<{ id: RecordId; pendingChanges?: unknown }>({
    collection: 'members',
    where: { id: { equals: id } },
    select: { pendingChanges: true },
  })
  const { trainingSession, ...changes } =
    member?.pendingChanges && typeof member.pendingChanges === 'object'
      ? (member.pendingChanges as Record<string, unknown> & { trainingSession?: SessionRef })
      : {}
  await payload.update({
    collection: 'members',
    id,
    data: {
      ...changes,
      pendingChanges: null,
      // The cap on emails guards an address that never confirms; a confirmed one may join more later.
      confirmationsSent: 0,
      lastActiveAt: now.toISOString(),
      retentionAskedAt: null,
      unsubscribedAt: null,
    },
    overrideAccess: true,
    depth: 0,
  })
  await registerOnJoin(payload, id, trainingSession)
  // A place, or the waiting list, now that the address is proved (with an email saying which).
  await placePendingRegistrations(payload, id, now)
}

/**
 * Confirms the record a confirmation token belongs to. Confirming twice is harmless: the second
 * time says "already confirmed" and changes nothing.
 */
export const confirmRecord = async (
  payload: Payload,
  kind: RecordKind,
  token: string,
  now = new Date(),
): Promise<ConfirmOutcome> => {
  if (!token || token.length > 100) return 'unknown-link'
  const collection = collectionOf(kind)
  // Only the columns needed: not the flags, which would cost a scan of their table.
  const record = await payload.db.findOne<{
    id: RecordId
    state: string
    petition?: RecordId | { id: RecordId }
    pendingChanges?: unknown
  }>({
    collection,
    where: { confirmTokenHash: { equals: hashToken(token) } },
    select: kind === 'signature' ? { state: true, petition: true } : { state: true, pendingChanges: true },
  })
  if (!record) return 'unknown-link'
  if (record.state === RECORD_STATES.CONFIRMED) {
    // A confirmed member joining more networks (cms/members/join.ts, moreChoices): applied once.
    if (kind !== 'member' || !record.pendingChanges) return 'already-confirmed'
    await applyMemberConfirmation(payload, record.id, now)
    return 'confirmed'
  }
  if (kind === 'signature') {
    const petitionId = typeof record.petition === 'object' ? record.petition.id : record.petition!
    const petition = await payload.findByID({
      collection: 'petitions',
      id: petitionId,
      depth: 0,
      overrideAccess: true,
      select: { state: true, opensAt: true, closesAt: true },
    })
    if (!isSignable(petition, now)) return 'petition-closed'
  }
  if (!(await markConfirmed(payload, collection, record.id, now))) return 'already-confirmed'
  if (kind === 'member') await applyMemberConfirmation(payload, record.id, now)
  return 'confirmed'
}

type Linked = {
  id: RecordId
  emailCanonical?: string | null
  state?: string | null
  showName?: boolean | null
  anonymisedAt?: string | null
}

/** The record a signed link points at, if the link is right for it (ids of either database). */
export const findLinked = (
  payload: Payload,
  kind: RecordKind,
  id: unknown,
  token: string,
  purpose: 'unsubscribe' | 'erase' | 'keep',
) =>
  openLink<Linked>({
    secret: payload.secret,
    kind,
    purpose,
    id,
    token,
    idType: idTypeOf(payload),
    find: (parsed) =>
      payload.findByID({
        collection: collectionOf(kind),
        id: parsed,
        depth: 0,
        overrideAccess: true,
        disableErrors: true,
      }) as Promise<Linked | null>,
  })

/** Whether a signature's first name is on its petition's public page (it asked to be shown, and it counts). */
export const shownOnSite = (s: {
  showName?: boolean | null
  state?: string | null
  anonymisedAt?: string | null
}): boolean => Boolean(s.showName) && s.state === RECORD_STATES.CONFIRMED && !s.anonymisedAt

/**
 * Queues a site build that drops signers' names from the petition pages and, once it is live,
 * deletes every older kept build and snapshot (which still hold the names).
 */
export const queueNameRemoval = (payload: Payload, reason: string) =>
  queueRebuild(payload, { trigger: 'publish', reason, purgeOlder: true })

export type LinkOutcome = 'done' | 'unknown-link'

/**
 * Stops emails: a member is marked unsubscribed (and deleted UNSUBSCRIBED_RETENTION_DAYS later,
 * see cms/members/retention.ts); a signature keeps counting but gets no updates.
 */
export const unsubscribeRecord = async (
  payload: Payload,
  kind: RecordKind,
  id: unknown,
  token: string,
  now = new Date(),
): Promise<LinkOutcome> => {
  const record = await findLinked(payload, kind, id, token, 'unsubscribe')
  if (!record) return 'unknown-link'
  if (kind === 'member') {
    // Pressing twice keeps the first date, so a repeat does not put the deletion off.
    const since = record.state === RECORD_STATES.UNSUBSCRIBED ? {} : { unsubscribedAt: now.toISOString() }
    await payload.update({
      collection: 'members',
      id: record.id,
      data: { state: RECORD_STATES.UNSUBSCRIBED, consentEmail: false, pendingChanges: null, ...since },
      overrideAccess: true,
      depth: 0,
    })
  } else {
    await payload.update({
      collection: 'signatures',
      id: record.id,
      data: { consentUpdates: false },
      overrideAccess: true,
      depth: 0,
    })
  }
  return 'done'
}

/**
 * Deletes the record for good (erase my data). A signature stops counting at the next roll-up;
 * one whose name was on the petition page also queues a build without it (queueNameRemoval).
 */
export const eraseRecord = async (
  payload: Payload,
  kind: RecordKind,
  id: unknown,
  token: string,
): Promise<LinkOutcome> => {
  const record = await findLinked(payload, kind, id, token, 'erase')
  if (!record) return 'unknown-link'
  await payload.delete({ collection: collectionOf(kind), id: record.id, overrideAccess: true })
  if (kind === 'signature' && shownOnSite(record))
    await queueNameRemoval(payload, `signatures/${record.id} erased`)
  return 'done'
}

export { PETITION_STATES }
