import type { FieldAccess } from 'payload'
import { hasRole } from './roles'

/** Field-level: only legal reviewers (and admins) may mark content reviewed or say who reviewed it. */
export const isReviewerField: FieldAccess = ({ req }) => hasRole(req.user, 'admin', 'reviewer')
