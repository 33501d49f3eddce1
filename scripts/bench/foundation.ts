/**
 * Foundation figures: opening Payload on a new and on a migrated SQLite file, seeding the demo
 * content, exporting the snapshot, and building the site from it.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { initPayload } from '../../cms/initPayload'
import { seed } from '../../cms/seed/seed'
import { runAstroBuild, exportSnapshot } from '../../cms/publish'

process.env.PROJECT_ROOT ||= process.cwd()
const dir = await mkdtemp(path.join(os.tmpdir(), 'organise-bench-'))
const time = async <T>(fn: () => Promise<T>): Promise<[T, number]> => {
  const t = performance.now()
  const r = await fn()
  return [r, performance.now() - t]
}
const uri = `file:${path.join(dir, 'bench.db')}`
const [payload, initNew] = await time(() => initPayload({ databaseUri: uri, secret: 'bench', key: 'a' }))
const [counts, seedMs] = await time(() => seed(payload, path.resolve('scripts/seed-data')))
const [, exportMs] = await time(() => exportSnapshot(payload, path.join(dir, 'snapshot')))
await payload.destroy()
const [again, initMigrated] = await time(() => initPayload({ databaseUri: uri, secret: 'bench', key: 'b' }))
await again.destroy()
const [, buildMs] = await time(() => runAstroBuild(path.join(dir, 'snapshot'), path.join(dir, 'site')))

const rows: [string, string][] = [
  ['Payload init + migrations, new SQLite file', `${initNew.toFixed(0)} ms`],
  [
    'Payload init, migrated SQLite file',
    `${initMigrated.toFixed(0)} ms (${(initNew / initMigrated).toFixed(1)}× faster)`,
  ],
  [
    `Seed (${counts.guides} guides, ${counts.templates} templates, ${counts.unions} unions…)`,
    `${seedMs.toFixed(0)} ms`,
  ],
  ['Snapshot export', `${exportMs.toFixed(0)} ms`],
  ['Static site build (astro build, child process)', `${buildMs.toFixed(0)} ms`],
]
for (const [k, v] of rows) console.log(`${k.padEnd(60)} ${v}`)
await rm(dir, { recursive: true, force: true })
process.exit(0)
