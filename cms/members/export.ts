/**
 * Exports of addresses, for admins only and each logged (who, when, why, how many rows) in the
 * export-log collection: confirmed members who agreed to emails, and signers who agreed to
 * updates. Organisers reach supporters through updates (cms/campaigns/updates), never a
 * spreadsheet of addresses that erasure can no longer reach. Counts per network are numbers only.
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

/** A CSV file's text and its number of data rows. */
export type Csv = { csv: string; rows: number }
const csvOf = (header: string[], rows: unknown[][]): Csv => ({ csv: toCsv(header, rows), rows: rows.length })

/** Confirmed members who agreed to emails, optionally only one network's (by slug). */
export const membersCsv = async (payload: Payload, networkSlug?: string): Promise<Csv | null> => {
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
  return csvOf(
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
export const signersCsv = async (payload: Payload, petitionSlug: string): Promise<Csv | null> => {
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
  return csvOf(
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

/** What an admin asks to export, and why. */
export type ExportRequest = { kind: 'members' | 'signers'; scope?: string; reason: string }

/**
 * An admin's export of addresses: made, then logged with who, when, why and how many rows before
 * anything is handed over (if the log cannot be written, nothing is). Null: no such network or
 * petition.
 */
export const loggedExport = async (
  payload: Payload,
  user: { id: number | string },
  { kind, scope, reason }: ExportRequest,
): Promise<(Csv & { filename: string }) | null> => {
  const made = kind === 'members' ? await membersCsv(payload, scope) : await signersCsv(payload, scope ?? '')
  if (!made) return null
  await payload.create({
    collection: 'export-log',
    data: { user: user.id as number, kind, scope: scope ?? null, reason, rows: made.rows },
    overrideAccess: true,
    depth: 0,
  })
  payload.logger.info({ msg: `User ${user.id} exported ${made.rows} ${kind} rows (${scope ?? 'all'})` })
  return { ...made, filename: `${kind}${scope ? `-${scope}` : ''}.csv` }
}
