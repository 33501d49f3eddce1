/**
 * A member's browser, for the My account tests: signs in through the real emailed link (POST
 * /api/public/sign-in, then the button on the link's page) and calls /api/account/* with the
 * session cookie and the site's Origin, as the island does.
 */
import { createLocalReq, type Payload } from 'payload'
import { startMemberSession } from '../../cms/members/session'
import { linkIn, type ServedHarness } from '../helpers/harness'
import { freshAddress } from '../helpers/publicForms'
import { make } from '../helpers/factories'

/** The site's origin the CMS accepts a cookie from (Payload's csrf list). */
export const site = (): string => (process.env.SITE_URL || 'http://localhost:4321').replace(/\/$/, '')

/** A confirmed member in `networks` (ids), with an address of their own. */
export const confirmedMember = (payload: Payload, email: string, networks: number[] = []) =>
  make.member(payload, {
    email,
    emailCanonical: email,
    state: 'confirmed',
    confirmedAt: new Date().toISOString(),
    networks,
  })

/** The session cookie from a Set-Cookie answer ("payload-token=…"), or null. */
export const sessionCookie = (res: Response): string | null => {
  for (const line of res.headers.getSetCookie()) {
    const pair = line.split(';')[0]
    if (pair.startsWith('payload-token=') && pair.length > 'payload-token='.length) return pair
  }
  return null
}

/** Signs in as the member with this address, through the emailed link; the session cookie. */
export const signIn = async (t: ServedHarness, email: string): Promise<string> => {
  const before = (await t.outbox()).length
  const asked = await fetch(`${t.api}/public/sign-in`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: site(), 'X-Forwarded-For': freshAddress() },
    body: JSON.stringify({ email }),
  })
  if (asked.status !== 202) throw new Error(`sign-in answered ${asked.status}: ${await asked.text()}`)
  // The email goes out after the answer: wait for it (one per address a minute, so sign in once each).
  let mail
  for (let i = 0; i < 50 && !mail; i++) {
    mail = (await t.outbox()).slice(before).find((m) => m.to.includes(email))
    if (!mail) await new Promise((r) => setTimeout(r, 100))
  }
  if (!mail) throw new Error(`No sign-in email to ${email}`)
  const link = linkIn(mail.text, `${t.api}/account/sign-in/`)
  const pressed = await fetch(link, {
    method: 'POST',
    redirect: 'manual',
    headers: { Origin: new URL(t.url).origin, 'Content-Type': 'application/x-www-form-urlencoded' },
  })
  const cookie = sessionCookie(pressed)
  if (!cookie) throw new Error(`The sign-in link answered ${pressed.status} without a session cookie`)
  return cookie
}

/**
 * A second session for a member who already signed in (another device), made as the sign-in link
 * makes one: the sign-in email goes to an address at most once a minute.
 */
export const anotherSession = async (payload: Payload, memberId: number): Promise<string> =>
  (await startMemberSession(await createLocalReq({}, payload), memberId)).split(';')[0]

/** Calls My account's API as the island does (JSON, the cookie, the site's Origin). */
export const call = async (
  t: ServedHarness,
  cookie: string | null,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
) => {
  const res = await fetch(`${t.api}${path}`, {
    method,
    redirect: 'manual',
    headers: {
      Origin: site(),
      Accept: 'application/json',
      ...(cookie ? { Cookie: cookie } : {}),
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...headers,
    },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  })
  const text = await res.text()
  let json: Record<string, unknown> = {}
  try {
    json = JSON.parse(text) as Record<string, unknown>
  } catch {
    // An HTML page, or nothing.
  }
  return { status: res.status, json, text, headers: res.headers }
}
