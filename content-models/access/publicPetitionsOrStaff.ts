import type { Access } from 'payload'
import { PUBLIC_PETITION_STATES } from '../constants'
import { hasRole } from './roles'

/** Staff read every petition; everyone else only those in a public state (never drafts). */
export const publicPetitionsOrStaff: Access = ({ req }) => {
  if (hasRole(req.user, 'admin', 'editor', 'reviewer', 'organiser')) return true
  return { state: { in: [...PUBLIC_PETITION_STATES] } }
}
