/**
 * The migration that gives members sign-in and registrations (20261206_232448): run on a database
 * that already holds members, it keeps every member with their networks and flags, and turns each
 * member's one training session into a registration with a place. The migrations after it (drafts,
 * 20261207_070716, rebuilds the networks and sessions tables) keep those rows, published.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { getPayload, type Migration, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createConfig } from '../../cms/config'
import { migrations } from '../../cms/migrations'

type Client = { execute: (q: string) => Promise<{ rows: Record<string, unknown>[] }> }

const NAME = '20261206_232448_members_sign_in_registrations'

let payload: Payload
let dir: string
let client: Client

const rows = async (q: string) => (await client.execute(q)).rows.map((r) => ({ ...r }))

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'organise-migration-'))
  payload = await getPayload({
    config: createConfig({ databaseUri: `file:${path.join(dir, 'm.db')}`, secret: 'test' }),
    key: 'member-sign-in-migration',
    cron: false,
  })
  // eslint-disable-next-line no-restricted-syntax -- the SQLite adapter's libSQL client, for the tables as they were before this migration
  client = (payload.db as unknown as { client: Client }).client
  const at = migrations.findIndex((m) => m.name === NAME)
  expect(at).toBeGreaterThan(0)
  await payload.db.migrate({ migrations: migrations.slice(0, at) as Migration[] })
  const now = new Date().toISOString()
  await client.execute(
    `INSERT INTO training_sessions (id, title, slug, summary, start, "end") VALUES (7, 'Know your rights', 'know-your-rights', 'Rights.', '${now}', '${now}')`,
  )
  await client.execute(
    `INSERT INTO networks (id, name, slug, description, sector, region) VALUES (3, 'Care workers', 'care', 'Care.', 'care', 'UK')`,
  )
  for (const [id, session] of [
    [1, 7],
    [2, null],
  ])
    await client.execute(
      `INSERT INTO members (id, first_name, email, email_canonical, consent_email, consent_union_interest, consent_version, state, training_session_id, updated_at, created_at)
       VALUES (${id}, 'M${id}', 'm${id}@example.org', 'm${id}@example.org', 1, 1, 'v1', 'confirmed', ${session}, '${now}', '2026-01-0${id}T10:00:00.000Z')`,
    )
  await client.execute(
    `INSERT INTO members_rels ("order", parent_id, path, networks_id) VALUES (1, 1, 'networks', 3)`,
  )
  await client.execute(
    `INSERT INTO members_texts ("order", parent_id, path, text) VALUES (1, 2, 'flags', 'fast')`,
  )
  await payload.db.migrate({ migrations: migrations as Migration[] })
})

afterAll(async () => {
  await payload?.destroy()
  if (dir) await rm(dir, { recursive: true, force: true })
})

describe('the members sign-in and registrations migration', () => {
  it('keeps every member with their networks and flags', async () => {
    expect(await rows('SELECT id, first_name FROM members ORDER BY id')).toEqual([
      { id: 1, first_name: 'M1' },
      { id: 2, first_name: 'M2' },
    ])
    expect(await rows('SELECT parent_id, networks_id FROM members_rels')).toEqual([
      { parent_id: 1, networks_id: 3 },
    ])
    expect(await rows('SELECT parent_id, text FROM members_texts')).toEqual([{ parent_id: 2, text: 'fast' }])
    // Drafts came later: what was live stays live (and rebuilding the tables lost no links to them).
    expect(await rows('SELECT id, _status FROM networks')).toEqual([{ id: 3, _status: 'published' }])
    expect(await rows('SELECT id, _status FROM training_sessions')).toEqual([{ id: 7, _status: 'published' }])
  })

  it("turns a member's training session into a registration with a place, and drops the column", async () => {
    const { docs } = await payload.find({ collection: 'registrations', overrideAccess: true, depth: 0 })
    expect(docs).toMatchObject([{ member: 1, session: 7, state: 'registered' }])
    expect(docs[0].createdAt).toBe('2026-01-01T10:00:00.000Z')
    const columns = (await rows('PRAGMA table_info(members)')).map((c) => c.name)
    expect(columns).not.toContain('training_session_id')
    expect(columns).toContain('sign_in_token_hash')
  })

  it('leaves the foreign keys of the tables that point at members working', async () => {
    expect(await rows('PRAGMA foreign_key_check')).toEqual([])
    await payload.delete({ collection: 'members', id: 1, overrideAccess: true })
    expect(await rows('SELECT count(*) AS n FROM members_rels')).toEqual([{ n: 0 }])
    expect(await rows('SELECT count(*) AS n FROM registrations')).toEqual([{ n: 0 }])
  })
})
