/**
 * Publish→live, end to end: a real Payload on SQLite holding BENCH_GUIDES guides (default 1,000:
 * the seed content plus generated guides from scripts/generate-corpus.ts), its rebuild job run as
 * the CMS runs it (the queue polled every second, as autoRun's cron does), and the static server
 * serving data/site. An editor changes a published guide's title; the clock runs from the update
 * returning until the static server serves the new title. Publishes are a quiet spell apart, so each
 * builds at once (no debounce), as an editor's first publish does. Target: ≤ 10 s.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import path from 'node:path'
import { initPayload } from '../../cms/initPayload'
import { runRebuild } from '../../cms/jobs/rebuild/runRebuild'
import { debounceMs, REBUILD_QUEUE } from '../../cms/jobs/rebuild/settings'
import { markdownToLexical } from '../../cms/richtext/markdownToLexical'
import { seed } from '../../cms/seed/seed'
import { sitePaths, startStaticServer } from '../../cms/publish'
import { corpusMarkdown, generateCorpus } from '../generate-corpus'

process.env.PROJECT_ROOT ||= process.cwd()
const guides = Number(process.env.BENCH_GUIDES || 1000)
const runs = Number(process.env.BENCH_RUNS || 3)
const dir = await mkdtemp(path.join(process.cwd(), 'data', 'bench-publish-'))
process.env.DATA_DIR = path.join(dir, 'data')
const s = (ms: number | undefined) => (ms === undefined ? '–' : `${(ms / 1000).toFixed(1)} s`)
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

const payload = await initPayload({
  databaseUri: `file:${path.join(dir, 'cms.db')}`,
  secret: 'bench-only',
  key: dir,
})
let stop = false
let server: Awaited<ReturnType<typeof startStaticServer>> | undefined
try {
  // The content: the seed, then generated guides up to the wanted number, all published.
  let t = Date.now()
  await seed(payload, path.resolve('scripts/seed-data'))
  const topicIds = new Map(
    (await payload.find({ collection: 'topics', limit: 0, overrideAccess: true })).docs.map((d) => [
      d.slug,
      d.id,
    ]),
  )
  const have = (await payload.count({ collection: 'guides', overrideAccess: true })).totalDocs
  const corpus = await generateCorpus({ guides })
  for (const g of corpus.guides.slice(have)) {
    const md = corpusMarkdown.get(g)!
    await payload.create({
      collection: 'guides',
      context: { skipRebuild: true },
      overrideAccess: true,
      data: {
        title: g.title,
        slug: g.slug,
        summary: g.summary,
        topics: g.topics.map((x) => topicIds.get(x.slug)!).filter(Boolean),
        nations: g.nations,
        alsoSearchedAs: g.alsoSearchedAs,
        keyFacts: g.keyFacts.map((fact) => ({ fact })),
        body: markdownToLexical(md.body),
        steps: md.steps.map((x) => ({ title: x.title, body: markdownToLexical(x.body) })),
        sources: g.sources,
        lastReviewed: g.lastReviewed,
        reviewDue: g.reviewDue,
        history: g.history,
        publishedAt: g.publishedAt,
        _status: 'published',
      },
    })
  }
  const count = (await payload.count({ collection: 'guides', overrideAccess: true })).totalDocs
  console.log(
    `Content: ${count} guides (seed ${have} + generated), with the seed's templates, sessions, unions and networks; loaded in ${s(Date.now() - t)}`,
  )

  t = Date.now()
  const first = await runRebuild(payload, { siteBuildId: null, trigger: 'manual' })
  console.log(`First (full) build: ${s(Date.now() - t)}, ${first.pages} pages`)
  server = await startStaticServer({ root: sitePaths().live })
  const siteUrl = server.url

  // The job runner, as autoRun runs it in the CMS: the queue every second, one job at a time.
  const runner = (async () => {
    while (!stop) {
      const tick = Date.now()
      await payload.jobs.run({ queue: REBUILD_QUEUE, limit: 1, silent: true })
      await sleep(Math.max(0, 1000 - (Date.now() - tick)))
    }
  })()

  const { docs } = await payload.find({
    collection: 'guides',
    limit: runs,
    page: 3,
    sort: 'id',
    overrideAccess: true,
    depth: 0,
  })
  const results: { ms: number; timings: Record<string, unknown> }[] = []
  for (const [i, doc] of docs.entries()) {
    const title = `${doc.title} (edited ${i + 1})`
    await payload.update({
      collection: 'guides',
      id: doc.id,
      data: { title, _status: 'published' },
      overrideAccess: true,
    })
    const published = Date.now()
    for (;;) {
      const html = await fetch(`${siteUrl}/guides/${doc.slug}/`).then((r) => r.text())
      if (html.includes(title.replace(/&/g, '&amp;'))) break
      if (Date.now() - published > 300_000)
        throw new Error(`The edit to ${doc.slug} was not live after 5 minutes.`)
      await sleep(25)
    }
    const ms = Date.now() - published
    const record = (
      await payload.find({ collection: 'site-builds', sort: '-createdAt', limit: 1, overrideAccess: true })
    ).docs[0]!
    results.push({ ms, timings: (record.timings ?? {}) as Record<string, unknown> })
    console.log(
      `Publish ${i + 1}: live after ${s(ms)} (build ${record.buildId}, ${String((record.timings as Record<string, unknown>)?.mode)})`,
    )
    // A quiet spell (isQuietSpell): the next publish comes more than the debounce after this build.
    await sleep(debounceMs() + 500)
  }
  stop = true
  await runner

  // Figures the build record keeps beside its step times.
  const NOT_STEPS = new Set(['knownBrokenLinks', 'rendered', 'peakRssMb'])
  // Every step any publish's build timed, in the order the first one ran them (the record keeps them in order).
  const steps = [
    ...new Set(
      results.flatMap((r) =>
        Object.keys(r.timings).filter((k) => typeof r.timings[k] === 'number' && !NOT_STEPS.has(k)),
      ),
    ),
  ]
  console.log(`\nStep times of each publish's build (ms): ${steps.join(', ')}`)
  for (const r of results) console.log(`  ${steps.map((k) => r.timings[k] ?? '–').join(', ')}`)
  const sorted = results.map((r) => r.ms).sort((a, b) => a - b)
  const median = sorted[Math.floor(sorted.length / 2)]!
  console.log(
    `\nPublish→live (${count} guides): median ${s(median)}, max ${s(sorted.at(-1))} over ${sorted.length} publishes (target ≤ 10 s; each the first publish after a quiet spell, so no ${s(debounceMs())} debounce; includes up to 1 s for the job runner to pick the job up)`,
  )
} finally {
  stop = true
  await server?.close()
  await payload.destroy()
  await rm(dir, { recursive: true, force: true })
}
