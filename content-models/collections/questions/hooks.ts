/**
 * What an adviser does in the admin, turned into the question's record: saving with a reply typed
 * into the reply box appends it to the conversation (from the adviser, now) and marks the asker to
 * be told; choosing Claimed takes the question; choosing Closed stamps when. The asker's words and
 * the conversation so far are never rewritten from the admin (the server appends; the retention
 * job clears them).
 */
import type { CollectionBeforeChangeHook } from 'payload'
import { hasRole, isStaffUser } from '../../access/roles'

type Ref = number | string | { id: number | string } | null | undefined
const idOf = (ref: Ref) => (ref && typeof ref === 'object' ? ref.id : (ref ?? null))

/** Fields only the server writes: an admin form's values for them are ignored. */
export const SERVER_ONLY_FIELDS = [
  'summary',
  'whatHappened',
  'fromGuide',
  'entries',
  'asker',
  'notifyEmail',
  'replyTokenHash',
  'anonymisedAt',
  'expectedReplyBy',
  'notifyDueAt',
  'claimedAt',
  'closedAt',
] as const

/** The adviser's reply box, trimmed; '' when empty. */
const replyOf = (data: Record<string, unknown>) => (typeof data.reply === 'string' ? data.reply.trim() : '')

/**
 * A staff member's save: keeps the server-only fields, appends a reply, claims, closes. Saves by
 * our own server code (no staff user on the request) pass through as they are.
 */
export const adviserActions: CollectionBeforeChangeHook = ({ data, originalDoc, req, operation }) => {
  if (operation !== 'update' || !originalDoc || !isStaffUser(req.user)) return data
  const me = req.user.id
  const now = new Date().toISOString()
  const out: Record<string, unknown> = { ...data }
  for (const field of SERVER_ONLY_FIELDS) out[field] = originalDoc[field]
  const was = String(originalDoc.state)
  let state = String(data.state ?? was)
  // Only an admin hands a question to someone else; an adviser's save claims it for themselves.
  let adviser =
    hasRole(req.user, 'admin') && 'adviser' in data ? idOf(data.adviser) : idOf(originalDoc.adviser)
  const reply = replyOf(data)
  if (reply) {
    out.entries = [
      ...((originalDoc.entries as unknown[] | undefined) ?? []),
      { from: 'adviser', body: reply, attachments: data.replyAttachments ?? [], adviser: me, at: now },
    ]
    if (state === 'open' || state === 'claimed') state = 'answered'
    out.notifyDueAt = now
  }
  out.reply = null
  out.replyAttachments = []
  if (state !== 'open' && adviser === null) adviser = me
  if (state === 'open') adviser = null
  if (adviser !== idOf(originalDoc.adviser)) out.claimedAt = adviser === null ? null : now
  if (state === 'closed' && was !== 'closed') out.closedAt = now
  if (state !== 'closed') out.closedAt = null
  return { ...out, state, adviser }
}
