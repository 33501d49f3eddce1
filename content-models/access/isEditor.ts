import type { Access } from 'payload'
import { hasRole } from './roles'

/** Editors (and admins) write public content. */
export const isEditor: Access = ({ req }) => hasRole(req.user, 'admin', 'editor')
