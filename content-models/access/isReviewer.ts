import type { Access } from 'payload'
import { hasRole } from './roles'

/** Legal reviewers (and admins): they set the review rules. */
export const isReviewer: Access = ({ req }) => hasRole(req.user, 'admin', 'reviewer')
