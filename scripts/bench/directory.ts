/**
 * Bench: what the training, union and network pages cost a reader on a slow phone: HTML and the
 * JavaScript each page loads (following dynamic imports), raw and gzipped, and the finder's speed.
 *   npx tsx scripts/bench/directory.ts [built-site-dir]
 * Without a folder it builds the site from tests/fixtures/snapshot first.
 */
import { existsSync, readFileSync } from 'node:fs'
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import { runAstroBuild } from '../../cms/publish'
import { rankUnions } from '../../site/src/lib/finder'

const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`

/** Every script file a page loads, following static and dynamic imports between our own chunks. */
const scriptsOf = (root: string, html: string): string[] => {
  const seen = new Set<string>()
  const queue = [...html.matchAll(/<script[^>]*src="([^"]+)"/g)].map((m) => m[1])
  while (queue.length) {
    const src = queue.shift()!
    const file = path.join(root, src)
    if (seen.has(file) || !existsSync(file)) continue
    seen.add(file)
    const code = readFileSync(file, 'utf8')
    for (const m of code.matchAll(/(?:from|import\()\s*["'](\.\/[^"']+\.js)["']/g))
      queue.push(path.posix.join(path.posix.dirname(src), m[1]))
    for (const m of code.matchAll(/"(assets\/[^"]+\.js)"/g)) queue.push(`/${m[1]}`)
  }
  return [...seen]
}

const main = async () => {
  let root = process.argv[2]
  let cleanup = async () => {}
  if (!root) {
    root = await mkdtemp(path.join(os.tmpdir(), 'bench-directory-'))
    process.env.PROJECT_ROOT ||= process.cwd()
    await runAstroBuild(path.resolve('tests/fixtures/snapshot'), root)
    cleanup = () => rm(root!, { recursive: true, force: true })
  }
  const pages = (await readdir(root, { recursive: true }))
    .filter((f) => /^(training|unions|networks)\//.test(f) && f.endsWith('index.html'))
    .sort()
  const samples = [
    'unions/index.html',
    'unions/sector/warehouse-logistics/index.html',
    'training/index.html',
    pages.find((p) => /^training\/[^/]+\/index\.html$/.test(p) && !/past|format|region|topic/.test(p)),
    'networks/index.html',
  ].filter(Boolean) as string[]
  console.log(`Directory pages built: ${pages.length}`)
  console.log('page | HTML gzip | JS files | JS raw | JS gzip')
  for (const p of samples) {
    const html = readFileSync(path.join(root, p), 'utf8')
    const scripts = scriptsOf(root, html)
    const raw = scripts.reduce((n, f) => n + readFileSync(f).length, 0)
    const gz = scripts.reduce((n, f) => n + gzipSync(readFileSync(f)).length, 0)
    console.log(
      `/${p.replace(/index\.html$/, '')} | ${kb(gzipSync(html).length)} | ${scripts.length} | ${kb(raw)} | ${kb(gz)}`,
    )
  }
  const unions = JSON.parse(readFileSync('scripts/seed-data/unions.json', 'utf8')).unions.map(
    (u: Record<string, unknown>) => ({ recognisedEmployers: [], ...u }),
  )
  const words = [
    'w',
    'wa',
    'war',
    'ware',
    'wareh',
    'warehouse',
    'warehouse op',
    'forklift',
    'care worker',
    'cleaner',
  ]
  const runs = 2000
  const t0 = performance.now()
  for (let i = 0; i < runs; i++)
    rankUnions(unions, {
      job: words[i % words.length],
      nation: 'scotland',
      recognisedUnion: i % 3 ? null : 'usdaw',
    })
  const per = (performance.now() - t0) / runs
  console.log(
    `Finder ranking over ${unions.length} unions: ${(per * 1000).toFixed(0)} µs per keystroke (${runs} runs); a 16 ms frame fits ${Math.floor(16 / per)} of them`,
  )
  await cleanup()
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
