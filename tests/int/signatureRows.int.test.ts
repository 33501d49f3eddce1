/**
 * The SQL that writes signatures without Payload's Local API (cms/petitions/signatureRows.ts),
 * against a real SQLite file with the committed migrations: the table and column names it relies
 * on, new rows and clashes in one batch, and repeats that renew a pending link, count a confirmed
 * one, and leave a capped one alone.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

vi.hoisted(() => {
  process.env.JOBS_AUTORUN = 'false'
})

import { insertSignatures, repeatSignatures, type NewSignature } from '../../cms/petitions/signatureRows'
import { make } from '../helpers/factories'
import { startTestPayload, type TestPayload } from '../helpers/payload'

let t: TestPayload
beforeAll(async () => {
  t = await startTestPayload()
})
afterAll(async () => {
  await t?.cleanup()
})

const row = (petition: number, email: string, hash: string): NewSignature => ({
  petition,
  name: 'Tom',
  email,
  emailCanonical: email,
  state: 'pending',
  confirmTokenHash: hash,
  confirmationsSent: 1,
  flags: [],
})
const byId = (id: number) => t.payload.findByID({ collection: 'signatures', id, overrideAccess: true, depth: 0 })
const at = '2026-12-06T10:00:00.000Z'

describe('the signature rows written with SQL', () => {
  it('relies on a signatures table with these columns, as the migrations make it', () => {
    const table = (t.payload.db as unknown as { tables: Record<string, Record<string, { name: string }>> }).tables.signatures
    const names = ['petition', 'emailCanonical', 'state', 'confirmTokenHash', 'confirmationsSent', 'confirmEmailState', 'confirmEmailAttempts', 'confirmEmailNextAt', 'confirmEmailError', 'pendingSince', 'updatedAt']
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

  it('stores new rows in one batch and says which clashed with an earlier one', async () => {
    const p = await make.petition(t.payload)
    const first = await insertSignatures(t.payload, [row(p.id, 'a@example.org', 'h1'), row(p.id, 'b@example.org', 'h2'), row(p.id, 'a@example.org', 'h3')])
    expect(first.map((id) => id === null)).toEqual([false, false, true])
    const again = await insertSignatures(t.payload, [row(p.id, 'b@example.org', 'h4')])
    expect(again).toEqual([null])
    expect((await byId(first[0]!)).confirmTokenHash).toBe('h1')
  })

  it('gives a pending repeat a new owed link, counts a confirmed one without touching its link, and leaves a capped one alone', async () => {
    const p = await make.petition(t.payload)
    const [pending, confirmed, capped] = (await insertSignatures(t.payload, [row(p.id, 'p@example.org', 'old-p'), row(p.id, 'c@example.org', 'old-c'), row(p.id, 'x@example.org', 'old-x')])) as number[]
    await t.payload.update({ collection: 'signatures', id: confirmed, data: { state: 'confirmed', confirmEmailState: 'sent' }, overrideAccess: true })
    await t.payload.update({ collection: 'signatures', id: capped, data: { confirmationsSent: 3 }, overrideAccess: true })
    const repeat = (email: string, hash: string) => ({ petition: p.id, emailCanonical: email, confirmTokenHash: hash, at, emailNextAt: at })
    const results = await repeatSignatures(t.payload, [repeat('p@example.org', 'new-p'), repeat('c@example.org', 'new-c'), repeat('x@example.org', 'new-x'), repeat('nobody@example.org', 'n')])
    expect(results).toEqual([{ id: pending, state: 'pending' }, { id: confirmed, state: 'confirmed' }, null, null])
    expect(await byId(pending)).toMatchObject({ confirmTokenHash: 'new-p', confirmationsSent: 2, confirmEmailState: 'owed', confirmEmailAttempts: 0, pendingSince: at })
    expect(await byId(confirmed)).toMatchObject({ confirmTokenHash: 'old-c', confirmationsSent: 2, confirmEmailState: 'sent' })
    expect(await byId(capped)).toMatchObject({ confirmTokenHash: 'old-x', confirmationsSent: 3 })
  })

  it('counts the same address twice in one batch once, and only the repeat whose link was kept gets an email', async () => {
    const p = await make.petition(t.payload)
    const [id] = (await insertSignatures(t.payload, [row(p.id, 'twice@example.org', 'old')])) as number[]
    const repeat = (hash: string) => ({ petition: p.id, emailCanonical: 'twice@example.org', confirmTokenHash: hash, at, emailNextAt: at })
    const results = await repeatSignatures(t.payload, [repeat('first'), repeat('second')])
    const stored = await byId(id)
    expect(stored.confirmationsSent).toBe(2)
    expect(results.filter(Boolean)).toEqual([{ id, state: 'pending' }])
    expect(results[['first', 'second'].indexOf(stored.confirmTokenHash!)]).toEqual({ id, state: 'pending' })
  })
})
