import type { Access } from 'payload'
import { hasRole } from './roles'

/** Staff read drafts; everyone else reads only published documents. */
export const publishedOrStaff: Access = ({ req }) => {
  if (hasRole(req.user, 'admin', 'editor', 'reviewer', 'organiser')) return true
  return { _status: { equals: 'published' } }
}
