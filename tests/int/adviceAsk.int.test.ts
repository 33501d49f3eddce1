/**
 * Asking an adviser through the front server, as the site's form and islands do: anonymously with
 * a private link (only the token's hash stored; a wrong token answers like a missing one), as a
 * plain form (303 to the link), bad input (422 naming each field, nothing stored), the per-address
 * limit, a follow-up, and the no-content "you have a reply" email. A member's questions are in
 * adviceAccount.int.test.ts.
 */
import { createHash } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

vi.hoisted(() => {
  process.env.JOBS_AUTORUN = 'false'
  process.env.TRUST_PROXY = '1'
  process.env.SITE_URL = 'http://site.test'
  process.env.RATE_LIMIT_ASK = '3/300'
})

import { sendReplyNotices } from '../../cms/advice/notify'
import { make } from '../helpers/factories'
import { linkIn, startHarness, type ServedHarness } from '../helpers/harness'
import { nextClient, SITE } from './memberSignInClient'

let t: ServedHarness

const HOLIDAY =
  'My manager says I get no holiday pay because I am on a zero-hours contract. I have worked there 8 months.'

/** POSTs to the CMS as the site's island (JSON) or a plain form, from a client address of its own. */
const post = (path: string, body: Record<string, string>, { form = false, client = nextClient() } = {}) =>
  fetch(`${t.api}${path}`, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      'Content-Type': form ? 'application/x-www-form-urlencoded' : 'application/json',
      Accept: form ? 'text/html' : 'application/json',
      Origin: SITE,
      'X-Forwarded-For': client,
    },
    body: form ? new URLSearchParams(body).toString() : JSON.stringify(body),
  })

const count = async () => (await t.payload.count({ collection: 'questions', overrideAccess: true })).totalDocs

const adviser = () =>
  t.payload.create({
    collection: 'users',
    overrideAccess: true,
    data: {
      email: `adviser-${Math.random()}@example.org`,
      password: 'a-long-test-password',
      roles: ['adviser'],
    },
  })

beforeAll(async () => {
  t = await startHarness({ withServer: true })
  await make.topic(t.payload, { title: 'Pay', slug: 'pay' })
})
afterAll(async () => {
  await t?.close()
})

describe('asking anonymously', () => {
  it('Ana asks about holiday pay and reads her question back with the private link only', async () => {
    const res = await post('/public/questions', {
      whatHappened: HOLIDAY,
      nation: 'scotland',
      employmentStatus: 'worker',
      topic: 'pay',
      fromGuide: 'holiday-pay',
    })
    expect(res.status).toBe(201)
    const asked = (await res.json()) as { token: string; replyUrl: string; message: string }
    expect(asked.token).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(asked.replyUrl).toBe(`http://site.test/ask/reply/#${asked.token}`)
    expect(asked.message).toMatch(/within 3 working days: by \w+day \d+ \w+ \d{4}/)
    const { docs } = await t.payload.find({
      collection: 'questions',
      overrideAccess: true,
      showHiddenFields: true,
    })
    expect(docs[0].replyTokenHash).toBe(createHash('sha256').update(asked.token).digest('hex'))
    expect(JSON.stringify(docs[0])).not.toContain(asked.token)
    expect(docs[0]).toMatchObject({
      state: 'open',
      nation: 'scotland',
      fromGuide: 'holiday-pay',
      asker: null,
    })

    const read = await post('/public/questions/read', { token: asked.token })
    expect(read.status).toBe(200)
    const { question } = (await read.json()) as { question: Record<string, unknown> }
    expect(question).toMatchObject({ state: 'open', nation: 'Scotland', topic: 'Pay', canFollowUp: true })
    expect(question.entries).toEqual([
      { from: 'asker', body: HOLIDAY, at: expect.any(String), attachments: [] },
    ])
    expect(question.notice).toMatch(/general information, not legal advice.*Acas/)
  })

  it('a wrong token gets the same 404 as a missing or malformed one', async () => {
    const answers = await Promise.all(
      ([{ token: 'x'.repeat(43) }, {}, { token: 'short' }] as Record<string, string>[]).map(async (body) => {
        const res = await post('/public/questions/read', body)
        return `${res.status} ${await res.text()}`
      }),
    )
    expect(answers[0]).toMatch(/^404 /)
    expect(new Set(answers).size).toBe(1)
  })

  it('a plain form is answered with a 303 to the private link, and the CMS page shows it without JavaScript', async () => {
    const res = await post(
      '/public/questions',
      {
        whatHappened: 'No payslip <b>for</b> 2 months',
        nation: 'northern-ireland',
        employmentStatus: 'employee',
      },
      { form: true },
    )
    expect(res.status).toBe(303)
    const token = res.headers.get('location')!.split('#')[1]
    expect(res.headers.get('location')).toBe(`http://site.test/ask/reply/#${token}`)
    const page = await post('/public/questions/read', { token }, { form: true })
    const html = await page.text()
    expect(page.status).toBe(200)
    expect(html).toContain('No payslip &lt;b&gt;for&lt;/b&gt; 2 months')
    expect(html).toContain('name="token"')
  })

  it('bad input is refused with 422 naming each field, and nothing is stored', async () => {
    const before = await count()
    const res = await post('/public/questions', {
      whatHappened: 'x'.repeat(4001),
      nation: 'wales',
      employmentStatus: '',
      email: 'not-an-address',
    })
    expect(res.status).toBe(422)
    const { errors } = (await res.json()) as { errors: Record<string, string> }
    expect(Object.keys(errors).sort()).toEqual(['email', 'employmentStatus', 'nation', 'whatHappened'])
    expect(errors.whatHappened).toMatch(/at most 4,000 characters/)
    const empty = await post('/public/questions', {
      whatHappened: '   ',
      nation: 'scotland',
      employmentStatus: 'worker',
    })
    expect(((await empty.json()) as { errors: Record<string, string> }).errors).toEqual({
      whatHappened: 'Say what happened.',
    })
    expect(await count()).toBe(before)
  })

  it('a filled honeypot gets the same answer and stores nothing; one address is limited', async () => {
    const before = await count()
    const client = nextClient()
    const ask = { whatHappened: 'Spam', nation: 'scotland', employmentStatus: 'worker' }
    const bot = await post('/public/questions', { ...ask, website: 'http://spam.example' }, { client })
    expect(bot.status).toBe(201)
    expect(await count()).toBe(before)
    expect((await post('/public/questions', ask, { client })).status).toBe(201)
    expect((await post('/public/questions', ask, { client })).status).toBe(201)
    const limited = await post('/public/questions', ask, { client })
    expect(limited.status).toBe(429)
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(await count()).toBe(before + 2)
  })
})

