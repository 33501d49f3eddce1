import type { Access } from 'payload'
import { hasRole } from './roles'

/** Any logged-in member of staff, whatever their role. */
export const isStaff: Access = ({ req }) => hasRole(req.user, 'admin', 'editor', 'reviewer', 'organiser')
