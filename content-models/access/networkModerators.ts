import type { Access, PayloadRequest, Where } from 'payload'
import { hasRole, isStaffUser } from './roles'

/**
 * The ids of the networks this member of staff organises (listed among a network's organisers).
 * Admins moderate every network; they are not asked.
 */
export const networksOrganisedBy = async (req: PayloadRequest): Promise<(number | string)[]> => {
  if (!isStaffUser(req.user) || !hasRole(req.user, 'organiser')) return []
  const found = await req.payload.find({
    collection: 'networks',
    where: { organisers: { contains: req.user.id } },
    depth: 0,
    limit: 1000,
    pagination: false,
    overrideAccess: true,
    select: {},
    req,
  })
  return found.docs.map((n) => n.id)
}

/**
 * Admins: every record. Organisers: the records of the networks they organise (by the record's
 * `network` field). Everyone else, members included: nothing.
 */
export const isNetworkModerator: Access = async ({ req }): Promise<boolean | Where> => {
  if (hasRole(req.user, 'admin')) return true
  const ids = await networksOrganisedBy(req)
  return ids.length > 0 ? { network: { in: ids } } : false
}
