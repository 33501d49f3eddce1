/**
 * What My account shows a signed-in member: their details, networks (with their display name in
 * each), training registrations, the petitions they signed (found by their canonical email), the
 * emails they get, and the union-interest consent. Built only from the member's own records.
 */
import type { Payload } from 'payload'
import { CONSENT_HISTORY, CONSENT_VERSION, CONSENT_WORDING } from '../../content-models/consent'
import { RECORD_STATES } from '../../content-models/constants'
import type { Signature } from '../../content-models/payload-types'
import { type AccountMember, idOf, namesByNetwork, networksById } from './accountMember'
import { type AccountRegistration, registrationsOf } from './accountTraining'
import type { RecordId } from './recordId'

/** One petition the member signed. */
export type AccountSignature = {
  id: RecordId
  petition: { title: string; slug: string } | null
  /** pending (not confirmed by email yet) or confirmed. */
  state: string
  signedAt: string
  /** Their first name and area are shown on the petition page. */
  showName: boolean
  /** They get emails about this petition. */
  updates: boolean
}

/** One kind of email the member gets. */
export type AccountEmail =
  | { kind: 'network'; on: boolean }
  | { kind: 'petition'; on: boolean; petition: string }
  | { kind: 'training'; on: boolean; session: string }

/** The whole My account answer. */
export type AccountView = {
  member: {
    id: RecordId
    firstName: string
    email: string
    postcode: string | null
    sector: string | null
    joinedAt: string
  }
  networks: { slug: string; name: string; displayName: string | null }[]
  registrations: AccountRegistration[]
  signatures: AccountSignature[]
  emails: AccountEmail[]
  consent: {
    unionInterest: { given: boolean; version: string | null; at: string | null; wording: string }
    /** The wording shown now, and its version: what giving the consent again agrees to. */
    current: { version: string; wording: string }
  }
}

/** The member's signatures that still hold their details (anonymised ones are no longer theirs). */
export const signaturesOf = async (payload: Payload, emailCanonical: string | null | undefined) =>
  emailCanonical
    ? (
        await payload.find({
          collection: 'signatures',
          where: {
            and: [{ emailCanonical: { equals: emailCanonical } }, { anonymisedAt: { exists: false } }],
          },
          depth: 0,
          limit: 0,
          pagination: false,
          overrideAccess: true,
          sort: '-createdAt',
        })
      ).docs
    : ([] as Signature[])

/** Petitions' titles and slugs by id. */
const petitionsById = async (payload: Payload, ids: RecordId[]) => {
  if (!ids.length) return new Map<RecordId, { title: string; slug: string }>()
  const { docs } = await payload.find({
    collection: 'petitions',
    where: { id: { in: ids } },
    depth: 0,
    limit: 0,
    pagination: false,
    overrideAccess: true,
    select: { title: true, slug: true },
  })
  return new Map(docs.map((p) => [p.id, { title: p.title, slug: p.slug }]))
}

/** The union-interest consent as stored: given or not, under which wording. */
const unionInterestOf = (m: AccountMember) => {
  const given = Boolean(m.consentUnionInterest)
  // Records from before issue 15 kept one version for both consents.
  const version = given ? (m.consentUnionInterestVersion ?? m.consentVersion ?? null) : null
  const wording = (version && CONSENT_HISTORY[version]?.unionInterest) || CONSENT_WORDING.unionInterest
  return { given, version, at: given ? (m.consentUnionInterestAt ?? null) : null, wording }
}

/** Builds My account for a member's record. */
export const accountView = async (payload: Payload, m: AccountMember): Promise<AccountView> => {
  const networkIds = (m.networks ?? []).map(idOf)
  const byId = await networksById(payload, networkIds)
  const names = namesByNetwork(m)
  const signatures = await signaturesOf(payload, m.emailCanonical)
  const petitions = await petitionsById(payload, [...new Set(signatures.map((s) => idOf(s.petition)))])
  const registrations = await registrationsOf(payload, m.id)
  const mine: AccountSignature[] = signatures.map((s) => ({
    id: s.id,
    petition: petitions.get(idOf(s.petition)) ?? null,
    state: s.state,
    signedAt: s.createdAt,
    showName: Boolean(s.showName),
    updates: Boolean(s.consentUpdates) && s.state === RECORD_STATES.CONFIRMED,
  }))
  const networkEmails = Boolean(m.consentEmail) && m.state === RECORD_STATES.CONFIRMED
  return {
    member: {
      id: m.id,
      firstName: m.firstName,
      email: m.email,
      postcode: m.postcode ?? null,
      sector: m.sector ?? null,
      joinedAt: m.confirmedAt ?? m.createdAt,
    },
    networks: networkIds.flatMap((id) => {
      const n = byId.get(id)
      return n ? [{ slug: n.slug, name: n.name, displayName: names.get(id) ?? null }] : []
    }),
    registrations,
    signatures: mine,
    emails: [
      { kind: 'network', on: networkEmails },
      ...mine.flatMap((s) =>
        s.petition ? [{ kind: 'petition' as const, on: s.updates, petition: s.petition.title }] : [],
      ),
      ...registrations
        .filter((r) => r.state === 'registered' || r.state === 'waiting')
        .map((r) => ({ kind: 'training' as const, on: true, session: r.session.title })),
    ],
    consent: {
      unionInterest: unionInterestOf(m),
      current: { version: CONSENT_VERSION, wording: CONSENT_WORDING.unionInterest },
    },
  }
}
