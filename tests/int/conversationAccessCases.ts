/**
 * The rules the conversations access matrix checks, written down from issue 16 and the brief
 * (not read off the code): admins see every network's records, an organiser only those of the
 * networks that list them among `organisers`, everyone else (members over REST included) nothing.
 * Records are written by the server; the only REST write is a moderation action, by an admin or an
 * organiser of the message's network, with a reason; admins may delete a thread or a message (as
 * the collections document it: the issue does not say). Also the world the matrix runs in, and its
 * calls.
 */
import { make } from '../helpers/factories'
import type { ServedHarness } from '../helpers/harness'
import { anotherSession, call, confirmedMember } from './accountClient'

export const COLLECTIONS = [
  'threads',
  'messages',
  'message-reports',
  'moderation-actions',
  'thread-follows',
  'conversation-events',
] as const
export type Slug = (typeof COLLECTIONS)[number]
export type Op = 'list' | 'read' | 'create' | 'update' | 'delete'
/** Network A is "this network" (the member's, organised by ORG_A); B is another one. */
export type Net = 'A' | 'B'

export const ADMIN = 'admin'
export const ORG_A = 'organiser of this network'
export const ORG_B = 'organiser of another network'
export const WHO = ['anonymous', 'member', 'editor', 'reviewer', 'adviser', ORG_B, ORG_A, ADMIN] as const
export type Who = (typeof WHO)[number]

/** The networks each role moderates: what they see in a list of a moderated collection. */
const MODERATES: Partial<Record<Who, Net[]>> = { [ADMIN]: ['A', 'B'], [ORG_A]: ['A'], [ORG_B]: ['B'] }

type Rule = { list: 'moderators' | 'nobody'; read: Who[]; create: Who[]; update: Who[]; delete: Who[] }

/** Who may do what to network A's record of each collection. */
export const RULES: Record<Slug, Rule> = {
  threads: { list: 'moderators', read: [ADMIN, ORG_A], create: [], update: [], delete: [] },
  messages: { list: 'moderators', read: [ADMIN, ORG_A], create: [], update: [], delete: [] },
  'message-reports': { list: 'moderators', read: [ADMIN, ORG_A], create: [], update: [], delete: [] },
  'moderation-actions': {
    list: 'moderators',
    read: [ADMIN, ORG_A],
    create: [ADMIN, ORG_A],
    update: [],
    delete: [],
  },
  'thread-follows': { list: 'nobody', read: [], create: [], update: [], delete: [] },
  'conversation-events': { list: 'nobody', read: [], create: [], update: [], delete: [] },
}

/** What `who` should get: the networks listed, or 'yes' / 'no'. */
export const expected = (slug: Slug, op: Op, who: Who): Net[] | 'yes' | 'no' => {
  const rule = RULES[slug]
  if (op === 'list') return rule.list === 'moderators' ? (MODERATES[who] ?? []) : []
  return rule[op].includes(who) ? 'yes' : 'no'
}

/**
 * Cells where the code disagrees with the rule as the issue wants it, each with what happens:
 * they run as it.fails (so they turn red when fixed), and are reported. None today: the two rules
 * the code breaks are field-level, it.fails in the test file.
 */
export const KNOWN_WRONG: Partial<Record<`${Slug} ${Op} ${Who}`, string>> = {}

type Staff = 'admin' | 'editor' | 'reviewer' | 'organiser' | 'adviser'
const PASSWORD = 'a-long-test-password'

