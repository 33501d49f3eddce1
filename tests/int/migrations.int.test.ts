import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { SQLiteAdapter } from '@payloadcms/db-sqlite'
import { getPayload } from 'payload'
import { describe, expect, it } from 'vitest'
import { createConfig } from '../../cms/config'
import { sqlHandle } from '../../cms/db/rows'
import { startHarness } from '../helpers/harness'

describe('committed migrations', () => {
  it('match the collections: generating a migration now finds nothing to change', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'organise-migrations-'))
    const payload = await getPayload({
      config: createConfig({ databaseUri: `file:${path.join(dir, 'check.db')}`, secret: 'test' }),
      key: 'migration-check',
      disableOnInit: true,
      cron: false,
    })
    // eslint-disable-next-line no-restricted-syntax -- this config's database is a SQLite file, so payload.db is @payloadcms/db-sqlite's SQLiteAdapter (drizzle-kit and the schema); Payload types it as any database's adapter
    const db = payload.db as unknown as SQLiteAdapter
    const { readdirSync, readFileSync } = await import('node:fs')
    const latest = readdirSync(db.migrationDir)
      .filter((f) => f.endsWith('.json'))
      .sort()
      .at(-1)
    expect(latest, 'no migration snapshot committed in cms/migrations').toBeDefined()
    const before = JSON.parse(readFileSync(`${db.migrationDir}/${latest}`, 'utf8'))
    const kit = db.requireDrizzleKit()
    const after = await kit.generateDrizzleJson(db.schema)
    const statements = await kit.generateMigration(before, after)
    expect(
      statements,
      'The collections changed without a migration: run "npm run migrate:create -- <name>" and commit it.',
    ).toEqual([])
    await payload.destroy()
    await rm(dir, { recursive: true, force: true })
  })

  it("find a signature's or member's flags through an index on parent_id, not by reading the whole table", async () => {
    const t = await startHarness()
    try {
      const client = sqlHandle(t.payload)!.client
      for (const table of ['signatures_texts', 'members_texts']) {
        const plan = (
          await client.execute(`EXPLAIN QUERY PLAN SELECT "text" FROM "${table}" WHERE "parent_id" IN (1, 2)`)
        ).rows.map((r) => String(r.detail))
        expect(plan.join(' | ')).toMatch(new RegExp(`SEARCH ${table} USING INDEX ${table}_parent_idx`))
      }
    } finally {
      await t.close()
    }
  })
})
