import type { Access } from 'payload'
import { hasRole } from './roles'

/** Editors write content; legal reviewers may also update it (to correct it and mark it reviewed). */
export const isEditorOrReviewer: Access = ({ req }) => hasRole(req.user, 'admin', 'editor', 'reviewer')
