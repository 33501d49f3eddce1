/**
 * `npm run bench [-- <name>… [options]]`: runs every benchmark in scripts/bench/ (or the named
 * ones), one process each, and prints their figures. Arguments that are not benchmark names are
 * passed on to each (`npm run bench -- signatures --seconds 10`). Benchmarks measure; tests never
 * time anything.
 */
import { spawnSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import path from 'node:path'

const dir = path.resolve('scripts/bench')
const available = readdirSync(dir)
  .filter((f) => f.endsWith('.ts') && !f.startsWith('_'))
  .map((f) => f.replace(/\.ts$/, ''))
  .sort()
const args = process.argv.slice(2)
// A word (not an option, not a number, not an option's value) is meant as a benchmark's name.
const isName = (a: string, i: number) =>
  /^[a-z][a-z0-9-]*$/i.test(a) && !(i > 0 && args[i - 1].startsWith('--') && !args[i - 1].includes('='))
const wanted = args.filter(isName)
const passOn = args.filter((a, i) => !isName(a, i))
const unknown = wanted.filter((name) => !available.includes(name))
if (unknown.length) {
  console.error(`No benchmark named ${unknown.join(', ')}. Available: ${available.join(', ')}`)
  process.exit(1)
}
const benches = wanted.length ? wanted : available
let failed = 0
for (const name of benches) {
  console.log(`\n=== ${name} ===`)
  const result = spawnSync(
    process.execPath,
    [path.resolve('node_modules/tsx/dist/cli.mjs'), path.join(dir, `${name}.ts`), ...passOn],
    { stdio: 'inherit', env: { ...process.env, LOG_LEVEL: 'warn' } },
  )
  if (result.status !== 0) {
    failed++
    console.error(`${name} failed (exit ${result.status})`)
  }
}
process.exit(failed ? 1 : 0)
