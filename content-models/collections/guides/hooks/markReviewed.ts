import type { CollectionBeforeChangeHook } from 'payload'
import type { Guide, Template } from '../../../payload-types'
import { hasRole } from '../../../access/roles'
import { REVIEWED_NOTE, reviewDatesFor } from '../review'

type ReviewedData = Partial<Guide | Template> & { markReviewed?: boolean | null }

const idOf = (v: unknown): string | number | null =>
  v == null
    ? null
    : typeof v === 'object'
      ? ((v as { id?: string | number }).id ?? null)
      : (v as string | number)

/**
 * "Mark as reviewed" (guides and letters; approving a change ticks it too): when a reviewer (or
 * admin) saves with the box ticked, the guide or letter records
 * today as its review date, that reviewer, a due date six months on and a line of public
 * history. The reviewer is always the person saving: no one can sign a review in someone else's name.
 */
export const markReviewed: CollectionBeforeChangeHook<Guide | Template> = ({ data, req, originalDoc }) => {
  const d = data as ReviewedData
  const user = req.user
  const before = idOf(originalDoc?.reviewedBy)
  if (user && !hasRole(user, 'admin')) {
    const asked = idOf(d.reviewedBy)
    // Field access already stops editors; this also stops a reviewer naming someone else.
    if (
      d.reviewedBy !== undefined &&
      asked !== null &&
      String(asked) !== String(before) &&
      String(asked) !== String(user.id)
    )
      d.reviewedBy = before as number | null
  }
  if (d.markReviewed && user && hasRole(user, 'admin', 'reviewer')) {
    const dates = reviewDatesFor(new Date())
    d.lastReviewed = dates.lastReviewed
    d.reviewDue = dates.reviewDue
    d.reviewedBy = user.id as number
    const history = [...(d.history ?? originalDoc?.history ?? [])]
    const last = history[history.length - 1]
    // Autosave sends the ticked box again; one line of history per day is enough.
    if (!(
      last &&
      last.note === REVIEWED_NOTE &&
      last.date?.slice(0, 10) === dates.lastReviewed.slice(0, 10)
    )) {
      history.push({ date: dates.lastReviewed, note: REVIEWED_NOTE })
    }
    d.history = history
  }
  delete d.markReviewed
  return d as Guide | Template
}