/** Creates a member of staff and logs them in over HTTP (POST /api/users/login): their JWT. */
const loggedIn = async (t: ServedHarness, role: Staff) => {
  const user = await t.payload.create({
    collection: 'users',
    overrideAccess: true,
    data: {
      email: `${role}-${Math.random().toString(36).slice(2)}@example.org`,
      password: PASSWORD,
      roles: [role],
    },
  })
  const res = await fetch(`${t.api}/users/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: user.email, password: PASSWORD }),
  })
  const { token } = (await res.json()) as { token?: string }
  if (!token) throw new Error(`POST /api/users/login answered ${res.status} without a token`)
  return { user, jwt: token }
}

/** 'yes' when it went through, 'no' when refused (401, 403, or not found for them). */
const outcome = (status: number) =>
  status >= 200 && status < 300 ? 'yes' : [401, 403, 404].includes(status) ? 'no' : `HTTP ${status}`

const UPDATE_BODY: Record<Slug, Record<string, unknown>> = {
  threads: { title: 'Rotas A' },
  messages: { body: 'Hello A' },
  'message-reports': { note: 'Seen' },
  'moderation-actions': { reason: 'Rewritten' },
  'thread-follows': { seenUpTo: '2026-12-01T00:00:00.000Z' },
  'conversation-events': { kind: 'thread' },
}

/**
 * Networks A (organised by ORG_A, with member A) and B (ORG_B, member B), one seeded record of each
 * collection in each, every role signed in; and the calls the matrix makes as each role.
 */
export const conversationWorld = async (t: ServedHarness) => {
  const [admin, editor, reviewer, adviser, orgA, orgB] = await Promise.all(
    (['admin', 'editor', 'reviewer', 'adviser', 'organiser', 'organiser'] as const).map((r) =>
      loggedIn(t, r),
    ),
  )
  const net = {
    A: await make.network(t.payload, { organisers: [orgA.user.id] }),
    B: await make.network(t.payload, { organisers: [orgB.user.id] }),
  }
  const members = {
    A: (await confirmedMember(t.payload, 'ana.real@example.org', [net.A.id])).id,
    B: (await confirmedMember(t.payload, 'ben.real@example.org', [net.B.id])).id,
  }
  const memberCookie = await anotherSession(t.payload, members.A)
  const jwt: Partial<Record<Who, string>> = {
    admin: admin.jwt,
    editor: editor.jwt,
    reviewer: reviewer.jwt,
    adviser: adviser.jwt,
    [ORG_A]: orgA.jwt,
    [ORG_B]: orgB.jwt,
  }
  const seeded = {} as Record<Slug, Record<Net, number>>

  /** A REST call as `who`: the member as a browser on the site would, staff with their JWT. */
  const rest = async (who: Who, method: string, path: string, body?: unknown) => {
    if (who === 'member') return call(t, memberCookie, method, path, body)
    const token = jwt[who]
    const res = await fetch(`${t.api}${path}`, {
      method,
      headers: {
        ...(token ? { Authorization: `JWT ${token}` } : {}),
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const text = await res.text()
    return { status: res.status, json: (text ? JSON.parse(text) : {}) as Record<string, unknown>, text }
  }

  /**
   * A record of `slug` in network `n` (the server's own writes, through the Local API), by
   * `member` (a spare follow needs another member than the seeded one: one per member and thread).
   */
  const seed = async (slug: Slug, n: Net, member = members[n]): Promise<number> => {
    const network = net[n].id
    const thread = seeded.threads?.[n]
    const o = { overrideAccess: true, depth: 0 } as const
    const p = t.payload
    const authorName = `Owl ${n}`
    switch (slug) {
      case 'threads':
        return (
          await p.create({
            collection: slug,
            ...o,
            data: { network, title: `Rotas ${n}`, author: member, authorName },
          })
        ).id
      case 'messages':
        return (
          await p.create({
            collection: slug,
            ...o,
            data: { network, thread, author: member, authorName, body: `Hello ${n}`, state: 'visible' },
          })
        ).id
      case 'message-reports': {
        const data = {
          network,
          message: seeded.messages[n],
          reporter: member,
          reason: 'abuse',
          state: 'open',
        } as const
        return (await p.create({ collection: slug, ...o, data })).id
      }
      case 'moderation-actions': {
        // The hook checks who moderates: an admin logs it.
        const data = { action: 'dismiss-report', network, reason: 'Seeded' } as const
        return (
          await p.create({ collection: slug, ...o, user: { ...admin.user, collection: 'users' }, data })
        ).id
      }
      case 'thread-follows':
        return (await p.create({ collection: slug, ...o, data: { thread, member } })).id
      case 'conversation-events':
        return (
          await p.create({
            collection: slug,
            ...o,
            data: { kind: 'thread', network: String(network), thread: String(thread) },
          })
        ).id
    }
  }
  for (const slug of COLLECTIONS) seeded[slug] = { A: await seed(slug, 'A'), B: await seed(slug, 'B') }

  /** A valid record of each collection in network A, as a REST body: refused only by access. */
  const CREATE_BODY: Record<Slug, Record<string, unknown>> = {
    threads: { network: net.A.id, title: 'New', authorName: 'Someone' },
    messages: { network: net.A.id, thread: seeded.threads.A, authorName: 'Someone', body: 'Hi' },
    'message-reports': { network: net.A.id, message: seeded.messages.A, reason: 'spam' },
    'moderation-actions': { action: 'hide', message: seeded.messages.A, reason: 'Off topic' },
    'thread-follows': { thread: seeded.threads.A, member: members.B },
    'conversation-events': { kind: 'thread', network: String(net.A.id) },
  }

  /** Which of the two networks' seeded records a list shows (none when refused). */
  const listed = async (who: Who, slug: Slug) => {
    const res = await rest(who, 'GET', `/${slug}?depth=0&limit=500`)
    if ([401, 403].includes(res.status)) return []
    if (res.status !== 200) return `HTTP ${res.status}`
    const ids = new Set((res.json.docs as { id: number }[]).map((d) => d.id))
    return (['A', 'B'] as Net[]).filter((n) => ids.has(seeded[slug][n]))
  }

  /** Runs one operation as `who` on network A's record (a spare one for delete, removed after). */
  const attempt = async (who: Who, slug: Slug, op: Op) => {
    const id = seeded[slug].A
    if (op === 'list') return listed(who, slug)
    if (op === 'read') return outcome((await rest(who, 'GET', `/${slug}/${id}?depth=0`)).status)
    if (op === 'update')
      return outcome((await rest(who, 'PATCH', `/${slug}/${id}`, UPDATE_BODY[slug])).status)
    if (op === 'create') {
      const res = await rest(who, 'POST', `/${slug}`, CREATE_BODY[slug])
      const made = (res.json.doc as { id?: number } | undefined)?.id
      if (made) await t.payload.delete({ collection: slug, id: made, overrideAccess: true })
      return outcome(res.status)
    }
    const spare = await seed(slug, 'A', members.B)
    try {
      return outcome((await rest(who, 'DELETE', `/${slug}/${spare}`)).status)
    } finally {
      await t.payload.delete({ collection: slug, where: { id: { equals: spare } }, overrideAccess: true })
    }
  }

  return { net, members, memberCookie, seeded, rest, seed, attempt }
}
