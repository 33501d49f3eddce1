/**
 * Adds the review gate (cms/review/gate.ts) to guides and letters, and the hook that writes the
 * review log once the document is saved. Other collections pass through unchanged.
 */
import type { CollectionAfterChangeHook, CollectionConfig } from 'payload'
import { REVIEWED_COLLECTIONS, type ReviewedCollection } from '../../content-models/fields/review'
import { pendingLogKey, reviewGate, type PendingLogEntry } from './gate'

const isReviewed = (slug: string): slug is ReviewedCollection =>
  (REVIEWED_COLLECTIONS as readonly string[]).includes(slug)

const writeLog =
  (collection: ReviewedCollection): CollectionAfterChangeHook =>
  async ({ doc, req }) => {
    const entries = (req.context[pendingLogKey(collection)] ?? []) as PendingLogEntry[]
    req.context[pendingLogKey(collection)] = undefined
    for (const entry of entries) {
      await req.payload.create({
        collection: 'review-log',
        data: {
          ...entry,
          docCollection: collection,
          docId: doc.id as number,
          docTitle: String(doc.title ?? ''),
          by: (req.user?.id as number | undefined) ?? null,
        },
        overrideAccess: true,
        req,
      })
      req.payload.logger.info({
        msg: 'review log',
        action: entry.action,
        collection,
        id: doc.id,
        by: req.user?.id,
      })
    }
    return doc
  }

/** The collection with the gate first among its beforeChange hooks (before "Mark as reviewed"). */
export const withReviewGate = (c: CollectionConfig): CollectionConfig => {
  if (!isReviewed(c.slug)) return c
  const hooks = c.hooks ?? {}
  return {
    ...c,
    hooks: {
      ...hooks,
      beforeChange: [reviewGate(c.slug), ...(hooks.beforeChange ?? [])],
      afterChange: [...(hooks.afterChange ?? []), writeLog(c.slug)],
    },
  }
}
