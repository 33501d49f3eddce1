import type { Access } from 'payload'
import { hasRole } from './roles'

/** Campaign content (petitions, networks, sessions) is written by editors or organisers. */
export const isEditorOrOrganiser: Access = ({ req }) => hasRole(req.user, 'admin', 'editor', 'organiser')
