import type { Access } from 'payload'
import { PUBLIC_PETITION_STATES } from '../constants'
import { hasRole } from './roles'

/**
 * Staff read every petition; everyone else only the published version of one in a public state
 * (its life-cycle `state` open, closed or delivered), never a draft.
 */
export const publicPetitionsOrStaff: Access = ({ req }) => {
  if (hasRole(req.user, 'admin', 'editor', 'reviewer', 'organiser')) return true
  return { _status: { equals: 'published' }, state: { in: [...PUBLIC_PETITION_STATES] } }
}
