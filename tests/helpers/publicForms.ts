/**
 * Using the public endpoints as people do, through a harness's front server: the site's plain
 * forms and its islands' JSON, each request from a new client address unless the test names one
 * (TRUST_PROXY=1 reads it from X-Forwarded-For), and what they stored, read back through the Local API.
 */
import type { Payload } from 'payload'
import type { ServedHarness } from './harness'

let address = 0
/** A new client address per request, so the per-client limits only bite where a test wants them to. */
export const freshAddress = () => {
  address++
  return `10.${(address >> 16) & 255}.${(address >> 8) & 255}.${address & 255}`
}

/** Fields as a browser's plain form sends them (a list repeats its name). */
export const formBody = (fields: Record<string, unknown>) =>
  new URLSearchParams(
    Object.entries(fields).flatMap(([k, v]) => (Array.isArray(v) ? v : [v]).map((x) => [k, String(x)])),
  ).toString()

export type PostOptions = {
  /** Send JSON, as the islands do; a plain form otherwise. */
  json?: boolean
  /** The client's address; a new one by default. */
  ip?: string
  origin?: string
}

/** Posts to `${t.api}${path}` without following a redirect; a string body is sent as it is. */
export const postTo = (
  t: ServedHarness,
  path: string,
  body: Record<string, unknown> | string,
  { json = false, ip = freshAddress(), origin }: PostOptions = {},
) =>
  fetch(`${t.api}${path}`, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      'Content-Type': json ? 'application/json' : 'application/x-www-form-urlencoded',
      'X-Forwarded-For': ip,
      ...(origin ? { Origin: origin } : {}),
    },
    body: typeof body === 'string' ? body : json ? JSON.stringify(body) : formBody(body),
  })

/** Every signature of a petition, as stored. */
export const signaturesOf = async (payload: Payload, petition: number) =>
  (
    await payload.find({
      collection: 'signatures',
      where: { petition: { equals: petition } },
      overrideAccess: true,
      pagination: false,
      depth: 0,
    })
  ).docs

/** The members with this canonical email address, as stored. */
export const membersWith = async (payload: Payload, emailCanonical: string) =>
  (
    await payload.find({
      collection: 'members',
      where: { emailCanonical: { equals: emailCanonical } },
      overrideAccess: true,
      depth: 0,
      pagination: false,
    })
  ).docs
