/**
 * Network conversations through the real front server and Payload on SQLite: members of one
 * network talk under display names, live over server-sent events (resuming after a drop), and
 * nobody outside the network sees anything; moderation hides a message for good; bad input stores
 * nothing (two processes, and the front server in front of Next: conversationProcesses.int).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { make } from '../helpers/factories'
import { startHarness, type ServedHarness } from '../helpers/harness'
import { anotherSession, call, confirmedMember } from './accountClient'
import { openLive } from './liveClient'

let t: ServedHarness
let ana: string
let ben: string
let cat: string
let network: { id: number; slug: string }
let organiser: Awaited<ReturnType<typeof make.user>>
let anaId: number
let benId: number

const conv = (path: string) => `/account/conversations${path}`
const liveUrl = (base: string, thread: number | string) =>
  `${base}/api/account/conversations/threads/${thread}/live`

const choose = (cookie: string, displayName: string, slug = network.slug) =>
  call(t, cookie, 'PUT', conv(`/${slug}/me`), { displayName, acceptGuidelines: true })

beforeAll(async () => {
  process.env.RATE_LIMIT_POST = '1000/60'
  t = await startHarness({ withServer: true })
  organiser = await make.user(t.payload, ['organiser'])
  network = await make.network(t.payload, { organisers: [organiser.id] })
  const other = await make.network(t.payload)
  const a = await confirmedMember(t.payload, 'ana.real@example.org', [network.id])
  const b = await confirmedMember(t.payload, 'ben.real@example.org', [network.id])
  const c = await confirmedMember(t.payload, 'cat.real@example.org', [other.id])
  ;[anaId, benId] = [a.id, b.id]
  ;[ana, ben, cat] = await Promise.all([a, b, c].map((m) => anotherSession(t.payload, m.id)))
}, 60_000)

afterAll(async () => {
  delete process.env.RATE_LIMIT_POST
  await t?.close()
})

describe('network conversations', () => {
  let threadId: number
  let firstMessage: number

  it('asks for a display name and the guidelines before a first post, and refuses staff-sounding names', async () => {
    const early = await call(t, ana, 'POST', conv(`/${network.slug}/threads`), {
      title: 'Rotas',
      body: 'Hello',
    })
    expect(early.status).toBe(403)
    expect(early.json.status).toBe('guidelines')
    const staffy = await choose(ana, 'Moderator')
    expect(staffy.status).toBe(422)
    expect(Object.keys(staffy.json.errors as object)).toEqual(['displayName'])
    const noAgree = await call(t, ana, 'PUT', conv(`/${network.slug}/me`), { displayName: 'Night owl' })
    expect(noAgree.status).toBe(422)
    expect(noAgree.json.errors).toHaveProperty('acceptGuidelines')
    expect((await choose(ana, 'Night owl')).json.me).toMatchObject({
      displayName: 'Night owl',
      guidelinesAccepted: true,
    })
    const taken = await choose(ben, 'night OWL')
    expect(taken.status).toBe(422)
    expect((await choose(ben, 'Porter 4')).status).toBe(200)
  })

  it('starts a thread, replies, and shows display names only, never an address or real name', async () => {
    const started = await call(t, ana, 'POST', conv(`/${network.slug}/threads`), {
      title: 'Rota changes at short notice',
      body: 'They changed my shifts the night before. <script>alert(1)</script> Is that allowed?',
    })
    expect(started.status).toBe(201)
    threadId = (started.json.thread as { id: number }).id
    firstMessage = (started.json.message as { id: number }).id
    expect(
      (await call(t, ben, 'POST', conv(`/threads/${threadId}/messages`), { body: 'Same here.' })).status,
    ).toBe(201)
    const seen = await call(t, ben, 'GET', conv(`/threads/${threadId}`))
    expect(seen.status).toBe(200)
    const messages = seen.json.messages as { authorName: string; body: string; mine: boolean }[]
    expect(messages.map((m) => [m.authorName, m.mine])).toEqual([
      ['Night owl', false],
      ['Porter 4', true],
    ])
    // Plain text, as written: the island shows it as text.
    expect(messages[0].body).toContain('<script>alert(1)</script>')
    const list = await call(t, ben, 'GET', conv(`/${network.slug}`))
    for (const answer of [seen.text, list.text]) {
      expect(answer).not.toMatch(/ana\.real|ben\.real|Sara|@example/)
      expect(answer).not.toContain('"author"')
    }
  })

  it('shows nothing of a network to a member of another one, or to nobody signed in', async () => {
    expect((await call(t, cat, 'GET', conv(`/${network.slug}`))).json.status).toBe('not-member')
    const thread = await call(t, cat, 'GET', conv(`/threads/${threadId}`))
    expect(thread.status).toBe(404)
    expect((await call(t, cat, 'POST', conv(`/threads/${threadId}/messages`), { body: 'hi' })).status).toBe(
      404,
    )
    expect((await call(t, null, 'GET', conv(`/threads/${threadId}`))).status).toBe(401)
    const live = await openLive(liveUrl(t.url, threadId), cat)
    expect(live.status).toBe(404)
    expect((await openLive(liveUrl(t.url, threadId), null)).status).toBe(401)
  })

  it('refuses empty, oversized and non-text messages with the field named, and stores nothing', async () => {
    const before = await t.payload.count({ collection: 'messages' })
    for (const body of ['', '   \n ', 'x'.repeat(4001), 42, { html: '<b>' }]) {
      const answer = await call(t, ben, 'POST', conv(`/threads/${threadId}/messages`), { body })
      expect(answer.status).toBe(422)
      expect(Object.keys(answer.json.errors as object)).toEqual(['body'])
    }
    expect((await call(t, ben, 'POST', conv(`/threads/${threadId}/messages`), 'not json{')).status).toBe(400)
    expect(
      (await call(t, ben, 'POST', conv(`/threads/${threadId}/messages`), { body: 'é'.repeat(4000) })).status,
    ).toBe(201)
    expect((await t.payload.count({ collection: 'messages' })).totalDocs).toBe(before.totalDocs + 1)
  })

  it('delivers a message live, and what was missed after a dropped connection', async () => {
    const live = await openLive(liveUrl(t.url, threadId), ben)
    expect(live.status).toBe(200)
    await call(t, ana, 'POST', conv(`/threads/${threadId}/messages`), { body: 'Live one' })
    // Arrives on the open stream without asking again (how fast: npm run bench -- conversations).
    const got = await live.next(
      (e) => e.event === 'message' && (e.data as { body: string }).body === 'Live one',
    )
    expect(got.data).toMatchObject({ authorName: 'Night owl', mine: false })
    live.close()
    await call(t, ana, 'POST', conv(`/threads/${threadId}/messages`), { body: 'While you were away' })
    const again = await openLive(liveUrl(t.url, threadId), ben, { lastEventId: got.id })
    const missed = await again.next((e) => e.event === 'message')
    expect((missed.data as { body: string }).body).toBe('While you were away')
    again.close()
  })

  it('lets an organiser of the network hide a message: it goes from every stream and never comes back', async () => {
    const live = await openLive(liveUrl(t.url, threadId), ben)
    const before = live.events.length
    const refused = t.payload.create({
      collection: 'moderation-actions',
      data: { action: 'hide', message: firstMessage, reason: '' },
      user: { ...organiser, collection: 'users' },
      overrideAccess: false,
    })
    await expect(refused).rejects.toThrow()
    const outsider = await make.user(t.payload, ['organiser'])
    await expect(
      t.payload.create({
        collection: 'moderation-actions',
        data: { action: 'hide', message: firstMessage, reason: 'Not yours' },
        user: { ...outsider, collection: 'users' },
        overrideAccess: false,
      }),
    ).rejects.toThrow()
    await t.payload.create({
      collection: 'moderation-actions',
      data: { action: 'hide', message: firstMessage, reason: 'Names a manager' },
      user: { ...organiser, collection: 'users' },
      overrideAccess: false,
    })
    const removed = await live.next((e) => e.event === 'removed')
    expect(removed.data).toEqual({ id: String(firstMessage) })
    expect(live.events.length).toBeGreaterThan(before)
    live.close()
    // Reconnecting from the very start: the hidden message's text never comes back to Ben.
    const replay = await openLive(liveUrl(t.url, threadId), ben, { lastEventId: '1' })
    await replay.next((e) => e.event === 'removed' && (e.data as { id: string }).id === String(firstMessage))
    replay.close()
    expect(replay.events.some((e) => JSON.stringify(e.data).includes('They changed my shifts'))).toBe(false)
    const page = await call(t, ben, 'GET', conv(`/threads/${threadId}`))
    expect(page.text).not.toContain('They changed my shifts')
    // Its author still sees it, marked hidden.
    const own = await call(t, ana, 'GET', conv(`/threads/${threadId}`))
    expect(
      (own.json.messages as { id: number; hidden: boolean }[]).find((m) => m.id === firstMessage)?.hidden,
    ).toBe(true)
    const log = await t.payload.find({
      collection: 'moderation-actions',
      user: { ...organiser, collection: 'users' },
      overrideAccess: false,
    })
    expect(log.docs.map((d) => [d.action, d.reason, d.messageKey])).toEqual([
      ['hide', 'Names a manager', String(firstMessage)],
    ])
  })

  it('deletes a member’s own message for everyone, and refuses anyone else’s', async () => {
    const posted = await call(t, ben, 'POST', conv(`/threads/${threadId}/messages`), {
      body: 'Oops, wrong thread',
    })
    const id = (posted.json.message as { id: number }).id
    expect((await call(t, ana, 'DELETE', conv(`/messages/${id}`))).status).toBe(404)
    expect((await call(t, ben, 'DELETE', conv(`/messages/${id}`))).json.status).toBe('deleted')
    expect(
      await t.payload.findByID({ collection: 'messages', id, disableErrors: true, overrideAccess: true }),
    ).toBeNull()
  })

  it('shows organisers a member’s first name and email only when that member chose it', async () => {
    await call(t, ana, 'PUT', conv(`/${network.slug}/me`), {
      displayName: 'Night owl',
      showNameToOrganisers: true,
    })
    const mine = await call(t, ana, 'POST', conv(`/threads/${threadId}/messages`), { body: 'Call me' })
    const theirs = await call(t, ben, 'POST', conv(`/threads/${threadId}/messages`), { body: 'Not me' })
    const read = (id: unknown) =>
      t.payload.findByID({
        collection: 'messages',
        id: id as number,
        user: { ...organiser, collection: 'users' },
        overrideAccess: false,
      })
    expect((await read((mine.json.message as { id: number }).id)).sharedContact).toBe(
      'Sara <ana.real@example.org>',
    )
    expect((await read((theirs.json.message as { id: number }).id)).sharedContact).toBeUndefined()
    // Other members never see it.
    expect((await call(t, ben, 'GET', conv(`/threads/${threadId}`))).text).not.toContain('ana.real')
  })

  it('puts what a member wrote, started and follows in their download, and nothing of anyone else’s', async () => {
    await call(t, ben, 'PUT', conv(`/threads/${threadId}/follow`))
    const held = (await call(t, ben, 'GET', '/account/export?format=json')).json
    const bodies = (held.messages as { body: string }[]).map((m) => m.body)
    expect(bodies).toContain('Same here.')
    expect(bodies).not.toContain('Call me')
    expect(held.follows).toHaveLength(1)
    expect(held.threads).toHaveLength(0)
  })

  it('closes the stream of a member removed from the network at once', async () => {
    const live = await openLive(liveUrl(t.url, threadId), ben)
    expect(live.status).toBe(200)
    await t.payload.create({
      collection: 'moderation-actions',
      data: { action: 'remove-member', member: benId, network: network.id, reason: 'Asked to leave' },
      user: { ...organiser, collection: 'users' },
      overrideAccess: false,
    })
    const closed = await live.next((e) => e.event === 'closed')
    expect(closed.data).toHaveProperty('reason')
    await live.ended
    expect((await call(t, ben, 'GET', conv(`/threads/${threadId}`))).status).toBe(404)
    expect(anaId).toBeGreaterThan(0)
  })
})
