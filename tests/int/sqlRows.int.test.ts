/**
 * The SQL we write ourselves (cms/db/rows.ts) against a real SQLite file made by the committed
 * migrations: every table and column it names exists there under the name it uses (read from
 * SQLite itself, PRAGMA table_info), pinned so a rename in Payload or a migration fails here
 * loudly; and what each statement does.
 */
import { getTableColumns, type Column } from 'drizzle-orm'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

vi.hoisted(() => {
  process.env.JOBS_AUTORUN = 'false'
})

import { rateLimitsTable } from '../../cms/db/rateLimitsTable'
import {
  BUSY_TIMEOUT_MS,
  RELIED_ON,
  sqlHandle,
  sqlNames,
  sqlRows,
  type SqlHandle,
  type SqlRows,
} from '../../cms/db/rows'
import { make } from '../helpers/factories'
import { startHarness, type Harness } from '../helpers/harness'

let t: Harness
let handle: SqlHandle
let rows: SqlRows
beforeAll(async () => {
  t = await startHarness()
  handle = sqlHandle(t.payload)!
  rows = sqlRows(t.payload)!
})
afterAll(async () => {
  await t?.close()
})

/** The columns of a table as SQLite has them. */
const columnsInFile = async (table: string): Promise<string[]> =>
  (await handle.client.execute(`PRAGMA table_info("${table}")`)).rows.map((r) => String(r.name))

describe('the SQL that bypasses Payload', () => {
  it('names tables and columns that the migrations made, under these names', async () => {
    const names = sqlNames(handle)
    for (const table of Object.keys(RELIED_ON) as (keyof typeof RELIED_ON)[]) {
      const inFile = await columnsInFile(table)
      expect(inFile, `table ${table} in the SQLite file`).not.toEqual([])
      for (const [field, column] of Object.entries(names[table]))
        expect(inFile, `${table}.${field} is the column "${column}"`).toContain(column)
    }
    expect(names).toEqual({
      signatures: {
        id: 'id',
        petition: 'petition_id',
        emailCanonical: 'email_canonical',
        state: 'state',
        confirmTokenHash: 'confirm_token_hash',
        confirmationsSent: 'confirmations_sent',
        confirmedAt: 'confirmed_at',
        pendingSince: 'pending_since',
        confirmEmailState: 'confirm_email_state',
        confirmEmailAttempts: 'confirm_email_attempts',
        confirmEmailNextAt: 'confirm_email_next_at',
        confirmEmailError: 'confirm_email_error',
        createdAt: 'created_at',
        updatedAt: 'updated_at',
      },
      signatures_texts: { order: 'order', parent: 'parent_id', path: 'path', text: 'text' },
      members: {
        id: 'id',
        state: 'state',
        confirmTokenHash: 'confirm_token_hash',
        confirmedAt: 'confirmed_at',
        confirmEmailState: 'confirm_email_state',
        confirmEmailNextAt: 'confirm_email_next_at',
        confirmEmailError: 'confirm_email_error',
        updatedAt: 'updated_at',
      },
      rate_limits: { key: 'key', points: 'points', expire: 'expire' },
      registrations: {
        id: 'id',
        session: 'session_id',
        member: 'member_id',
        state: 'state',
        position: 'position',
        movedUpAt: 'moved_up_at',
        cancelledAt: 'cancelled_at',
        remindedAt: 'reminded_at',
        activeKey: 'active_key',
        updatedAt: 'updated_at',
      },
    })
  })

  it('inserts signatures into every column of the table, and the table has no other', async () => {
    const columns: Record<string, Column> = getTableColumns(handle.tables.signatures)
    const drizzleColumns = Object.values(columns).map((c) => c.name)
    expect(drizzleColumns.sort()).toEqual((await columnsInFile('signatures')).sort())
  })

  it('confirms a pending record once: the second call changes nothing', async () => {
    const p = await make.petition(t.payload)
    const [s] = await rows.upsertSignatures(
      [
        {
          petition: p.id,
          name: 'Tom',
          email: 'tom@example.org',
          emailCanonical: 'tom@example.org',
          state: 'pending',
          confirmTokenHash: 'h-tom',
          confirmationsSent: 1,
          confirmEmailState: 'owed',
          confirmEmailAttempts: 0,
          confirmEmailNextAt: '2026-12-06T10:00:00.000Z',
          flags: [],
        },
      ],
      '2026-12-06T10:00:00.000Z',
      3,
    )
    const at = '2026-12-06T10:05:00.000Z'
    expect(await rows.confirmPending('signatures', s!.id, at)).toBe(true)
    expect(await rows.confirmPending('signatures', s!.id, at)).toBe(false)
    expect(
      await t.payload.findByID({ collection: 'signatures', id: s!.id, overrideAccess: true, depth: 0 }),
    ).toMatchObject({ state: 'confirmed', confirmedAt: at })
  })

  it('claims an owed email only while it is as it was read, and marks only owed emails sent', async () => {
    const m = await t.payload.create({
      collection: 'members',
      overrideAccess: true,
      data: {
        firstName: 'Sara',
        email: 'sara@example.org',
        emailCanonical: 'sara@example.org',
        consentEmail: true,
        consentUnionInterest: true,
        consentVersion: 'test',
        state: 'pending',
        confirmEmailState: 'owed',
        confirmEmailNextAt: '2026-12-06T10:00:00.000Z',
      },
    })
    const read = { id: m.id, confirmEmailNextAt: '2026-12-06T10:00:00.000Z' }
    const lease = { confirmTokenHash: 'new', confirmEmailNextAt: '2026-12-06T10:01:00.000Z' }
    expect(await rows.claimOwed('members', read, lease)).toBe(true)
    expect(await rows.claimOwed('members', read, lease)).toBe(false)
    await rows.markSent('members', [m.id])
    const sent = await t.payload.findByID({ collection: 'members', id: m.id, overrideAccess: true })
    expect(sent).toMatchObject({
      confirmTokenHash: 'new',
      confirmEmailState: 'sent',
      confirmEmailNextAt: null,
    })
    await t.payload.update({
      collection: 'members',
      id: m.id,
      data: { confirmEmailState: 'failed' },
      overrideAccess: true,
    })
    await rows.markSent('members', [m.id])
    expect(await t.payload.findByID({ collection: 'members', id: m.id, overrideAccess: true })).toMatchObject(
      {
        confirmEmailState: 'failed',
      },
    )
  })

  it('deletes only expired rate-limit counts', async () => {
    const now = Date.parse('2026-12-06T10:00:00.000Z')
    await handle.drizzle.insert(rateLimitsTable).values([
      { key: 'old', points: 1, expire: new Date(now - 1000) },
      { key: 'live', points: 1, expire: new Date(now + 60_000) },
    ])
    expect(await rows.deleteExpiredRateLimits(now)).toBe(1)
    const left = await handle.client.execute('select "key" from "rate_limits"')
    expect(left.rows.map((r) => r.key)).toEqual(['live'])
  })

  it("waits for another connection's write lock instead of failing at once (busy_timeout)", async () => {
    const res = await handle.client.execute('PRAGMA busy_timeout')
    expect(Number(Object.values(res.rows[0])[0])).toBe(BUSY_TIMEOUT_MS)
  })

  it('is not there on another database (MongoDB): callers use Payload', () => {
    const mongo = { db: { packageName: '@payloadcms/db-mongodb' } }
    // eslint-disable-next-line no-restricted-syntax -- only the adapter's package name is read
    expect(sqlRows(mongo as unknown as Payload)).toBeNull()
  })
})
