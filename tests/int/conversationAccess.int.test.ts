/**
 * Who may do what with network conversations, over real HTTP through the front server: every
 * conversations collection × operation (list, read one, create, update, delete) × role (anonymous,
 * a signed-in member of the network with their cookie and the site's Origin, editor, reviewer,
 * adviser, an organiser of another network, an organiser of this network, admin), checked against
 * the table of rules in conversationAccessCases.ts; the fields only admins read (who wrote a thread, a message or a
 * report); networks' organisers never public; and a member of one network reaching nothing of
 * another's through /api/account/conversations/*.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { make } from '../helpers/factories'
import { startHarness, type ServedHarness } from '../helpers/harness'
import { call } from './accountClient'
import {
  ADMIN,
  COLLECTIONS,
  KNOWN_WRONG,
  ORG_A,
  ORG_B,
  WHO,
  conversationWorld,
  expected,
  type Net,
  type Op,
  type Slug,
  type Who,
} from './conversationAccessCases'

let t: ServedHarness
let w: Awaited<ReturnType<typeof conversationWorld>>

beforeAll(async () => {
  t = await startHarness({ withServer: true })
  w = await conversationWorld(t)
}, 60_000)
afterAll(async () => t?.close())

describe('the conversations access matrix, over REST', () => {
  it('really signs each caller in (the member’s cookie counts: the staff API refuses it)', async () => {
    expect((await call(t, w.memberCookie, 'GET', '/account/session')).json.signedIn).toBe(true)
    expect((await w.rest('member', 'GET', '/networks')).status).toBe(403)
    expect((await w.rest('anonymous', 'GET', '/networks')).status).toBe(200)
    for (const who of WHO.filter((x) => x !== 'anonymous' && x !== 'member'))
      expect((await w.rest(who, 'GET', '/users/me')).json.user, who).toMatchObject({ id: expect.any(Number) })
  })

  const cells = COLLECTIONS.flatMap((slug) =>
    (['list', 'read', 'create', 'update', 'delete'] as Op[]).flatMap((op) =>
      WHO.map((who) => ({
        slug,
        op,
        who,
        want: expected(slug, op, who),
        wrong: KNOWN_WRONG[`${slug} ${op} ${who}`],
      })),
    ),
  )
  for (const { slug, op, who, want, wrong } of cells)
    (wrong ? it.fails : it)(`${slug} × ${op} × ${who}: ${JSON.stringify(want)}`, async () => {
      expect(await w.attempt(who, slug, op)).toEqual(want)
    })
})

describe('who wrote it, and who organises a network', () => {
  const WRITERS: [Slug, string][] = [
    ['threads', 'author'],
    ['messages', 'author'],
    ['message-reports', 'reporter'],
  ]
  it.each(WRITERS)(
    '%s: the organiser of the network reads one without its %s; an admin reads it',
    async (slug, field) => {
      const byOrganiser = await w.rest(ORG_A, 'GET', `/${slug}/${w.seeded[slug].A}?depth=0`)
      expect(byOrganiser.status).toBe(200)
      expect(byOrganiser.json).not.toHaveProperty(field)
      const list = await w.rest(ORG_A, 'GET', `/${slug}?depth=0`)
      expect(list.text).not.toContain(`"${field}"`)
      const byAdmin = await w.rest(ADMIN, 'GET', `/${slug}/${w.seeded[slug].A}?depth=0`)
      expect(byAdmin.json[field]).toBe(w.members.A)
    },
  )

  it.each(WRITERS)('%s: the organiser cannot find out the %s by filtering on it', async (slug, field) => {
    const seen = async (id: number) => {
      const res = await w.rest(ORG_A, 'GET', `/${slug}?depth=0&where[${field}][equals]=${id}`)
      return [res.status, ((res.json.docs ?? []) as { id: number }[]).map((d) => d.id)]
    }
    // The real author and a member who wrote nothing in this network must look alike.
    expect(await seen(w.members.A)).toEqual(await seen(w.members.B))
  })

  it("anonymous readers never get a network's organisers, nor find them by filtering", async () => {
    const one = await w.rest('anonymous', 'GET', `/networks/${w.net.A.id}?depth=1`)
    expect(one.status).toBe(200)
    expect(one.json).not.toHaveProperty('organisers')
    const list = await w.rest('anonymous', 'GET', '/networks?depth=1&limit=100')
    expect(list.text).not.toContain('organisers')
    const organiserId = (
      (await w.rest(ADMIN, 'GET', `/networks/${w.net.A.id}?depth=0`)).json.organisers as number[]
    )[0]
    const filtered = async (id: number) =>
      (await w.rest('anonymous', 'GET', `/networks?depth=0&where[organisers][contains]=${id}`)).text
    expect(await filtered(organiserId)).toEqual(await filtered(999_999))
  })

  // Organisers read members (their mailing list), but never `displayNames`: a pseudonym must not
  // lead to an email.
  it("an organiser cannot find the member behind a display name in the members' API", async () => {
    const named = await call(t, w.memberCookie, 'PUT', `/account/conversations/${w.net.A.slug}/me`, {
      displayName: 'Night owl',
      acceptGuidelines: true,
    })
    expect(named.status).toBe(200)
    for (const who of [ORG_A, ORG_B] as Who[]) {
      const res = await w.rest(who, 'GET', `/members?depth=0&where[displayNames.name][equals]=Night%20owl`)
      expect(res.text, who).not.toContain('ana.real@example.org')
    }
  })

  // Only admins choose a network's organisers: an organiser or editor may update networks, but
  // not make themselves a moderator of one.
  it('an organiser of another network cannot make themselves one of its organisers, and so read its messages', async () => {
    const c = await make.network(t.payload, { organisers: [] })
    const thread = await t.payload.create({
      collection: 'threads',
      overrideAccess: true,
      data: { network: c.id, title: 'Pay', authorName: 'Fox' },
    })
    const message = await t.payload.create({
      collection: 'messages',
      overrideAccess: true,
      data: { network: c.id, thread: thread.id, authorName: 'Fox', body: 'In network C', state: 'visible' },
    })
    const me = ((await w.rest(ORG_B, 'GET', '/users/me')).json.user as { id: number }).id
    try {
      await w.rest(ORG_B, 'PATCH', `/networks/${c.id}`, { organisers: [me] })
      expect((await w.rest(ORG_B, 'GET', `/messages/${message.id}`)).status).toBe(404)
      const after = await t.payload.findByID({ collection: 'networks', id: c.id, depth: 0 })
      expect(after.organisers ?? []).toEqual([])
    } finally {
      for (const [collection, id] of [
        ['messages', message.id],
        ['threads', thread.id],
        ['networks', c.id],
      ] as const)
        await t.payload.delete({ collection, id, overrideAccess: true })
    }
  })
})

describe('moderation actions', () => {
  const hide = (who: Who, extra: Record<string, unknown>) =>
    w.rest(who, 'POST', '/moderation-actions', { action: 'hide', ...extra })

  it('are refused without a reason, even to an admin, and nothing is hidden or logged', async () => {
    const message = await w.seed('messages', 'A')
    const before = await t.payload.count({ collection: 'moderation-actions' })
    for (const reason of [undefined, '   '])
      expect((await hide(ADMIN, { message, reason })).status, String(reason)).toBe(400)
    expect((await t.payload.findByID({ collection: 'messages', id: message })).state).toBe('visible')
    expect(await t.payload.count({ collection: 'moderation-actions' })).toEqual(before)
  })

  it("follow the message's network, not the one named: an organiser of another network is refused", async () => {
    const message = await w.seed('messages', 'A')
    const spoofed = await hide(ORG_B, { message, network: w.net.B.id, reason: 'Mine now' })
    expect(spoofed.status).toBe(403)
    const dismiss = await w.rest(ORG_B, 'POST', '/moderation-actions', {
      action: 'dismiss-report',
      report: w.seeded['message-reports'].A,
      network: w.net.B.id,
      reason: 'Mine now',
    })
    expect(dismiss.status).toBe(403)
    expect((await t.payload.findByID({ collection: 'messages', id: message })).state).toBe('visible')
    const report = await t.payload.findByID({
      collection: 'message-reports',
      id: w.seeded['message-reports'].A,
    })
    expect(report.state).toBe('open')
  })
})

describe('the member endpoints keep a member to their own network', () => {
  const conv = (path: string) => `/account/conversations${path}`
  const cases: [string, string, number, string, (n: Net) => string][] = [
    ['GET', 'the list', 403, 'not-member', (n) => conv(`/${w.net[n].slug}`)],
    ['POST', 'a new thread', 403, 'not-member', (n) => conv(`/${w.net[n].slug}/threads`)],
    ['GET', 'a thread', 404, 'not-found', (n) => conv(`/threads/${w.seeded.threads[n]}`)],
    ['POST', 'a reply', 404, 'not-found', (n) => conv(`/threads/${w.seeded.threads[n]}/messages`)],
    ['PUT', 'a follow', 404, 'not-found', (n) => conv(`/threads/${w.seeded.threads[n]}/follow`)],
    ['DELETE', 'a message', 404, 'not-found', (n) => conv(`/messages/${w.seeded.messages[n]}`)],
    ['POST', 'a report', 404, 'not-found', (n) => conv(`/messages/${w.seeded.messages[n]}/report`)],
  ]
  it.each(cases)('%s %s of another network: %i %s', async (method, _what, status, word, path) => {
    const body =
      method === 'GET' || method === 'DELETE' ? undefined : { title: 'x', body: 'x', reason: 'spam' }
    const res = await call(t, w.memberCookie, method, path('B'), body)
    expect([res.status, res.json.status]).toEqual([status, word])
    expect(res.text).not.toMatch(/Owl B|Hello B|Rotas B/)
  })

  it('while the same member reads their own network and thread', async () => {
    const cookie = w.memberCookie
    expect((await call(t, cookie, 'GET', conv(`/${w.net.A.slug}`))).status).toBe(200)
    const thread = await call(t, cookie, 'GET', conv(`/threads/${w.seeded.threads.A}`))
    expect(thread.status).toBe(200)
    expect(thread.text).toContain('Hello A')
  })

  it('and none of those calls changed anything in network B', async () => {
    const p = t.payload
    const mine = { overrideAccess: true } as const
    expect((await p.findByID({ collection: 'messages', id: w.seeded.messages.B, ...mine })).body).toBe(
      'Hello B',
    )
    const counts = await Promise.all([
      p.count({ collection: 'threads', where: { network: { equals: w.net.B.id } }, ...mine }),
      p.count({ collection: 'messages', where: { network: { equals: w.net.B.id } }, ...mine }),
      p.count({ collection: 'message-reports', where: { network: { equals: w.net.B.id } }, ...mine }),
      p.count({ collection: 'thread-follows', where: { member: { equals: w.members.A } }, ...mine }),
    ])
    expect(counts.map((c) => c.totalDocs)).toEqual([1, 1, 1, 1])
  })
})
