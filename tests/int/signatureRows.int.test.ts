/**
 * The SQL that writes signatures without Payload's Local API (cms/campaigns/signatureRows.ts),
 * against a real SQLite file with the committed migrations: the table and column names it relies
 * on, new rows and clashes in one batch, and repeats that renew a pending link, count a confirmed
 * one, and leave a capped one alone.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

vi.hoisted(() => {
  process.env.JOBS_AUTORUN = 'false'
})

import { storeSignatures, type NewSignature } from '../../cms/campaigns/signatureRows'
import { sqlHandle } from '../../cms/db/rows'
import { make } from '../helpers/factories'
import { startHarness, type Harness } from '../helpers/harness'

let t: Harness
beforeAll(async () => {
  t = await startHarness()
})
afterAll(async () => {
  await t?.close()
})

const at = '2026-12-06T10:00:00.000Z'
const row = (petition: number, email: string, hash: string): NewSignature => ({
  petition,
  name: 'Tom',
  email,
  emailCanonical: email,
  state: 'pending',
  confirmTokenHash: hash,
  confirmationsSent: 1,
  confirmEmailState: 'owed',
  confirmEmailAttempts: 0,
  confirmEmailNextAt: at,
  pendingSince: at,
  flags: [],
})
const byId = (id: number | string) =>
  t.payload.findByID({ collection: 'signatures', id, overrideAccess: true, depth: 0 })

describe('the signature rows written with SQL', () => {
  it('relies on a signatures table with these columns, as the migrations make it', () => {
    const table = sqlHandle(t.payload)!.tables.signatures
    const names = [
      'petition',
      'emailCanonical',
      'state',
      'confirmTokenHash',
      'confirmationsSent',
      'confirmEmailState',
      'confirmEmailAttempts',
      'confirmEmailNextAt',
      'confirmEmailError',
      'pendingSince',
      'updatedAt',
    ]
    expect(Object.fromEntries(names.map((n) => [n, table[n]?.name]))).toEqual({
      petition: 'petition_id',
      emailCanonical: 'email_canonical',
      state: 'state',
      confirmTokenHash: 'confirm_token_hash',
      confirmationsSent: 'confirmations_sent',
      confirmEmailState: 'confirm_email_state',
      confirmEmailAttempts: 'confirm_email_attempts',
      confirmEmailNextAt: 'confirm_email_next_at',
      confirmEmailError: 'confirm_email_error',
      pendingSince: 'pending_since',
      updatedAt: 'updated_at',
    })
  })

  it('stores new rows in one batch, and a second of the same address in that batch gets no result', async () => {
    const p = await make.petition(t.payload)
    const first = await storeSignatures(t.payload, [
      row(p.id, 'a@example.org', 'h1'),
      row(p.id, 'b@example.org', 'h2'),
      row(p.id, 'a@example.org', 'h3'),
    ])
    expect(first.map((r) => r && { state: r.state, inserted: r.inserted })).toEqual([
      null,
      { state: 'pending', inserted: true },
      { state: 'pending', inserted: true },
    ])
    const [a] = (
      await t.payload.find({
        collection: 'signatures',
        where: { emailCanonical: { equals: 'a@example.org' } },
        overrideAccess: true,
      })
    ).docs
    // The row keeps the later link, and only the request that sent that link got a result.
    expect(a).toMatchObject({ confirmTokenHash: 'h3', confirmationsSent: 2 })
  })

  it('gives a pending repeat a new owed link, counts a confirmed one without touching its link, and leaves a capped one alone', async () => {
    const p = await make.petition(t.payload)
    const made = await storeSignatures(t.payload, [
      row(p.id, 'p@example.org', 'old-p'),
      row(p.id, 'c@example.org', 'old-c'),
      row(p.id, 'x@example.org', 'old-x'),
    ])
    const [pending, confirmed, capped] = made.map((r) => r!.id)
    await t.payload.update({
      collection: 'signatures',
      id: pending,
      data: { confirmEmailState: 'sent', confirmEmailAttempts: 2, pendingSince: '2026-12-01T00:00:00.000Z' },
      overrideAccess: true,
    })
    await t.payload.update({
      collection: 'signatures',
      id: confirmed,
      data: { state: 'confirmed', confirmEmailState: 'sent' },
      overrideAccess: true,
    })
    await t.payload.update({
      collection: 'signatures',
      id: capped,
      data: { confirmationsSent: 3 },
      overrideAccess: true,
    })
    const later = '2026-12-06T11:00:00.000Z'
    const again = (email: string, hash: string) => ({
      ...row(p.id, email, hash),
      pendingSince: later,
      confirmEmailNextAt: later,
    })
    const results = await storeSignatures(t.payload, [
      again('p@example.org', 'new-p'),
      again('c@example.org', 'new-c'),
      again('x@example.org', 'new-x'),
    ])
    expect(results).toEqual([
      { id: pending, state: 'pending', inserted: false },
      { id: confirmed, state: 'confirmed', inserted: false },
      null,
    ])
    expect(await byId(pending)).toMatchObject({
      confirmTokenHash: 'new-p',
      confirmationsSent: 2,
      confirmEmailState: 'owed',
      confirmEmailAttempts: 0,
      pendingSince: later,
    })
    expect(await byId(confirmed)).toMatchObject({
      confirmTokenHash: 'old-c',
      confirmationsSent: 2,
      confirmEmailState: 'sent',
    })
    expect(await byId(capped)).toMatchObject({ confirmTokenHash: 'old-x', confirmationsSent: 3 })
  })

  it('changes nothing for a repeat that sends no email (flagged), and gives its flags to no older row', async () => {
    const p = await make.petition(t.payload)
    const [made] = await storeSignatures(t.payload, [row(p.id, 'f@example.org', 'first')])
    const quiet = {
      ...row(p.id, 'f@example.org', 'bot'),
      confirmEmailState: null,
      confirmationsSent: 0,
      flags: ['honeypot'],
    }
    expect(await storeSignatures(t.payload, [quiet])).toEqual([null])
    expect(await byId(made!.id)).toMatchObject({ confirmTokenHash: 'first', confirmationsSent: 1, flags: [] })
  })
})
