/**
 * Organisers' exports: confirmed members who agreed to emails, and signers who agreed to updates.
 * Nobody else's email ever leaves. Counts per network are numbers only.
 */
import type { Payload } from 'payload'
import { RECORD_STATES } from './records'
import { sessionTitlesOf } from './registerOnJoin'

/** One CSV cell: quoted, and a leading = + - @ defused so a spreadsheet never runs it as a formula. */
export const csvCell = (value: unknown): string => {
  let s = value == null ? '' : String(value)
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`
  return `"${s.replace(/"/g, '""')}"`
}

/** Rows to CSV text (CRLF line ends, as spreadsheets expect). */
export const toCsv = (header: string[], rows: unknown[][]): string =>
  [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n'

/** Confirmed members who agreed to emails, optionally only one network's (by slug). */
export const membersCsv = async (payload: Payload, networkSlug?: string): Promise<string | null> => {
  let networkId: number | undefined
  if (networkSlug) {
    const n = await payload.find({
      collection: 'networks',
      where: { slug: { equals: networkSlug } },
      limit: 1,
      depth: 0,
      overrideAccess: true,
      pagination: false,
    })
    if (!n.docs[0]) return null
    networkId = n.docs[0].id
  }
  const { docs } = await payload.find({
    collection: 'members',
    where: {
      and: [
        { state: { equals: RECORD_STATES.CONFIRMED } },
        { consentEmail: { equals: true } },
        ...(networkId ? [{ networks: { contains: networkId } }] : []),
      ],
    },
    depth: 1,
    pagination: false,
    limit: 0,
    overrideAccess: true,
  })
  const sessions = await sessionTitlesOf(
    payload,
    docs.map((m) => m.id),
  )
  return toCsv(
    [
      'first name',
      'email',
      'postcode or area',
      'sector',
      'networks',
      'training session',
      'consent version',
      // Only these members may be put in touch with a union (the permission is optional, UK GDPR Art. 9).
      'may keep interest in unions',
      'confirmed at',
    ],
    docs.map((m) => [
      m.firstName,
      m.email,
      m.postcode,
      m.sector,
      (m.networks ?? []).map((n) => (typeof n === 'object' ? n.name : n)).join('; '),
      (sessions.get(m.id) ?? []).join('; '),
      m.consentVersion,
      m.consentUnionInterest ? `yes (${m.consentUnionInterestVersion ?? m.consentVersion})` : 'no',
      m.confirmedAt,
    ]),
  )
}

/** Confirmed signers of a petition who agreed to updates. */
export const signersCsv = async (payload: Payload, petitionSlug: string): Promise<string | null> => {
  const p = await payload.find({
    collection: 'petitions',
    where: { slug: { equals: petitionSlug } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
    pagination: false,
  })
  if (!p.docs[0]) return null
  const { docs } = await payload.find({
    collection: 'signatures',
    where: {
      and: [
        { petition: { equals: p.docs[0].id } },
        { state: { equals: RECORD_STATES.CONFIRMED } },
        { consentUpdates: { equals: true } },
      ],
    },
    depth: 0,
    pagination: false,
    limit: 0,
    overrideAccess: true,
    select: { name: true, email: true, region: true, consentVersion: true, confirmedAt: true },
  })
  return toCsv(
    ['name', 'email', 'region', 'consent version', 'confirmed at'],
    docs.map((s) => [s.name, s.email, s.region, s.consentVersion, s.confirmedAt]),
  )
}

/** Confirmed and pending members per network. */
export const countsPerNetwork = async (payload: Payload) => {
  const { docs: networks } = await payload.find({
    collection: 'networks',
    depth: 0,
    pagination: false,
    limit: 0,
    overrideAccess: true,
    select: { name: true, slug: true },
  })
  const out: { slug: string; name: string; confirmed: number; pending: number }[] = []
  for (const n of networks) {
    const count = async (state: string) =>
      (
        await payload.count({
          collection: 'members',
          where: { and: [{ networks: { contains: n.id } }, { state: { equals: state } }] },
          overrideAccess: true,
        })
      ).totalDocs
    out.push({
      slug: n.slug as string,
      name: n.name,
      confirmed: await count(RECORD_STATES.CONFIRMED),
      pending: await count(RECORD_STATES.PENDING),
    })
  }
  return out
}
