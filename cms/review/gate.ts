/**
 * The review gate on guides and letters. On every save it keeps the review record (the legal
 * fingerprint, who last changed the legal text, an approval made stale by a later edit); the three
 * review actions are applied here (cms/review/actions.ts passes them in `req.context`); and a
 * publish (admin UI, REST, Local API with a user, the scheduled publish job as the scheduling
 * user, a restored version) is refused unless the legal fields being published
 *   - are those of the published version (nothing legal changed), or
 *   - hash to the fingerprint a reviewer approved, or
 *   - differ by a typo fix within the reviewers' rule (the editor ticked "This is a typo fix"), or
 *   - an admin gave a reason to publish without review.
 * A save with no user (the seed, tests' factories, the system) is not gated: only code we run
 * saves without a user, and no API request can (Payload's REST always carries the user or none,
 * and "none" cannot update guides).
 */
import { APIError, type CollectionBeforeChangeHook, type PayloadRequest } from 'payload'
import { hasRole } from '../../content-models/access/roles'
import {
  REVIEW_REQUIRED_MESSAGE,
  type ReviewedCollection,
  type ReviewLogAction,
} from '../../content-models/fields/review'
import type { Guide } from '../../content-models/payload-types'
import { applyReviewAction, REVIEW_ACTION_CONTEXT, type ReviewActionRequest } from './applyAction'
import { changedLegalFields, legalFingerprint } from './legalText'
import { typoRuleMaxChars } from './rules'
import { checkTypoFix } from './typoRule'

export type ReviewRecord = NonNullable<Guide['review']>
type Doc = Record<string, unknown> & { id?: number; review?: ReviewRecord | null }
export type PendingLogEntry = { action: ReviewLogAction; note?: string | null; fingerprint?: string | null }

/** Where the gate leaves log entries for the afterChange hook (the new document's id is known then). */
export const pendingLogKey = (collection: string) => `review:log:${collection}`

const LABELS: Record<string, string> = {
  keyFacts: 'key facts',
  nationsNote: 'nations note',
  optionalSections: 'optional sections',
}

/** A refused publish: 403 with a message that says what is missing and what to do. */
export class ReviewRequiredError extends APIError {
  constructor(detail: string) {
    super(`${REVIEW_REQUIRED_MESSAGE} ${detail}`, 403, null, true)
    this.name = 'ReviewRequiredError'
  }
}

const idOf = (v: unknown): number | null =>
  v == null ? null : typeof v === 'object' ? ((v as { id?: number }).id ?? null) : Number(v)

/** The published version of a document (the main record), or null when it was never published. */
const publishedVersion = async (
  collection: ReviewedCollection,
  id: number | undefined,
  req: PayloadRequest,
) => {
  if (id === undefined) return null
  const doc = (await req.payload.db.findOne({ collection, where: { id: { equals: id } }, req })) as Doc | null
  return doc && doc._status === 'published' ? doc : null
}

type PublishCheck = {
  collection: ReviewedCollection
  next: Doc
  review: ReviewRecord
  fingerprint: string
  typoFix: boolean
  overrideReason: string
  req: PayloadRequest
}

/** Decides a publish: nothing to log, a log entry (typo fix, override), or a refusal. */
const checkPublish = async (c: PublishCheck): Promise<PendingLogEntry | null> => {
  const published = await publishedVersion(c.collection, c.next.id, c.req)
  if (published && legalFingerprint(c.collection, published) === c.fingerprint) return null
  if (c.review.approvedFingerprint === c.fingerprint) return null
  if (c.overrideReason && hasRole(c.req.user, 'admin'))
    return { action: 'override', note: c.overrideReason, fingerprint: c.fingerprint }
  const changed = changedLegalFields(c.collection, published, c.next).map((f) => LABELS[f] ?? f)
  const what = published
    ? `Changed since the published version: ${changed.join(', ')}.`
    : // Not "never reviewed": a reviewer may have approved an earlier version of a new guide.
      'It is not published yet, so all its legal text needs a reviewer’s approval.'
  if (c.typoFix) {
    const verdict = checkTypoFix(c.collection, published, c.next, await typoRuleMaxChars(c.req))
    if (verdict.ok)
      return {
        action: 'typo-fix',
        note: `${verdict.distance} characters changed`,
        fingerprint: c.fingerprint,
      }
    throw new ReviewRequiredError(`${verdict.reason} ${what}`)
  }
  const stale = c.review.approvedFingerprint ? ' The version a reviewer approved has been edited since.' : ''
  throw new ReviewRequiredError(
    `${what}${stale} Press "Request review" and publish once a reviewer approves this version.`,
  )
}

/** The gate's beforeChange hook for one reviewed collection (runs before "Mark as reviewed"). */
export const reviewGate =
  (collection: ReviewedCollection): CollectionBeforeChangeHook =>
  async ({ data, originalDoc, req }) => {
    const d = data as Doc & { typoFix?: boolean | null; publishOverrideReason?: string | null }
    const before = (originalDoc ?? null) as Doc | null
    const next: Doc = { ...(before ?? {}), ...d }
    const fingerprint = legalFingerprint(collection, next)
    const review: ReviewRecord = { state: 'none', ...(before?.review ?? {}) }
    const user = req.user
    if (user && (!before || legalFingerprint(collection, before) !== fingerprint)) {
      review.legalEditedBy = user.id as number
      review.legalEditedAt = new Date().toISOString()
    }
    review.fingerprint = fingerprint
    if (review.state === 'approved' && review.approvedFingerprint !== fingerprint) review.state = 'none'
    const log: PendingLogEntry[] = []
    const action = req.context[REVIEW_ACTION_CONTEXT] as ReviewActionRequest | undefined
    if (action) log.push(applyReviewAction({ action, review, fingerprint, user, data: d }))
    if (user && d._status === 'published') {
      const entry = await checkPublish({
        collection,
        next: { ...next, id: before?.id },
        review,
        fingerprint,
        typoFix: Boolean(d.typoFix),
        overrideReason: (d.publishOverrideReason ?? '').trim(),
        req,
      })
      if (entry) log.push(entry)
    }
    delete d.typoFix
    delete d.publishOverrideReason
    d.review = {
      ...review,
      requestedBy: idOf(review.requestedBy),
      decidedBy: idOf(review.decidedBy),
      legalEditedBy: idOf(review.legalEditedBy),
    }
    if (log.length) req.context[pendingLogKey(collection)] = log
    return d
  }
