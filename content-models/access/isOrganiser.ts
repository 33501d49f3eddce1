import type { Access } from 'payload'
import { hasRole } from './roles'

/** Organisers (and admins): the only roles that see people's personal data. */
export const isOrganiser: Access = ({ req }) => hasRole(req.user, 'admin', 'organiser')
