/**
 * The member behind a My account request: only the signed-in member's own record, read with
 * Payload's Local API (the staff REST API is never open to members). Shared by every account step.
 */
import type { Payload } from 'payload'
import type { Member, Network } from '../../content-models/payload-types'
import type { RecordId } from './recordId'

/** One display name: how the member is shown to other members of one network (its network may be gone). */
export type DisplayName = NonNullable<Member['displayNames']>[number]

/** A member as My account reads it: the generated type. */
export type AccountMember = Member

/** The id of a relationship value, populated or not. */
export const idOf = (ref: RecordId | { id: RecordId }): RecordId => (typeof ref === 'object' ? ref.id : ref)

/** The member's display names by network id (a name whose network was deleted is left out). */
export const namesByNetwork = (member: Member): Map<RecordId, string> =>
  new Map((member.displayNames ?? []).flatMap((d) => (d.network ? [[idOf(d.network), d.name] as const] : [])))

/** The member's own record, or null when it is gone (erased, or deleted by retention). */
export const readMember = async (payload: Payload, id: RecordId): Promise<AccountMember | null> =>
  (await payload.findByID({
    collection: 'members',
    id,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
  })) as AccountMember | null

/** Networks by id, for names and slugs (depth 0 everywhere, so one query, not one per network). */
export const networksById = async (payload: Payload, ids: RecordId[]): Promise<Map<RecordId, Network>> => {
  if (!ids.length) return new Map()
  const { docs } = await payload.find({
    collection: 'networks',
    where: { id: { in: ids } },
    depth: 0,
    limit: 0,
    pagination: false,
    overrideAccess: true,
  })
  return new Map(docs.map((n) => [n.id, n]))
}

/** One network by its slug (published networks only: what the site shows), or undefined. */
export const networkBySlug = async (payload: Payload, slug: string): Promise<Network | undefined> => {
  if (!/^[a-z0-9][a-z0-9-]{0,99}$/.test(slug)) return undefined
  const { docs } = await payload.find({
    collection: 'networks',
    where: { slug: { equals: slug } },
    depth: 0,
    limit: 1,
    pagination: false,
    overrideAccess: false,
  })
  return docs[0]
}
