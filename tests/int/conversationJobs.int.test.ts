/**
 * The conversations' scheduled jobs on a real Payload and SQLite file: "new replies" emails that
 * carry no text and stop with one click, at most one per thread an hour; retention that deletes
 * messages on time per network (and not before), old feed rows, and nothing of a "for ever" network.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sendFollowEmails } from '../../cms/conversations/notify'
import { tidyConversations } from '../../cms/conversations/retention'
import { make } from '../helpers/factories'
import { startHarness, type ServedHarness } from '../helpers/harness'
import { anotherSession, call, confirmedMember } from './accountClient'

let t: ServedHarness
const HOUR = 3_600_000
const DAY = 24 * HOUR
const conv = (path: string) => `/account/conversations${path}`

/** Two members of a new network with names chosen; returns their cookies and a thread by the first. */
const talking = async (retention: '7' | '30' | '90' | 'forever') => {
  const network = await make.network(t.payload, { messageRetention: retention })
  const cookies: string[] = []
  for (const name of ['Rota watcher', 'Van driver']) {
    const m = await confirmedMember(t.payload, `${name.replace(/ /g, '.')}.${network.id}@example.org`, [
      network.id,
    ])
    const cookie = await anotherSession(t.payload, m.id)
    await call(t, cookie, 'PUT', conv(`/${network.slug}/me`), { displayName: name, acceptGuidelines: true })
    cookies.push(cookie)
  }
  const started = await call(t, cookies[0], 'POST', conv(`/${network.slug}/threads`), {
    title: 'Secret rota plans',
    body: 'Management want to cut night shifts',
  })
  return { network, cookies, thread: (started.json.thread as { id: number }).id }
}

beforeAll(async () => {
  t = await startHarness({ withServer: true })
}, 60_000)
afterAll(async () => t?.close())

describe('follow emails', () => {
  it('tell a follower of new replies once an hour, with no text, title or network in them, and stop in one click', async () => {
    const { network, cookies, thread } = await talking('90')
    const [ana, ben] = cookies
    expect((await call(t, ana, 'PUT', conv(`/threads/${thread}/follow`))).json.following).toBe(true)
    const now = Date.now()
    expect(await sendFollowEmails(t.payload, now)).toBe(0) // nothing new by anyone else yet
    await call(t, ben, 'POST', conv(`/threads/${thread}/messages`), { body: 'They did it to us too' })
    expect(await sendFollowEmails(t.payload, now + 1000)).toBe(1)
    await call(t, ben, 'POST', conv(`/threads/${thread}/messages`), { body: 'And again' })
    expect(await sendFollowEmails(t.payload, now + 30 * 60_000)).toBe(0) // within the hour
    const mails = (await t.outbox()).filter((m) => m.subject.includes('conversation you follow'))
    expect(mails).toHaveLength(1)
    const [mail] = mails
    for (const secret of ['Secret rota', 'night shifts', 'They did it', network.name, 'Van driver'])
      expect(`${mail.text}${mail.html}`).not.toContain(secret)
    const stop = mail.listUnsubscribe!
    expect(stop.post).toBe('List-Unsubscribe=One-Click')
    const page = await fetch(stop.url)
    expect(await page.text()).toContain('<button type="submit">Stop these emails</button>')
    // A mail client's one-click POST (RFC 8058) stops it; no more emails after the hour either.
    const oneClick = await fetch(stop.url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    })
    expect(oneClick.status).toBe(200)
    expect(await t.payload.count({ collection: 'thread-follows', overrideAccess: true })).toMatchObject({
      totalDocs: 0,
    })
    expect(await sendFollowEmails(t.payload, now + 2 * HOUR)).toBe(0)
    // A made-up token gets the same page.
    const made = await fetch(stop.url.replace(/[^/]+$/, 'x'.repeat(32)), { method: 'POST' })
    expect(made.status).toBe(200)
  })

  it('send nothing to a follower who has read the thread since', async () => {
    const { cookies, thread } = await talking('90')
    const [ana, ben] = cookies
    await call(t, ana, 'PUT', conv(`/threads/${thread}/follow`))
    await call(t, ben, 'POST', conv(`/threads/${thread}/messages`), { body: 'Reply' })
    await new Promise((r) => setTimeout(r, 20))
    await call(t, ana, 'GET', conv(`/threads/${thread}`))
    expect(await sendFollowEmails(t.payload)).toBe(0)
  })
})

describe('retention', () => {
  it('deletes messages past their network’s days for everyone, keeps the rest, and never those of a "for ever" network', async () => {
    const week = await talking('7')
    const quarter = await talking('90')
    const always = await talking('forever')
    const count = async (network: number) =>
      (
        await t.payload.count({
          collection: 'messages',
          where: { network: { equals: network } },
          overrideAccess: true,
        })
      ).totalDocs
    await tidyConversations(t.payload, Date.now() + 6 * DAY)
    expect(await count(week.network.id)).toBe(1)
    const tidied = await tidyConversations(t.payload, Date.now() + 8 * DAY)
    expect(tidied.messages).toBeGreaterThanOrEqual(1)
    expect(await count(week.network.id)).toBe(0)
    // Its thread went with its last message.
    expect((await call(t, week.cookies[0], 'GET', conv(`/threads/${week.thread}`))).status).toBe(404)
    expect(await count(quarter.network.id)).toBe(1)
    await tidyConversations(t.payload, Date.now() + 400 * DAY)
    expect(await count(quarter.network.id)).toBe(0)
    expect(await count(always.network.id)).toBe(1)
    // The feed keeps only its newest row after two days.
    expect(
      (await t.payload.count({ collection: 'conversation-events', overrideAccess: true })).totalDocs,
    ).toBe(1)
  })
})