describe('the reply', () => {
  it('Ana is emailed that there is a reply (no text), reads it with the notice, and follows up', async () => {
    const asked = await post('/public/questions', {
      whatHappened: 'Is my employer allowed to refuse my holiday request?',
      nation: 'england-wales',
      employmentStatus: 'employee',
      email: 'ana@example.org',
    })
    const { token } = (await asked.json()) as { token: string }
    const q = await t.payload.find({
      collection: 'questions',
      where: { summary: { like: 'refuse my holiday' } },
      overrideAccess: true,
    })
    const guide = await make.guide(t.payload, {
      title: 'Holiday pay',
      slug: 'holiday-pay',
      _status: 'published',
    })
    const user = await adviser()
    await t.payload.update({
      collection: 'questions',
      id: q.docs[0].id,
      data: {
        reply: 'Your employer can refuse the dates but must let you take the leave.',
        replyAttachments: [{ relationTo: 'guides', value: guide.id }],
      },
      user: { ...user, collection: 'users' },
      overrideAccess: false,
    })
    const before = (await t.outbox()).length
    expect(await sendReplyNotices(t.payload)).toBe(1)
    expect(await sendReplyNotices(t.payload)).toBe(0)
    const mail = (await t.outbox()).slice(before)
    expect(mail).toHaveLength(1)
    expect(mail[0].to).toContain('ana@example.org')
    for (const part of [mail[0].text, mail[0].html, mail[0].subject]) {
      expect(part).not.toMatch(/refuse|holiday|leave/i)
      expect(part).not.toContain(token)
    }
    const stop = linkIn(mail[0].text, `${t.api}/public/questions/stop-emails/`)

    const read = (await (await post('/public/questions/read', { token })).json()) as {
      question: {
        state: string
        entries: { from: string; body: string; attachments: unknown[] }[]
        notice: string
      }
    }
    expect(read.question.state).toBe('answered')
    expect(read.question.entries[1]).toMatchObject({
      from: 'adviser',
      body: 'Your employer can refuse the dates but must let you take the leave.',
      attachments: [{ kind: 'guide', title: 'Holiday pay', url: 'http://site.test/guides/holiday-pay/' }],
    })
    expect(JSON.stringify(read.question)).not.toMatch(/adviser-0|@example\.org/)
    expect(read.question.notice).toMatch(/Acas.*union.*Citizens Advice/)

    const added = await post('/public/questions/follow-up', {
      token,
      body: 'Thank you. What if they refuse again?',
    })
    expect(added.status).toBe(200)
    const after = (await added.json()) as { question: { state: string; entries: unknown[] } }
    expect(after.question).toMatchObject({ state: 'claimed' })
    expect(after.question.entries).toHaveLength(3)
    expect((await post('/public/questions/follow-up', { token, body: '' })).status).toBe(422)

    expect((await fetch(stop)).status).toBe(200)
    expect((await fetch(stop, { method: 'POST', headers: { Origin: t.url } })).status).toBe(200)
    const stored = await t.payload.findByID({
      collection: 'questions',
      id: q.docs[0].id,
      overrideAccess: true,
      showHiddenFields: true,
    })
    expect(stored.notifyEmail).toBeNull()
  })
})
