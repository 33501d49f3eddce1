/**
 * A signed-in member asks an adviser from the site (My account's endpoints, with the session
 * cookie and the site's Origin): the question is tied to their record, listed in My account for
 * them only, followed up, and deleted when they erase their account.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

vi.hoisted(() => {
  process.env.JOBS_AUTORUN = 'false'
  process.env.TRUST_PROXY = '1'
  process.env.SITE_URL = 'http://site.test'
  process.env.RATE_LIMIT_SIGNIN = 'off'
})

import { make } from '../helpers/factories'
import { startHarness, type ServedHarness } from '../helpers/harness'
import { asMember, signInAs, SITE } from './memberSignInClient'

let t: ServedHarness

beforeAll(async () => {
  t = await startHarness({ withServer: true })
})
afterAll(async () => {
  await t?.close()
})

describe('a signed-in member', () => {
  it('Priya asks from her account, sees it in My account (Olu does not), and erasing her account deletes it', async () => {
    const priya = await make.member(t.payload, {
      email: 'priya.ask@example.org',
      emailCanonical: 'priya.ask@example.org',
      state: 'confirmed',
    })
    await make.member(t.payload, {
      email: 'olu.ask@example.org',
      emailCanonical: 'olu.ask@example.org',
      state: 'confirmed',
    })
    const cookie = await signInAs(t, 'priya.ask@example.org')
    const oluCookie = await signInAs(t, 'olu.ask@example.org')
    const json = (c: string, path: string, method = 'GET', body?: unknown) =>
      asMember(t, c, `/api${path}`, {
        method,
        headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      })
    const asked = await json(cookie, '/account/questions', 'POST', {
      whatHappened: 'Can I be made to work every Sunday?',
      nation: 'england-wales',
      employmentStatus: 'employee',
      notify: true,
    })
    expect(asked.status).toBe(201)
    expect(await asked.json()).toMatchObject({ token: null, replyUrl: 'http://site.test/account/#questions' })
    const list = (await (await json(cookie, '/account/questions')).json()) as {
      questions: { id: number; entries: { body: string }[] }[]
    }
    expect(list.questions).toHaveLength(1)
    expect(list.questions[0].entries[0].body).toBe('Can I be made to work every Sunday?')
    const id = list.questions[0].id
    const stored = await t.payload.findByID({
      collection: 'questions',
      id,
      overrideAccess: true,
      showHiddenFields: true,
      depth: 0,
    })
    expect(stored).toMatchObject({
      asker: priya.id,
      notifyEmail: 'priya.ask@example.org',
      replyTokenHash: null,
    })

    expect((await json(oluCookie, `/account/questions/${id}`)).status).toBe(404)
    expect(
      ((await (await json(oluCookie, '/account/questions')).json()) as { questions: unknown[] }).questions,
    ).toEqual([])
    expect(
      (await json(cookie, `/account/questions/${id}/follow-up`, 'POST', { body: 'And bank holidays?' }))
        .status,
    ).toBe(200)
    expect((await fetch(`${t.api}/account/questions`, { headers: { Origin: SITE } })).status).toBe(401)

    expect((await json(cookie, '/account/erase', 'POST', { confirm: true })).status).toBe(200)
    expect(
      await t.payload.count({
        collection: 'questions',
        where: { asker: { equals: priya.id } },
        overrideAccess: true,
      }),
    ).toEqual({ totalDocs: 0 })
    expect(
      await t.payload.findByID({ collection: 'questions', id, overrideAccess: true, disableErrors: true }),
    ).toBeNull()
  })
})
