/**
 * "Download everything we hold about me": the member record, the signatures made with their
 * email address, and their training registrations, every stored field as it is. Only one-way
 * security codes (link and sign-in token hashes, the sessions' ids, the hash of an internet
 * address) are left out, by name, because they tell nothing about the person and would let a
 * leaked download be used as a key.
 */
import type { Payload } from 'payload'
import { type AccountMember, idOf, networksById } from './accountMember'
import { conversationRecordsOf, type HeldConversations } from '../conversations/held'
import { proposalRecordsOf } from '../campaigns/proposals/held'
import { registrationRecordsOf } from './accountTraining'
import { signaturesOf } from './accountView'
import type { RecordId } from './recordId'

/** Field names that hold security codes, never personal details: listed, not shown. */
const SECRET = /hash|token|salt|^sessions$/i

/** What the download says about itself. */
export const DATA_NOTE =
  'This is everything Better Work holds about you: your member record, the petitions you signed with this email address, your training registrations, the petitions you proposed, what you wrote in your networks and the conversations you follow, and your questions to advisers. Fields that only hold security codes are listed by name but not shown.'

export type HeldData = {
  exportedAt: string
  note: string
  member: Record<string, unknown>
  networks: { slug: string; name: string }[]
  signatures: Record<string, unknown>[]
  registrations: Record<string, unknown>[]
  proposals: Record<string, unknown>[]
  notShown: string[]
} & HeldConversations

/** A record without its secret fields, and the names of those left out (prefixed). */
const withoutSecrets = (record: object, prefix: string, notShown: Set<string>): Record<string, unknown> => {
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(record)) {
    // `collection` is Payload's label on a signed-in record, not something stored about the person.
    if (key === 'collection') continue
    if (SECRET.test(key)) notShown.add(`${prefix}.${key}`)
    else out[key] = value
  }
  return out
}

/** The conversation records without their secret fields. */
const shownOnly = (held: HeldConversations, notShown: Set<string>): HeldConversations => {
  const clean = (name: keyof HeldConversations) => held[name].map((r) => withoutSecrets(r, name, notShown))
  return {
    messages: clean('messages'),
    threads: clean('threads'),
    follows: clean('follows'),
    reports: clean('reports'),
    questions: clean('questions'),
  }
}

/** Everything held about the member, ready for JSON or the readable page. */
export const heldData = async (
  payload: Payload,
  member: AccountMember,
  now = new Date(),
): Promise<HeldData> => {
  const notShown = new Set<string>()
  const networks = await networksById(payload, (member.networks ?? []).map(idOf))
  const signatures = await signaturesOf(payload, member.emailCanonical)
  const { docs: petitions } = signatures.length
    ? await payload.find({
        collection: 'petitions',
        where: { id: { in: [...new Set(signatures.map((s) => idOf(s.petition)))] } },
        depth: 0,
        limit: 0,
        pagination: false,
        overrideAccess: true,
        select: { title: true, slug: true },
      })
    : { docs: [] }
  const petitionOf = new Map<RecordId, { id: RecordId; title: string; slug: string }>(
    petitions.map((p) => [p.id, { id: p.id, title: p.title, slug: p.slug }]),
  )
  return {
    exportedAt: now.toISOString(),
    note: DATA_NOTE,
    member: withoutSecrets(member, 'member', notShown),
    networks: [...networks.values()].map((n) => ({ slug: n.slug, name: n.name })),
    signatures: signatures.map((s) =>
      withoutSecrets(
        { ...s, petition: petitionOf.get(idOf(s.petition)) ?? s.petition },
        'signatures',
        notShown,
      ),
    ),
    registrations: (await registrationRecordsOf(payload, member.id)).map((r) =>
      withoutSecrets(r, 'registrations', notShown),
    ),
    proposals: await proposalRecordsOf(payload, member.id),
    ...shownOnly(await conversationRecordsOf(payload, member.id), notShown),
    notShown: [...notShown].sort(),
  }
}
