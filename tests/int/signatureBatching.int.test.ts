/**
 * Signatures stored in batches through the real endpoints (Payload's router over HTTP, a real
 * SQLite file): one row per person however many submissions arrive at once, and a database error
 * fails every request of its batch with nothing half-stored.
 */
import path from 'node:path'
import { createClient } from '@libsql/client'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

vi.hoisted(() => {
  process.env.JOBS_AUTORUN = 'false'
  process.env.TRUST_PROXY = '1'
  process.env.SITE_URL = 'http://site.test'
})

import { storeSignatures } from '../../cms/campaigns/sign'
import { make } from '../helpers/factories'
import { startHarness, type ServedHarness } from '../helpers/harness'

let t: ServedHarness
let ip = 0

const sign = (slug: string, body: Record<string, string>) =>
  fetch(`${t.api}/public/petitions/${slug}/sign`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': `10.9.${++ip}.1` },
    body: JSON.stringify(body),
  })
const signaturesOf = async (petition: number) =>
  (
    await t.payload.find({
      collection: 'signatures',
      where: { petition: { equals: petition } },
      overrideAccess: true,
      pagination: false,
      depth: 0,
    })
  ).docs

beforeAll(async () => {
  t = await startHarness({ withServer: true })
})
afterAll(async () => {
  await t?.close()
})

describe('batched signing', () => {
  it('stores one row when the same person signs three times at once, and answers the repeats as repeats', async () => {
    const petition = await make.petition(t.payload)
    const answers = await Promise.all(
      ['ria.khan@gmail.com', 'RiaKhan@gmail.com', 'ria.khan+p@googlemail.com'].map((email) =>
        sign(petition.slug!, { name: 'Ria', email }),
      ),
    )
    expect(answers.map((a) => a.status)).toEqual([202, 202, 202])
    const rows = await signaturesOf(petition.id)
    expect(rows).toHaveLength(1)
    expect(rows[0].emailCanonical).toBe('riakhan@gmail.com')
    // The repeats went the repeat way: each counted one more confirmation email on the one row.
    expect(rows[0].confirmationsSent).toBeGreaterThanOrEqual(2)
  })

  it('tells, row by row, which signatures in one batch were new and which had signed already', async () => {
    const petition = await make.petition(t.payload)
    const row = (email: string, hash: string) => ({
      petition: petition.id,
      name: 'N',
      email,
      emailCanonical: email,
      state: 'pending' as const,
      confirmTokenHash: hash,
      flags: ['no-stamp'],
    })
    const first = await storeSignatures(t.payload, [
      row('a@example.org', 'h1'),
      row('b@example.org', 'h2'),
      row('a@example.org', 'h3'),
    ])
    expect(first[0]).toEqual({ id: expect.any(Number), state: 'pending', inserted: true })
    expect(first[1]).toEqual({ id: expect.any(Number), state: 'pending', inserted: true })
    expect(first[2]).toBeNull()
    const second = await storeSignatures(t.payload, [row('b@example.org', 'h4'), row('c@example.org', 'h5')])
    expect(second[0]).toBeNull()
    const rows = await signaturesOf(petition.id)
    expect(rows.map((r) => r.emailCanonical).sort()).toEqual([
      'a@example.org',
      'b@example.org',
      'c@example.org',
    ])
    // Flags belong to the new rows only, never to the older signature a repeat clashed with.
    expect(rows.map((r) => r.flags)).toEqual([['no-stamp'], ['no-stamp'], ['no-stamp']])
  })

  it('fails every request of a batch with a 5xx and stores none of it when the database refuses the write', async () => {
    const petition = await make.petition(t.payload)
    await sign(petition.slug!, { name: 'Warm', email: 'warm@example.org' }) // the petition is now cached
    const before = (await t.outbox()).length
    // Another process holds the write lock for longer than the busy timeout.
    const other = createClient({ url: `file:${path.join(t.dir, 'test.db')}` })
    await other.execute('BEGIN IMMEDIATE')
    try {
      const answers = await Promise.all(
        ['x1', 'x2', 'x3'].map((n) => sign(petition.slug!, { name: n, email: `${n}@example.org` })),
      )
      expect(answers.map((a) => a.status >= 500)).toEqual([true, true, true])
    } finally {
      await other.execute('ROLLBACK')
      other.close()
    }
    expect((await signaturesOf(petition.id)).map((s) => s.name)).toEqual(['Warm'])
    expect((await t.outbox()).length).toBe(before)
  }, 30_000)
})
