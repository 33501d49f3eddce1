import type { Access } from 'payload'
import { hasRole, isStaffUser } from './roles'

/** Admins see every account; other staff see only their own. A member sees none (their id may equal a user's). */
export const isAdminOrSelf: Access = ({ req }) => {
  if (!isStaffUser(req.user)) return false
  if (hasRole(req.user, 'admin')) return true
  return { id: { equals: req.user.id } }
}
