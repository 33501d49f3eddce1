/**
 * Where a member stands in a network's conversations: whether they may read (a member, approved)
 * and post (a display name, the guidelines agreed to, not muted), and the display name they chose.
 * Every conversation endpoint asks here first, so a member of one network sees nothing of another's.
 */
import type { Payload } from 'payload'
import type { MeInNetwork } from '../../content-models/conversationsApi'
import type { Network } from '../../content-models/payload-types'
import { type AccountMember, type DisplayName, idOf, networkBySlug } from '../members/accountMember'
import { idTypeOf, parseRecordId, type RecordId } from '../members/recordId'
import { checkDisplayName, type Checked } from './text'

export type Refusal = {
  ok: false
  status: 'not-found' | 'not-member' | 'awaiting-approval' | 'muted' | 'guidelines'
  message: string
}

export type Standing = { ok: true; network: Network; member: AccountMember; entry: DisplayName | undefined }

export const REFUSALS = {
  'not-found': 'There is no network or conversation at this address.',
  'not-member': 'Only members of this network can read its conversations. Join the network first.',
  'awaiting-approval':
    'This network’s organisers approve new members. You can read and post once they have approved you.',
  muted: 'A moderator has paused your posting in this network for now.',
  guidelines: 'Choose a display name and agree to the community guidelines before you post.',
} as const

const refuse = (status: Refusal['status'], extra = ''): Refusal => ({
  ok: false,
  status,
  message: `${REFUSALS[status]}${extra}`,
})

/** The member's entry for a network (display name, guidelines, mute), if any. */
export const entryFor = (member: AccountMember, networkId: RecordId): DisplayName | undefined =>
  (member.displayNames ?? []).find((d) => d.network && String(idOf(d.network)) === String(networkId))

/** True when the member belongs to the network (approved). */
export const belongsTo = (member: AccountMember, networkId: RecordId): boolean =>
  (member.networks ?? []).some((n) => String(idOf(n)) === String(networkId))

/** What the member may do in a network, by the network itself. */
export const standingInNetwork = (member: AccountMember, network: Network): Standing | Refusal => {
  if (belongsTo(member, network.id)) return { ok: true, network, member, entry: entryFor(member, network.id) }
  const waiting = (member.networksAwaitingApproval ?? []).some((n) => String(idOf(n)) === String(network.id))
  return refuse(waiting ? 'awaiting-approval' : 'not-member')
}

/** The same, by the network's slug (as the site's pages know it). */
export const standingBySlug = async (
  payload: Payload,
  member: AccountMember,
  slug: string,
): Promise<Standing | Refusal> => {
  const network = await networkBySlug(payload, slug)
  return network ? standingInNetwork(member, network) : refuse('not-found')
}

/** The same, by the network's id (from a thread or message). */
export const standingById = async (
  payload: Payload,
  member: AccountMember,
  networkId: RecordId,
): Promise<Standing | Refusal> => {
  const id = parseRecordId(String(networkId), idTypeOf(payload))
  if (id === null) return refuse('not-found')
  const network = await payload.findByID({
    collection: 'networks',
    id,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
  })
  return network ? standingInNetwork(member, network) : refuse('not-found')
}

/** A muted member's "until" time, when the mute is still on. */
const mutedUntil = (entry: DisplayName | undefined, now = Date.now()): string | null =>
  entry?.mutedUntil && Date.parse(entry.mutedUntil) > now ? entry.mutedUntil : null

/** Whether the member may post now: a refusal saying why not, or null. */
export const postingRefusal = (standing: Standing, now = Date.now()): Refusal | null => {
  if (!standing.entry?.name || !standing.entry.guidelinesAcceptedAt) return refuse('guidelines')
  const until = mutedUntil(standing.entry, now)
  if (until)
    return refuse(
      'muted',
      ` You can post again after ${new Date(until).toLocaleString('en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/London' })}.`,
    )
  return null
}

/** The member as they see themselves in a network. */
export const meIn = (standing: Standing): MeInNetwork => ({
  displayName: standing.entry?.name ?? null,
  guidelinesAccepted: Boolean(standing.entry?.guidelinesAcceptedAt),
  showNameToOrganisers: Boolean(standing.entry?.showNameToOrganisers),
  mutedUntil: mutedUntil(standing.entry),
})

/** True when another member of the network already goes by this name (any case). */
const nameTaken = async (payload: Payload, standing: Standing, name: string): Promise<boolean> => {
  const { docs } = await payload.find({
    collection: 'members',
    where: { and: [{ 'displayNames.name': { like: name } }, { id: { not_equals: standing.member.id } }] },
    depth: 0,
    limit: 50,
    pagination: false,
    overrideAccess: true,
    select: { displayNames: true },
  })
  const wanted = name.toLocaleLowerCase('en-GB')
  return docs.some((m) =>
    (m.displayNames ?? []).some(
      (d) =>
        d.network &&
        String(idOf(d.network)) === String(standing.network.id) &&
        d.name.toLocaleLowerCase('en-GB') === wanted,
    ),
  )
}

export type MeChoices = { displayName: string; acceptGuidelines: boolean; showNameToOrganisers: boolean }

/** Checks a member's choices for a network: a display name, the guidelines agreed to. */
export const checkMe = async (
  payload: Payload,
  standing: Standing,
  fields: Record<string, unknown>,
): Promise<Checked<MeChoices>> => {
  const name = checkDisplayName(fields.displayName)
  const errors = name.ok ? {} : { ...name.errors }
  const accept =
    fields.acceptGuidelines === true || fields.acceptGuidelines === 'true' || fields.acceptGuidelines === 'on'
  if (!accept && !standing.entry?.guidelinesAcceptedAt)
    Object.assign(errors, { acceptGuidelines: 'Agree to the community guidelines to post in this network.' })
  if (name.ok && (await nameTaken(payload, standing, name.value)))
    Object.assign(errors, { displayName: 'Someone in this network already uses that name. Choose another.' })
  if (!name.ok || Object.keys(errors).length) return { ok: false, errors }
  const share = fields.showNameToOrganisers
  return {
    ok: true,
    value: {
      displayName: name.value,
      acceptGuidelines: true,
      showNameToOrganisers: share === true || share === 'true' || share === 'on',
    },
  }
}

/** Saves the member's choices for a network (keeping a mute a moderator set). */
export const saveMe = async (payload: Payload, standing: Standing, choices: MeChoices): Promise<Standing> => {
  const { member, network, entry } = standing
  const updated: DisplayName = {
    ...(entry ?? {}),
    network: network.id,
    name: choices.displayName,
    guidelinesAcceptedAt: entry?.guidelinesAcceptedAt ?? new Date().toISOString(),
    showNameToOrganisers: choices.showNameToOrganisers,
  }
  const others = (member.displayNames ?? []).filter((d) => d !== entry)
  // Read at depth 0, so every entry's network is an id already.
  const displayNames = [...others, updated]
  const saved = await payload.update({
    collection: 'members',
    id: member.id,
    data: { displayNames },
    depth: 0,
    overrideAccess: true,
  })
  return { ok: true, network, member: saved, entry: entryFor(saved, network.id) }
}
