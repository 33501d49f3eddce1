import { PUBLIC_PETITION_STATES, type PetitionState } from '../constants'

/** Fields whose change alone never needs a rebuild (the petition counts are served as JSON). */
export const IGNORED_FIELDS: Record<string, readonly string[]> = {
  petitions: ['signatureCount', 'countsByNation', 'countsByRegion'],
}
const ALWAYS_IGNORED = ['updatedAt', 'createdAt']

type Doc = Record<string, unknown> | null | undefined

/** Whether readers can see this document on the site. */
export const isPublic = (collection: string, doc: Doc, hasDrafts: boolean): boolean => {
  if (!doc) return false
  if (hasDrafts && doc._status !== 'published') return false
  if (collection === 'petitions') return PUBLIC_PETITION_STATES.includes(doc.state as PetitionState)
  return true
}

/** Whether two versions of a document differ in anything but the ignored fields. */
export const changedBeyondIgnored = (collection: string, before: Doc, after: Doc): boolean => {
  if (!before || !after) return true
  const ignored = new Set([...ALWAYS_IGNORED, ...(IGNORED_FIELDS[collection] ?? [])])
  const strip = (d: Record<string, unknown>) =>
    JSON.stringify(
      Object.entries(d)
        .filter(([k]) => !ignored.has(k))
        .sort(([a], [b]) => a.localeCompare(b)),
    )
  return strip(before) !== strip(after)
}

/**
 * Whether a write changes what readers see, and so needs a site build: a publish, an unpublish,
 * a change while published, or a delete of a public document. Saving a draft (autosave or not)
 * never does: the public version stays as it was.
 * @example rebuildReason({ collection: 'guides', operation: 'update', savingDraft: false, hasDrafts: true, doc: { _status: 'published', slug: 'pay' }, previousDoc: { _status: 'draft' } }) → 'guides/pay published'
 */
export const rebuildReason = ({
  collection,
  operation,
  savingDraft,
  hasDrafts,
  doc,
  previousDoc,
}: {
  collection: string
  operation: 'create' | 'update' | 'delete'
  savingDraft: boolean
  hasDrafts: boolean
  doc: Doc
  previousDoc?: Doc
}): string | null => {
  const name = `${collection}/${String(doc?.slug ?? doc?.id ?? '')}`
  if (operation === 'delete') return isPublic(collection, doc, hasDrafts) ? `${name} deleted` : null
  if (savingDraft) return null
  const now = isPublic(collection, doc, hasDrafts)
  // A non-draft save of a draft collection writes the main (public) row: if it is a draft now, the
  // document may have been public before (previousDoc is the latest version, which can be a draft).
  const before =
    operation === 'create' ? false : hasDrafts && !now ? true : isPublic(collection, previousDoc, hasDrafts)
  if (!now && !before) return null
  if (now && before && operation === 'update' && !changedBeyondIgnored(collection, previousDoc, doc))
    return null
  if (now && !before) return `${name} published`
  if (!now) return `${name} unpublished`
  return `${name} changed`
}
