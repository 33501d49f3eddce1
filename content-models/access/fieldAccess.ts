import type { FieldAccess } from 'payload'
import { hasRole } from './roles'

/** Field-level: only admins may change roles, so no one can promote themselves. */
export const adminOnlyField: FieldAccess = ({ req }) => hasRole(req.user, 'admin')

/** Field-level: only staff read it (internal notes, fraud flags). */
export const staffOnlyField: FieldAccess = ({ req }) =>
  hasRole(req.user, 'admin', 'editor', 'reviewer', 'organiser')
