import type { Access, Where } from 'payload'
import { hasRole } from './roles'

/**
 * The condition for a published document, for server code that reads past access rules
 * (`overrideAccess`, `payload.db`) on behalf of the public: a draft that was never published is
 * never found; a published document with a newer draft is found as published (the main row).
 * @example payload.db.findOne({ collection: 'networks', where: { and: [{ slug: { equals: slug } }, PUBLISHED] } })
 */
export const PUBLISHED: Where = { _status: { equals: 'published' } }

/** Staff read drafts; everyone else reads only published documents. */
export const publishedOrStaff: Access = ({ req }) => {
  if (hasRole(req.user, 'admin', 'editor', 'reviewer', 'organiser')) return true
  return PUBLISHED
}
