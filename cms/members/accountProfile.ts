/**
 * Changing My account's details: first name, postcode or area, sector, and a display name per
 * network. Only the fields sent change; an empty value clears an optional one. Every bad field is
 * named with what would be accepted, and then nothing is stored.
 */
import type { Payload } from 'payload'
import { z } from 'zod'
import { SECTORS } from '../../content-models/constants'
import type { Member } from '../../content-models/payload-types'
import type { FieldErrors } from '../abuse/validation'
import { type AccountMember, type DisplayName, idOf, namesByNetwork, networksById } from './accountMember'
import { parsePostcode } from './postcode'

/** The fields My account may change. */
export const PROFILE_FIELDS = ['firstName', 'postcode', 'sector', 'displayNames'] as const

/** A display name: what other members of a network see instead of your real name. */
export const DISPLAY_NAME = /^[\p{L}\p{N}][\p{L}\p{N} .'_-]{1,39}$/u
const DISPLAY_NAME_HINT =
  'Enter 2 to 40 letters or numbers (spaces, dots, dashes and apostrophes are fine), or leave it empty. It must not be an email address.'

const firstName = z
  .string({ error: 'Enter your first name.' })
  .trim()
  .min(1, { message: 'Enter your first name.' })
  .max(60, { message: 'Enter a first name of up to 60 characters.' })
const postcode = z
  .string({ error: 'Enter a postcode or area of up to 60 characters, or leave it empty.' })
  .trim()
  .max(60, { message: 'Enter a postcode or area of up to 60 characters, or leave it empty.' })
const sectorValues = SECTORS.map((s) => s.value) as [string, ...string[]]
const sector = z.enum(sectorValues, { error: 'Choose a sector from the list, or leave it empty.' })

/** The changes to store, or errors naming each bad field. */
type Checked = { ok: true; data: Partial<AccountMember> } | { ok: false; errors: FieldErrors }

const isEmpty = (v: unknown) => v === null || (typeof v === 'string' && v.trim() === '')

/** Checks the simple fields: first name, postcode or area, sector. */
const checkDetails = (raw: Record<string, unknown>, errors: FieldErrors): Partial<Member> => {
  const data: Partial<Member> = {}
  if ('firstName' in raw) {
    const r = firstName.safeParse(raw.firstName)
    if (r.success) data.firstName = r.data
    else errors.firstName = r.error.issues[0].message
  }
  if ('postcode' in raw) {
    const r = isEmpty(raw.postcode) ? { success: true as const, data: '' } : postcode.safeParse(raw.postcode)
    // Keep only the first half of a postcode; an area name is kept as typed (as joining does).
    if (r.success) data.postcode = r.data ? (parsePostcode(r.data)?.outward ?? r.data) : null
    else errors.postcode = r.error.issues[0].message
  }
  if ('sector' in raw) {
    const r = isEmpty(raw.sector) ? { success: true as const, data: null } : sector.safeParse(raw.sector)
    if (r.success) data.sector = r.data as Member['sector']
    else errors.sector = r.error.issues[0].message
  }
  return data
}

/**
 * Checks display names sent as { networkSlug: name }: only for networks the member is in; an empty
 * name removes it. Errors are named `displayNames.<slug>`.
 */
const checkDisplayNames = async (
  payload: Payload,
  member: AccountMember,
  raw: unknown,
  errors: FieldErrors,
): Promise<DisplayName[] | undefined> => {
  if (raw === undefined) return undefined
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    errors.displayNames = 'Send display names as { "network-slug": "name" }.'
    return undefined
  }
  const mine = await networksById(payload, (member.networks ?? []).map(idOf))
  const bySlug = new Map([...mine.values()].map((n) => [n.slug, n.id]))
  const next = namesByNetwork(member)
  for (const [slug, value] of Object.entries(raw as Record<string, unknown>)) {
    const field = `displayNames.${slug}`
    const networkId = bySlug.get(slug)
    if (networkId === undefined)
      errors[field] = 'You can only choose a display name for a network you are in.'
    else if (isEmpty(value)) next.delete(networkId)
    else if (typeof value !== 'string' || value.includes('@') || !DISPLAY_NAME.test(value.trim()))
      errors[field] = DISPLAY_NAME_HINT
    else next.set(networkId, value.trim())
  }
  // SQLite's ids are numbers in the generated types; MongoDB's strings are stored the same way.
  return [...next].map(([network, name]) => ({ network: network as number, name }))
}

/** Checks a profile change against the member's record; nothing is stored. */
export const checkProfile = async (
  payload: Payload,
  member: AccountMember,
  raw: Record<string, unknown>,
): Promise<Checked> => {
  const errors: FieldErrors = {}
  for (const key of Object.keys(raw))
    if (!(PROFILE_FIELDS as readonly string[]).includes(key))
      errors[key] =
        'My account cannot change this. You can change: firstName, postcode, sector, displayNames.'
  if (!Object.keys(raw).length)
    errors.form = 'Send at least one of: firstName, postcode, sector, displayNames.'
  const data: Partial<AccountMember> = checkDetails(raw, errors)
  const displayNames = await checkDisplayNames(payload, member, raw.displayNames, errors)
  if (displayNames) data.displayNames = displayNames
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, data }
}

/** Stores a checked profile change on the member's own record. */
export const saveProfile = async (payload: Payload, member: AccountMember, data: Partial<AccountMember>) => {
  const changes: Partial<Member> = data
  await payload.update({
    collection: 'members',
    id: member.id,
    data: changes,
    overrideAccess: true,
    depth: 0,
  })
  payload.logger.info({ msg: `Member ${member.id} changed ${Object.keys(data).join(', ')} in My account` })
}
