/**
 * Members sign in by an emailed link, on a real Payload, a temporary SQLite file and the front
 * server, with the real outbox: the request answers the same for every address, the link's page
 * only shows a button, the button signs in once, and signing out ends one session or all of them.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

vi.hoisted(() => {
  process.env.JOBS_AUTORUN = 'false'
  process.env.TRUST_PROXY = '1'
  process.env.SITE_URL = 'http://site.test'
  process.env.RATE_LIMIT_SIGNIN = '3/300'
})

import type { Member } from '../../content-models/payload-types'
import { make } from '../helpers/factories'
import { startHarness, type ServedHarness } from '../helpers/harness'
import {
  SITE,
  askForLink,
  asMember,
  emailTo,
  linkFor,
  nextClient,
  pressLink,
  sessionCookie,
  signInAs,
} from './memberSignInClient'

let t: ServedHarness
let n = 0

const member = (state: 'confirmed' | 'pending' = 'confirmed') => {
  const email = `member${++n}@example.org`
  return make.member(t.payload, { email, emailCanonical: email, state, firstName: 'Asha' })
}

const sessionOf = async (cookie: string) => (await asMember(t, cookie, '/api/account/session')).status

const storedMember = (id: number) =>
  t.payload.db.findOne<Member & { sessions?: { id: string; expiresAt: string }[] }>({
    collection: 'members',
    where: { id: { equals: id } },
  })

beforeAll(async () => {
  t = await startHarness({ withServer: true })
})
afterAll(async () => t?.close())

describe('asking for a sign-in link', () => {
  it('answers byte for byte the same for a member, an unknown, a pending and an erased address, and emails only the member', async () => {
    const known = await member()
    const pending = await member('pending')
    const erased = await member()
    await t.payload.delete({ collection: 'members', id: erased.id, overrideAccess: true })
    const before = (await t.outbox()).length
    const answers = []
    for (const email of [known.email, 'nobody@example.org', pending.email, erased.email]) {
      const res = await askForLink(t, email)
      const headers = Object.fromEntries([...res.headers].filter(([name]) => name !== 'date'))
      answers.push({ status: res.status, headers, body: await res.text() })
    }
    expect(answers[0].status).toBe(202)
    expect(JSON.parse(answers[0].body)).toMatchObject({ status: 'sent' })
    expect(answers[0].headers['set-cookie']).toBeUndefined()
    for (const other of answers.slice(1)) expect(other).toEqual(answers[0])
    const mail = await emailTo(t.outbox, known.email, before)
    // HTML and plain text, both with the link, and the erase link every email carries.
    expect(mail.subject).toBe('Your link to sign in to Better Work')
    for (const body of [mail.text, mail.html]) {
      expect(body).toContain(`${t.api}/account/sign-in/${known.id}/`)
      expect(body).toContain('Delete everything we hold about you')
    }
    await new Promise((r) => setTimeout(r, 300))
    expect((await t.outbox()).slice(before).map((m) => m.to)).toEqual([[known.email]])
  })

  it('answers a plain form with a page, names a bad address, and limits each connection', async () => {
    const page = await askForLink(t, 'nobody@example.org', { form: true })
    expect(page.status).toBe(202)
    expect(await page.text()).toContain('Check your email')
    const bad = await askForLink(t, 'not an address')
    expect(bad.status).toBe(422)
    expect((await bad.json()).errors).toHaveProperty('email')
    const client = nextClient()
    const statuses = []
    for (let i = 0; i < 4; i++) statuses.push((await askForLink(t, `x${i}@example.org`, { client })).status)
    expect(statuses).toEqual([202, 202, 202, 429])
  })
})

describe('the emailed link', () => {
  it('opens a page with a button that signs in once, with a first-party Lax HttpOnly cookie, and goes to My account', async () => {
    const m = await member()
    const link = await linkFor(t, m.email)
    expect(link).toMatch(new RegExp(`^${t.api}/account/sign-in/${m.id}/[A-Za-z0-9_-]{43}$`))
    const stored = await storedMember(m.id)
    expect(stored?.signInTokenHash).toMatch(/^[0-9a-f]{64}$/)
    expect(link).not.toContain(stored!.signInTokenHash!)

    // A mail scanner opening the link signs nobody in.
    const opened = await fetch(link)
    expect(opened.status).toBe(200)
    expect(await opened.text()).toContain('<button type="submit">Sign in</button>')
    expect(opened.headers.getSetCookie()).toEqual([])

    const pressed = await pressLink(t, link)
    expect(pressed.status).toBe(303)
    expect(pressed.headers.get('location')).toBe(`${SITE}/account/`)
    const [setCookie] = pressed.headers.getSetCookie()
    expect(setCookie).toMatch(/^payload-token=[^;]+; /)
    expect(setCookie).toMatch(/HttpOnly/)
    expect(setCookie).toMatch(/SameSite=Lax/)
    expect(setCookie).not.toMatch(/Domain=/)
    expect(setCookie).not.toMatch(/Secure/) // CMS_URL is http here; https makes it Secure
    const cookie = sessionCookie(pressed)!

    // The member is signed in for member endpoints, and is nobody for the staff API.
    const session = await asMember(t, cookie, '/api/account/session')
    expect(await session.json()).toEqual({ signedIn: true, member: { id: m.id } })
    expect(await (await asMember(t, cookie, '/api/users/me')).json()).toMatchObject({ user: null })
    // Without the site's Origin (another site's form, a script) the cookie counts for nothing.
    expect((await fetch(`${t.api}/account/session`, { headers: { Cookie: cookie } })).status).toBe(401)

    // Used once: pressing again, or opening it again, says so and offers a new link.
    for (const again of [await pressLink(t, link), await fetch(link)]) {
      expect(again.status).toBe(410)
      expect(sessionCookie(again)).toBeNull()
      const text = await again.text()
      expect(text).toContain('This sign-in link does not work any more')
      expect(text).toContain('Send me a new link')
    }
  })

  it('refuses an expired link, and one whose newer link replaced it', async () => {
    const m = await member()
    const link = await linkFor(t, m.email)
    await t.payload.db.updateOne({
      collection: 'members',
      id: m.id,
      data: { signInTokenExpiresAt: new Date(Date.now() - 1000).toISOString() },
    })
    const pressed = await pressLink(t, link)
    expect(pressed.status).toBe(410)
    expect(sessionCookie(pressed)).toBeNull()
    // Nonsense and another member's id are answered the same way.
    expect((await pressLink(t, link.replace(`/${m.id}/`, '/999999/'))).status).toBe(410)
    expect((await pressLink(t, `${t.api}/account/sign-in/abc/def`)).status).toBe(410)
  })
})

describe('sessions', () => {
  it('signs out this device only, or everywhere, with Payload’s logout', async () => {
    const m = await member()
    const [phone, laptop] = [await signInAs(t, m.email), await signInAs(t, m.email)]
    expect([await sessionOf(phone), await sessionOf(laptop)]).toEqual([200, 200])
    expect((await storedMember(m.id))?.sessions).toHaveLength(2)

    const out = await asMember(t, phone, '/api/account/sign-out', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
    })
    expect(out.status).toBe(200)
    const removed = out.headers.getSetCookie()[0]
    expect(removed).toMatch(/^payload-token=; Expires=/)
    expect(Date.parse(/Expires=([^;]+)/.exec(removed)![1])).toBeLessThanOrEqual(Date.now())
    expect([await sessionOf(phone), await sessionOf(laptop)]).toEqual([401, 200])

    const [tablet, desktop] = [await signInAs(t, m.email), await signInAs(t, m.email)]
    const everywhere = await asMember(t, tablet, '/api/account/sign-out-everywhere', { method: 'POST' })
    expect(everywhere.status).toBe(303)
    expect(everywhere.headers.get('location')).toBe(`${SITE}/account/`)
    expect([await sessionOf(laptop), await sessionOf(tablet), await sessionOf(desktop)]).toEqual([
      401, 401, 401,
    ])
    expect((await storedMember(m.id))?.sessions ?? []).toEqual([])
  })

  it('ends a session when it expires, and when the member is erased', async () => {
    const m = await member()
    const cookie = await signInAs(t, m.email)
    const stored = await storedMember(m.id)
    await t.payload.db.updateOne({
      collection: 'members',
      id: m.id,
      data: { sessions: stored!.sessions!.map((s) => ({ ...s, expiresAt: new Date(0).toISOString() })) },
    })
    expect(await sessionOf(cookie)).toBe(401)

    const other = await member()
    const erasedCookie = await signInAs(t, other.email)
    await t.payload.delete({ collection: 'members', id: other.id, overrideAccess: true })
    expect(await sessionOf(erasedCookie)).toBe(401)
  })

  it('refuses to refresh a member’s token (a session ends 30 days after sign-in)', async () => {
    const m = await member()
    const cookie = await signInAs(t, m.email)
    const refreshed = await asMember(t, cookie, '/api/members/refresh-token', { method: 'POST' })
    expect(refreshed.status).toBe(403)
    expect(sessionCookie(refreshed)).toBeNull()
  })
})

describe('when the email service fails', () => {
  it('still answers 202, and logs the member’s id but never the address or the token', async () => {
    const m = await member()
    const logged: string[] = []
    const spies = (['error', 'warn', 'info'] as const).map((level) =>
      vi.spyOn(t.payload.logger, level).mockImplementation((...args: unknown[]) => {
        logged.push(JSON.stringify(args))
      }),
    )
    const send = vi.spyOn(t.payload, 'sendEmail').mockRejectedValue(new Error(`Resend refused ${m.email}`))
    try {
      const res = await askForLink(t, m.email)
      expect(res.status).toBe(202)
      await vi.waitFor(() => expect(logged.join('\n')).toContain('A sign-in link could not be sent'))
      const stored = await storedMember(m.id)
      expect(logged.join('\n')).not.toContain(m.email)
      expect(logged.join('\n')).toContain('[address]')
      expect(logged.join('\n')).not.toContain(stored!.signInTokenHash!)
    } finally {
      send.mockRestore()
      for (const spy of spies) spy.mockRestore()
    }
  })
})
