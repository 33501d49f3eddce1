/**
 * Organisers' decisions on flagged signatures and members (cms/abuse/flags.ts): release a record
 * (it is treated as a person's after all: a confirmation email it never got is now owed, and the
 * owed-email worker sends it with a new link) or discard it (delete). Only records flagged and
 * not yet released are touched; any other id is left alone and counted as skipped.
 */
import type { Payload } from 'payload'
import { SUPPRESS_EMAIL_FLAGS } from './flags'
import { owedFrom } from '../email/owedEmail'
import type { RecordId } from '../members/recordId'

/** The collections whose records carry flags. */
export const FLAGGED_COLLECTIONS = ['signatures', 'members'] as const
export type FlaggedCollection = (typeof FLAGGED_COLLECTIONS)[number]

/** The note added to a record's flags when an organiser releases it; the other flags stay as history. */
export const RELEASED = 'released'

/** Whether a record's flags still wait for an organiser's decision: flagged, and not released. */
export const awaitsDecision = (flags: readonly string[] | null | undefined): boolean =>
  Boolean(flags?.length) && !flags!.includes(RELEASED)

/** What a release or discard did: the ids acted on, and how many of the asked ids were not flagged records. */
export type DecisionResult = { ids: RecordId[]; skipped: number }

type FlaggedRow = {
  id: RecordId
  flags?: string[] | null
  state?: string | null
  confirmEmailState?: string | null
  confirmationsSent?: number | null
}

/** The records among `ids` that await a decision. */
const flaggedAmong = async (
  payload: Payload,
  collection: FlaggedCollection,
  ids: readonly RecordId[],
): Promise<FlaggedRow[]> => {
  if (ids.length === 0) return []
  const { docs } = await payload.find({
    collection,
    where: { id: { in: [...ids] } },
    select: { flags: true, state: true, confirmEmailState: true, confirmationsSent: true },
    depth: 0,
    limit: ids.length,
    pagination: false,
    overrideAccess: true,
  })
  return (docs as FlaggedRow[]).filter((d) => awaitsDecision(d.flags))
}

/**
 * Releases flagged records: the flags that stopped the email are removed and "released" is noted.
 * A pending record that was never sent its confirmation email has it owed, due at once (no request
 * is sending it, so no lease is needed), with a fresh 7-day pending clock; the worker
 * (sendOwedConfirmations / sendOwedMemberConfirmations) sends it with a new link.
 */
export const releaseFlagged = async (
  payload: Payload,
  collection: FlaggedCollection,
  ids: readonly RecordId[],
  now = Date.now(),
): Promise<DecisionResult> => {
  const rows = await flaggedAmong(payload, collection, ids)
  for (const row of rows) {
    const emailNeverDue = row.state === 'pending' && !row.confirmEmailState
    await payload.update({
      collection,
      id: row.id,
      overrideAccess: true,
      depth: 0,
      data: {
        flags: [
          ...(row.flags ?? []).filter((f) => !(SUPPRESS_EMAIL_FLAGS as readonly string[]).includes(f)),
          RELEASED,
        ],
        ...(emailNeverDue
          ? {
              ...owedFrom(now),
              confirmEmailNextAt: new Date(now).toISOString(),
              pendingSince: new Date(now).toISOString(),
              confirmationsSent: (row.confirmationsSent ?? 0) + 1,
            }
          : {}),
      },
    })
  }
  return { ids: rows.map((r) => r.id), skipped: ids.length - rows.length }
}

/** Discards flagged records: deletes them. Records not flagged, or already released, are kept. */
export const discardFlagged = async (
  payload: Payload,
  collection: FlaggedCollection,
  ids: readonly RecordId[],
): Promise<DecisionResult> => {
  const rows = await flaggedAmong(payload, collection, ids)
  if (rows.length > 0)
    await payload.delete({
      collection,
      where: { id: { in: rows.map((r) => r.id) } },
      overrideAccess: true,
      depth: 0,
    })
  return { ids: rows.map((r) => r.id), skipped: ids.length - rows.length }
}
