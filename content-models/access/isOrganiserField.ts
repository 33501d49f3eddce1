import type { FieldAccess } from 'payload'
import { hasRole } from './roles'

/** Field-level: only organisers (and admins) read it: people's personal data on other records. */
export const isOrganiserField: FieldAccess = ({ req }) => hasRole(req.user, 'admin', 'organiser')
