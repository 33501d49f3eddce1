import type { Role } from '../constants'

/** The minimal shape of a logged-in user that access rules look at. */
export type UserWithRoles = { id: number | string; roles?: Role[] | null; collection?: string }

/** The auth collections: staff accounts, and members who sign in by an emailed link. */
export const STAFF_COLLECTION = 'users'
export const MEMBER_COLLECTION = 'members'

/** True when the request's user is a member of staff (an account in `users`), whatever their roles. */
export const isStaffUser = (user: unknown): user is UserWithRoles =>
  (user as UserWithRoles | null | undefined)?.collection === STAFF_COLLECTION

/** True when the request's user is a signed-in member (from `members`), never staff. */
export const isMemberUser = (user: unknown): user is UserWithRoles =>
  (user as UserWithRoles | null | undefined)?.collection === MEMBER_COLLECTION

/**
 * True when the request's user is staff holding any of the given roles. A member never is, even
 * one whose record has a `roles` value or shares an id with a member of staff.
 */
export const hasRole = (user: unknown, ...roles: Role[]): boolean => {
  if (!isStaffUser(user)) return false
  const r = user.roles
  return Array.isArray(r) && r.some((role) => roles.includes(role))
}
