import type { Role } from '../constants'

/** The minimal shape of a logged-in user that access rules look at. */
export type UserWithRoles = { id: number | string; roles?: Role[] | null; collection?: string }

/** True when the request's user holds any of the given roles. */
export const hasRole = (user: unknown, ...roles: Role[]): boolean => {
  const r = (user as UserWithRoles | null | undefined)?.roles
  return Array.isArray(r) && r.some((role) => roles.includes(role))
}
