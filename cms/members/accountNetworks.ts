/**
 * Belonging to several networks: a signed-in member joins or leaves one (from its page or My
 * account), and anyone may read how many confirmed members a network has: a number, never who.
 */
import type { Payload } from 'payload'
import { RECORD_STATES } from '../../content-models/constants'
import type { Member } from '../../content-models/payload-types'
import { appendEvent } from '../conversations/feed'
import { type AccountMember, idOf, networkBySlug } from './accountMember'

export type NetworkChange =
  | {
      status: 'joined' | 'already-member' | 'left' | 'not-member' | 'awaiting-approval'
      network: { slug: string; name: string }
    }
  | { status: 'not-found' }

/** Confirmed members of a network (by id). */
export const memberCount = async (payload: Payload, networkId: number | string): Promise<number> =>
  (
    await payload.count({
      collection: 'members',
      where: { and: [{ networks: { contains: networkId } }, { state: { equals: RECORD_STATES.CONFIRMED } }] },
      overrideAccess: true,
    })
  ).totalDocs

/** A network's member count by slug, or null when there is no such network. */
export const networkMemberCount = async (payload: Payload, slug: string): Promise<number | null> => {
  const network = await networkBySlug(payload, slug)
  return network ? memberCount(payload, network.id) : null
}

/**
 * Adds the member to a network or takes them out. Joining twice or leaving twice is harmless.
 * Leaving also drops their display name in that network.
 */
export const changeNetwork = async (
  payload: Payload,
  member: AccountMember,
  slug: string,
  join: boolean,
): Promise<NetworkChange> => {
  const network = await networkBySlug(payload, slug)
  if (!network) return { status: 'not-found' }
  const ids = (member.networks ?? []).map(idOf)
  const waiting = (member.networksAwaitingApproval ?? []).map(idOf)
  const inIt = ids.includes(network.id)
  const about = { slug: network.slug, name: network.name }
  if (join && !inIt && network.requireApproval) {
    // The network's organisers approve new members (a moderation action) before they can read.
    if (!waiting.includes(network.id)) {
      const data: Partial<Member> = { networksAwaitingApproval: [...waiting, network.id] as number[] }
      await payload.update({ collection: 'members', id: member.id, data, overrideAccess: true, depth: 0 })
      payload.logger.info({ msg: `Member ${member.id} asked to join network ${network.id}` })
    }
    return { status: 'awaiting-approval', network: about }
  }
  if (!join && !inIt && waiting.includes(network.id)) {
    const data: Partial<Member> = {
      networksAwaitingApproval: waiting.filter((id) => id !== network.id) as number[],
    }
    await payload.update({ collection: 'members', id: member.id, data, overrideAccess: true, depth: 0 })
    return { status: 'left', network: about }
  }
  if (join === inIt) return { status: join ? 'already-member' : 'not-member', network: about }
  const changes: Partial<AccountMember> = join
    ? { networks: [...ids, network.id] as number[] }
    : {
        networks: ids.filter((id) => id !== network.id) as number[],
        // A mute stays with its entry, so leaving and joining again does not lift it.
        displayNames: (member.displayNames ?? []).filter(
          (d) =>
            d.network &&
            (idOf(d.network) !== network.id || (d.mutedUntil && Date.parse(d.mutedUntil) > Date.now())),
        ),
      }
  const data: Partial<Member> = changes
  await payload.update({ collection: 'members', id: member.id, data, overrideAccess: true, depth: 0 })
  // Anyone watching the network's threads with this member's session stops receiving at once.
  if (!join) await appendEvent(payload, { kind: 'left', network: network.id, member: member.id })
  payload.logger.info({ msg: `Member ${member.id} ${join ? 'joined' : 'left'} network ${network.id}` })
  return { status: join ? 'joined' : 'left', network: about }
}
