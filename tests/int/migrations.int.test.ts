import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { getPayload } from 'payload'
import { describe, expect, it } from 'vitest'
import { createConfig } from '../../cms/config'
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
    const db = payload.db as unknown as {
      schema: unknown
      migrationDir: string
      requireDrizzleKit: () => {
        generateDrizzleJson: (s: unknown) => Promise<unknown>
        generateMigration: (a: unknown, b: unknown) => Promise<string[]>
      }
    }
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
      const client = (
        t.payload.db as unknown as {
          client: { execute: (q: string) => Promise<{ rows: Record<string, unknown>[] }> }
        }
      ).client
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
