/**
 * The review actions as plain functions (the endpoints in cms/api/review.ts are thin): each saves
 * a draft version as the acting user, with access enforced, and the gate's hook applies the
 * action. Also what the review buttons show: the state and whether this version is approved.
 */
import type { Payload, PayloadRequest } from 'payload'
import type { ReviewedCollection } from '../../content-models/fields/review'
import { REVIEW_ACTION_CONTEXT, type ReviewActionName } from './applyAction'
import { legalFingerprint } from './legalText'

type User = NonNullable<PayloadRequest['user']>

export type ReviewActionInput = {
  collection: ReviewedCollection
  id: number
  name: ReviewActionName
  user: User
  comment?: string | null
  expectedFingerprint?: string | null
}

/** Whether the latest version is the published one: nothing is waiting in a draft. */
const latestIsPublished = async (payload: Payload, input: ReviewActionInput) => {
  const latest = await payload.findByID({
    collection: input.collection,
    id: input.id,
    draft: true,
    depth: 0,
    user: input.user,
    overrideAccess: false,
  })
  return latest._status === 'published'
}

/**
 * Applies a review action to the latest version; throws a 403/404/409/422 APIError when refused.
 * Approving the version readers see (a periodic check, nothing waiting in a draft) publishes it,
 * so the new review dates reach the site; otherwise the action is saved on a draft.
 */
export const runReviewAction = async (payload: Payload, input: ReviewActionInput) => {
  const publish = input.name === 'approve' && (await latestIsPublished(payload, input))
  const doc = await payload.update({
    collection: input.collection,
    id: input.id,
    data: publish ? { _status: 'published' as const } : {},
    draft: !publish,
    depth: 0,
    user: input.user,
    overrideAccess: false,
    context: {
      [REVIEW_ACTION_CONTEXT]: {
        name: input.name,
        comment: input.comment,
        expectedFingerprint: input.expectedFingerprint,
      },
    },
  })
  return doc.review ?? null
}

/** Where the latest version stands: its state, fingerprint, and what publishing it would need. */
export const reviewStatus = async (
  payload: Payload,
  collection: ReviewedCollection,
  id: number,
  user: User,
) => {
  const latest = await payload.findByID({
    collection,
    id,
    draft: true,
    depth: 0,
    user,
    overrideAccess: false,
  })
  const published = (await payload.db.findOne({ collection, where: { id: { equals: id } } })) as Record<
    string,
    unknown
  > | null
  // eslint-disable-next-line no-restricted-syntax -- a guide or template is a plain record of its fields
  const fingerprint = legalFingerprint(collection, latest as unknown as Record<string, unknown>)
  const review = latest.review ?? {}
  return {
    state: review.state ?? 'none',
    comment: review.comment ?? null,
    fingerprint,
    approved: review.approvedFingerprint === fingerprint,
    legalChanged: !(
      published?._status === 'published' && legalFingerprint(collection, published) === fingerprint
    ),
    lastEditorIsYou: String((review.legalEditedBy as number | null) ?? '') === String(user.id),
  }
}
