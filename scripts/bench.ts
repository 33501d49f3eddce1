/**
 * `npm run bench [-- <name>…]`: runs every benchmark in scripts/bench/ (or the named ones), one
 * process each, and prints their figures. Benchmarks measure; tests never time anything.
 */
import { spawnSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import path from 'node:path'

const dir = path.resolve('scripts/bench')
const wanted = process.argv.slice(2)
const benches = readdirSync(dir)
  .filter((f) => f.endsWith('.ts') && !f.startsWith('_'))
  .map((f) => f.replace(/\.ts$/, ''))
  .filter((name) => wanted.length === 0 || wanted.includes(name))
  .sort()

if (benches.length === 0) {
  console.error(`No benchmark named ${wanted.join(', ')}. Available: ${readdirSync(dir).filter((f) => f.endsWith('.ts')).map((f) => f.replace(/\.ts$/, '')).join(', ')}`)
  process.exit(1)
}
let failed = 0
for (const name of benches) {
  console.log(`\n=== ${name} ===`)
  const result = spawnSync(process.execPath, [path.resolve('node_modules/tsx/dist/cli.mjs'), path.join(dir, `${name}.ts`)], { stdio: 'inherit', env: { ...process.env, LOG_LEVEL: 'warn' } })
  if (result.status !== 0) {
    failed++
    console.error(`${name} failed (exit ${result.status})`)
  }
}
process.exit(failed ? 1 : 0)
