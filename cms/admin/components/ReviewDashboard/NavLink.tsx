/** A link to the review dashboard in the admin's side navigation (after the collections). */
import type { Payload } from 'payload'

export function ReviewNavLink({ payload }: { payload?: Payload }) {
  const admin = payload?.config.routes.admin ?? '/admin'
  return (
    <a
      href={`${admin}/review`}
      className="nav__link"
      style={{ display: 'block', padding: '0.5rem 0', fontWeight: 600 }}
    >
      Legal review dashboard
    </a>
  )
}
