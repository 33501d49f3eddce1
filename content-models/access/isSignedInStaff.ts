import type { PayloadRequest } from 'payload'
import { isStaffUser } from './roles'

/** Any signed-in member of staff, whatever their roles (the admin panel's door); never a member. */
export const isSignedInStaff = ({ req }: { req: PayloadRequest }): boolean => isStaffUser(req.user)
