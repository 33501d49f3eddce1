import { getPayload } from 'payload'
import { describe, expect, it } from 'vitest'
import { createConfig } from '../../cms/config'

describe('committed migrations', () => {
  it('match the collections: generating a migration now finds nothing to change', async () => {
    const payload = await getPayload({ config: createConfig({ databaseUri: 'file::memory:', secret: 'test' }), key: 'migration-check', disableOnInit: true, cron: false })
    const db = payload.db as unknown as {
      schema: unknown
      migrationDir: string
      requireDrizzleKit: () => { generateDrizzleJson: (s: unknown) => Promise<unknown>; generateMigration: (a: unknown, b: unknown) => Promise<string[]> }
    }
    const { readdirSync, readFileSync } = await import('node:fs')
    const latest = readdirSync(db.migrationDir).filter((f) => f.endsWith('.json')).sort().at(-1)
    expect(latest, 'no migration snapshot committed in cms/migrations').toBeDefined()
    const before = JSON.parse(readFileSync(`${db.migrationDir}/${latest}`, 'utf8'))
    const kit = db.requireDrizzleKit()
    const after = await kit.generateDrizzleJson(db.schema)
    const statements = await kit.generateMigration(before, after)
    expect(statements, 'The collections changed without a migration: run "npm run migrate:create -- <name>" and commit it.').toEqual([])
    await payload.destroy()
  })
})
