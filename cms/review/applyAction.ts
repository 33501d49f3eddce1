/**
 * The three review actions, applied inside the gate's hook so they are the only writers of the
 * review record: "Request review" (anyone who may edit), "Approve" and "Send back" (legal
 * reviewers and admins). Approving records the fingerprint of exactly this version and marks the
 * guide or letter reviewed (today, this reviewer, due again in six months).
 */
import { APIError, type PayloadRequest } from 'payload'
import { hasRole } from '../../content-models/access/roles'
import type { PendingLogEntry, ReviewRecord } from './gate'

/** The `req.context` key the actions are passed in (server code only: no request can set it). */
export const REVIEW_ACTION_CONTEXT = 'review:action'

export const REVIEW_ACTIONS = ['request', 'approve', 'send-back'] as const
export type ReviewActionName = (typeof REVIEW_ACTIONS)[number]

export type ReviewActionRequest = {
  name: ReviewActionName
  comment?: string | null
  /** The fingerprint the reviewer saw; approving refuses when the legal text changed since. */
  expectedFingerprint?: string | null
}

/**
 * A refused review action, with the status an endpoint answers and, for bad input, the field it
 * names (as Payload's ValidationError does: `data.errors[].path`).
 */
export class ReviewActionError extends APIError {
  constructor(message: string, status: number, field?: string) {
    super(message, status, field ? { errors: [{ path: field, message }] } : null, true)
    this.name = 'ReviewActionError'
  }
}

const idOf = (v: unknown): string | null =>
  v == null ? null : String(typeof v === 'object' ? (v as { id?: unknown }).id : v)

type Apply = {
  action: ReviewActionRequest
  review: ReviewRecord
  fingerprint: string
  user: PayloadRequest['user']
  data: Record<string, unknown>
}

const decide = ({ action, review, fingerprint, user }: Apply) => {
  if (!hasRole(user, 'admin', 'reviewer'))
    throw new ReviewActionError('Only a legal reviewer (or an admin) can approve or send back a change.', 403)
  if (action.expectedFingerprint && action.expectedFingerprint !== fingerprint)
    throw new ReviewActionError(
      'The legal text changed since you opened it. Reload the page, check the new version, then decide.',
      409,
    )
  review.decidedBy = user!.id as number
  review.decidedAt = new Date().toISOString()
}

/** Applies one action to the review record (in place) and returns its log entry. */
export const applyReviewAction = (a: Apply): PendingLogEntry => {
  const { action, review, fingerprint, user } = a
  const comment = action.comment?.trim() || null
  if (action.name === 'request') {
    review.state = 'requested'
    review.requestedBy = user!.id as number
    review.requestedAt = new Date().toISOString()
    review.comment = comment
    return { action: 'requested', note: comment, fingerprint }
  }
  decide(a)
  if (action.name === 'send-back') {
    if (!comment)
      throw new ReviewActionError('Say what needs changing: the comment is empty.', 422, 'comment')
    review.state = 'changes-requested'
    review.approvedFingerprint = null
    review.comment = comment
    return { action: 'changes-requested', note: comment, fingerprint }
  }
  if (idOf(review.legalEditedBy) === idOf(user!.id))
    throw new ReviewActionError(
      'You made the last change to its legal text, so another reviewer must approve it.',
      403,
    )
  review.state = 'approved'
  review.approvedFingerprint = fingerprint
  review.comment = comment
  // "Mark as reviewed" (content-models/collections/guides/hooks/markReviewed.ts) runs next.
  a.data.markReviewed = true
  return { action: 'approved', note: comment, fingerprint }
}
