/**
 * A member's browser for the sign-in and member-access tests: asks for a link at the front server,
 * reads it from the outbox, presses the link page's button and keeps the session cookie, then
 * calls the CMS with that cookie and the site's Origin, as the account island does.
 */
import type { OutboxMessage } from '../../cms/email/outboxAdapter'
import { linkIn, type ServedHarness } from '../helpers/harness'

/** The site's origin: the one the CMS takes a member's cookie from (Payload's csrf list). */
export const SITE = 'http://site.test'

let lastClient = 0
/** A client address of its own for each request (the front server trusts one proxy in these tests). */
export const nextClient = () => `10.9.${Math.floor(++lastClient / 250)}.${lastClient % 250}`

/** POSTs a request for a sign-in link as JSON (or a form), from a client address of its own. */
export const askForLink = (t: ServedHarness, email: unknown, { form = false, client = nextClient() } = {}) =>
  fetch(`${t.api}/public/sign-in`, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      'Content-Type': form ? 'application/x-www-form-urlencoded' : 'application/json',
      Origin: SITE,
      'X-Forwarded-For': client,
    },
    body: form ? new URLSearchParams({ email: String(email) }).toString() : JSON.stringify({ email }),
  })

/** Waits for the next email to `email` after `before` messages (the link is sent after the answer). */
export const emailTo = async (
  outbox: () => Promise<OutboxMessage[]>,
  email: string,
  before: number,
): Promise<OutboxMessage> => {
  for (let i = 0; i < 100; i++) {
    const mail = (await outbox()).slice(before).find((m) => m.to.includes(email))
    if (mail) return mail
    await new Promise((r) => setTimeout(r, 50))
  }
  throw new Error(`No email to ${email}`)
}

/** The session cookie a Set-Cookie answer sets ("payload-token=…"), or null. */
export const sessionCookie = (res: Response): string | null => {
  for (const line of res.headers.getSetCookie()) {
    const pair = line.split(';')[0]
    if (pair.startsWith('payload-token=') && pair.length > 'payload-token='.length) return pair
  }
  return null
}

/** Asks for a link for `email` and returns it as it arrives in the email. */
export const linkFor = async (t: ServedHarness, email: string): Promise<string> => {
  const before = (await t.outbox()).length
  const asked = await askForLink(t, email)
  if (asked.status !== 202) throw new Error(`Asking for a link answered ${asked.status}`)
  return linkIn((await emailTo(t.outbox, email, before)).text, `${t.api}/account/sign-in/`)
}

/** Presses the button on a sign-in link's page (a form post from the CMS's own page). */
export const pressLink = (t: ServedHarness, link: string) =>
  fetch(link, {
    method: 'POST',
    redirect: 'manual',
    headers: { Origin: t.url, 'Content-Type': 'application/x-www-form-urlencoded' },
  })

/** Signs the member with this address in through an emailed link; the session cookie. */
export const signInAs = async (t: ServedHarness, email: string): Promise<string> => {
  const pressed = await pressLink(t, await linkFor(t, email))
  const cookie = sessionCookie(pressed)
  if (!cookie) throw new Error(`The sign-in link answered ${pressed.status} without a session cookie`)
  return cookie
}

/** Calls the CMS as the member's browser on the site: their cookie, the site's Origin. */
export const asMember = (t: ServedHarness, cookie: string, path: string, init: RequestInit = {}) =>
  fetch(`${t.url}${path}`, {
    redirect: 'manual',
    ...init,
    headers: { Origin: SITE, Cookie: cookie, ...(init.headers as Record<string, string> | undefined) },
  })
