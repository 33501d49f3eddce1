/**
 * The update's own rules: an organiser writes a draft and sends it by saving it as queued; after
 * that only the sender (cms/campaigns/updates) changes it. "Unsubscribed since" is counted when
 * the update is read, never stored, so it stays true.
 */
import {
  APIError,
  type CollectionAfterChangeHook,
  type CollectionAfterReadHook,
  type CollectionBeforeChangeHook,
} from 'payload'
import {
  DELIVERY_STATES,
  ORGANISER_SETS_STATES,
  UPDATE_STATES,
  UPDATES_QUEUE,
  UPDATES_TASK,
  type UpdateState,
} from './states'

/** Set in `req.context` by the sender, the only writer of states after queued and of the counts. */
export const SENDER_CONTEXT = 'supporterUpdateSender'

/** Draft → queued by an organiser or admin; everything later by the sender alone. */
export const updateStateRules: CollectionBeforeChangeHook = ({ data, originalDoc, operation, req }) => {
  if (req.context?.[SENDER_CONTEXT]) return data
  const before = (originalDoc?.state ?? UPDATE_STATES.DRAFT) as UpdateState
  if (operation === 'update' && before !== UPDATE_STATES.DRAFT)
    throw new APIError(
      'This update has been sent (or is being sent) and can no longer be changed. Write a new update instead.',
      400,
      undefined,
      true,
    )
  const next = (data.state ?? before) as UpdateState
  if (!ORGANISER_SETS_STATES.includes(next))
    throw new APIError('state: choose "draft" to keep writing or "queued" to send.', 400, undefined, true)
  if (next === UPDATE_STATES.QUEUED) {
    data.queuedAt = new Date().toISOString()
    data.queuedBy = (req.user as { id?: number | string } | null)?.id ?? null
  }
  return data
}

/** Signers this update reached who have since turned updates off (numbers only). */
export const countUnsubscribedSince: CollectionAfterReadHook = async ({ doc, req }) => {
  if (doc.state !== UPDATE_STATES.SENDING && doc.state !== UPDATE_STATES.SENT) return doc
  const { totalDocs } = await req.payload.count({
    collection: 'supporter-update-deliveries',
    where: {
      and: [
        { supporterUpdate: { equals: doc.id } },
        { state: { equals: DELIVERY_STATES.SENT } },
        { 'signature.consentUpdates': { equals: false } },
      ],
    },
    overrideAccess: true,
    req,
  })
  return { ...doc, unsubscribedSince: totalDocs }
}

/**
 * An update just queued (by an organiser's Send, or written for a milestone) starts sending at the
 * jobs runner's next turn, not at the next minute's schedule. The sender takes one update at a
 * time (its concurrency key), so an extra job only finds nothing left to do.
 */
export const startSendingWhenQueued: CollectionAfterChangeHook = async ({ doc, previousDoc, req }) => {
  if (doc.state === UPDATE_STATES.QUEUED && previousDoc?.state !== UPDATE_STATES.QUEUED)
    await req.payload.jobs.queue({ task: UPDATES_TASK, queue: UPDATES_QUEUE, input: {}, req })
  return doc
}
