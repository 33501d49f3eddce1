/**
 * The states of an update to supporters and of each email it sends, as named constants with
 * their groups (shared by the collections, the sender and the tests).
 */

/** An update: written (draft), asked to be sent (queued), being sent (sending), done (sent). */
export const UPDATE_STATES = {
  DRAFT: 'draft',
  QUEUED: 'queued',
  SENDING: 'sending',
  SENT: 'sent',
} as const
export type UpdateState = (typeof UPDATE_STATES)[keyof typeof UPDATE_STATES]

/** What an organiser may set by saving: keep writing, or Send. The rest is the sender's. */
export const ORGANISER_SETS_STATES: readonly UpdateState[] = [UPDATE_STATES.DRAFT, UPDATE_STATES.QUEUED]

/**
 * One recipient's email: waiting (queued, also between retries), claimed by a sender just before
 * it is handed to the email service (sending), sent, failed after the last try, skipped (the
 * signer unsubscribed or was erased before their turn), or uncertain: claimed when the sending
 * process died, so it may or may not have gone; never sent again (at most once).
 */
export const DELIVERY_STATES = {
  QUEUED: 'queued',
  SENDING: 'sending',
  SENT: 'sent',
  FAILED: 'failed',
  SKIPPED: 'skipped',
  UNCERTAIN: 'uncertain',
} as const
export type DeliveryState = (typeof DELIVERY_STATES)[keyof typeof DELIVERY_STATES]

/** Deliveries still to be worked on: an update is sent when none of its deliveries is in these. */
export const OPEN_DELIVERY_STATES: readonly DeliveryState[] = [
  DELIVERY_STATES.QUEUED,
  DELIVERY_STATES.SENDING,
]

/** Limits on what an organiser writes. */
export const UPDATE_LIMITS = { subject: 150, intro: 300, body: 10_000 } as const

/** The job that sends updates (cms/campaigns/updates/jobs.ts) and the queue it runs on. */
export const UPDATES_TASK = 'sendSupporterUpdates'
export const UPDATES_QUEUE = 'supporter-updates'
