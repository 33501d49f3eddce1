/**
 * `npm start`: everything a new install needs, then serve.
 * Creates data/, applies the committed migrations, creates the first admin, seeds demo content
 * into an empty database, exports the snapshot, builds the static site and the CMS admin (each
 * only when its sources changed), then serves the CMS on :3000 and the site on :4321.
 * Ctrl-C stops both.
 */
import type { ChildProcess } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { dataDir } from '../content-models/paths'
import { databaseKind, databaseUri, resolveSqliteUrl } from '../cms/db'
import { assertDeploymentReady } from '../cms/deployment'
import { initPayload } from '../cms/initPayload'
import { payloadSecret } from '../cms/secret'
import { ensureAdmin } from '../cms/seed/ensureAdmin'
import { isEmpty, seed } from '../cms/seed/seed'
import { buildSite, sitePaths, startStaticServer, exportSnapshot } from '../cms/publish'
import { buildCmsIfNeeded } from './lib/cmsBuild'
import { startCmsServers } from './lib/cmsServers'
import { loadDotEnv } from './lib/env'
import { createProgress } from './lib/progress'

const root = process.cwd()
process.env.PROJECT_ROOT ||= root
loadDotEnv(root)

const cmsPort = Number(process.env.CMS_PORT || 3000)
const sitePort = Number(process.env.SITE_PORT || 4321)
const host = process.env.HOST || '127.0.0.1'
process.env.CMS_URL ||= `http://localhost:${cmsPort}`
process.env.SITE_URL ||= `http://localhost:${sitePort}`

const started = Date.now()
const step = createProgress(7)
const children: ChildProcess[] = []
let stopping = false

/** How long children get to shut down after Ctrl-C before they are killed. */
const STOP_GRACE_MS = 10_000

/** Stops every child and waits for them, so when this process exits nothing it started is left running. */
const stop = (code = 0) => {
  if (stopping) return
  stopping = true
  console.log('\nStopping…')
  const running = children.filter((c) => c.pid && c.exitCode === null && c.signalCode === null)
  for (const child of running) child.kill('SIGTERM')
  const killer = setTimeout(() => {
    for (const child of running)
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
  }, STOP_GRACE_MS)
  void Promise.all(
    running.map((c) =>
      c.exitCode !== null || c.signalCode !== null ? null : new Promise((r) => c.once('exit', r)),
    ),
  ).then(() => {
    clearTimeout(killer)
    process.exit(code)
  })
}
process.on('SIGINT', () => stop(0))
process.on('SIGTERM', () => stop(0))

try {
  mkdirSync(path.join(dataDir(), 'outbox'), { recursive: true })
  const uri = databaseUri()
  const kind = databaseKind(uri)
  process.env.DATABASE_URI = kind === 'sqlite' ? resolveSqliteUrl(uri) : uri
  process.env.PAYLOAD_SECRET ||= payloadSecret()

  const payload = await step(
    `Opening the ${kind === 'sqlite' ? 'SQLite' : 'MongoDB'} database and applying migrations`,
    async (note) => {
      const p = await initPayload()
      note(
        kind === 'sqlite'
          ? `database: ${process.env.DATABASE_URI!.replace(/^file:/, '')}`
          : 'database: MongoDB',
      )
      return p
    },
  )
  assertDeploymentReady(process.env, {
    userCount: (await payload.count({ collection: 'users', overrideAccess: true })).totalDocs,
  })

  await step('Checking for an admin user', async (note) => {
    const admin = await ensureAdmin(payload, {
      email: process.env.ADMIN_EMAIL,
      password: process.env.ADMIN_PASSWORD,
    })
    if (!admin.created) return note('an admin already exists')
    note(`created admin ${admin.email}`)
    if (admin.generated) {
      note(`password: ${admin.password}`)
      note(
        'Write this password down now: it is shown only this once. Change it in the admin under your account.',
      )
    }
  })

  await step('Seeding demo content if the database is empty', async (note) => {
    if (!(await isEmpty(payload))) return note('content found; not seeding')
    const counts = await seed(payload, path.join(root, 'scripts/seed-data'), (m) => note(`adding ${m}`))
    note(
      Object.entries(counts)
        .map(([k, v]) => `${v} ${k}`)
        .join(', '),
    )
  })

  await step('Exporting the published content to data/snapshot', async (note) => {
    const meta = await exportSnapshot(payload, sitePaths().snapshot)
    note(
      Object.entries(meta.counts)
        .map(([k, v]) => `${v} ${k}`)
        .join(', '),
    )
  })
  await payload.destroy()

  await step('Building the static site', async (note) => {
    const result = await buildSite({ skipIfUnchanged: true })
    note(
      result.skipped
        ? `unchanged since the last build (${result.buildId}); kept it`
        : `${result.pages} pages in data/builds/${result.buildId}`,
    )
  })

  await step('Building the CMS admin (Next.js)', async (note) => {
    const { skipped } = await buildCmsIfNeeded(root, process.env)
    note(skipped ? 'unchanged since the last build; kept it' : 'built cms/.next')
  })

  await step('Starting the servers', async (note) => {
    await startStaticServer({
      root: sitePaths().live,
      cmsOrigin: new URL(process.env.CMS_URL!).origin,
      port: sitePort,
      host,
    }).catch((e: NodeJS.ErrnoException) => {
      throw e.code === 'EADDRINUSE'
        ? new Error(`Port ${sitePort} is in use. Stop what is using it, or set SITE_PORT in .env.`)
        : e
    })
    const cms = await startCmsServers({ root, host, port: cmsPort, env: process.env })
    children.push(...cms.children)
    for (const [child, name] of [
      [cms.children[0], 'CMS (Next)'],
      [cms.children[1], 'CMS front server'],
    ] as const) {
      child.on('exit', (code) => {
        if (!stopping) {
          console.error(`The ${name} stopped unexpectedly (exit code ${code}).`)
          stop(1)
        }
      })
    }
    await cms.ready
    // The CMS runs queued site builds itself once Payload's job runner has started, which
    // happens on its first admin page: open one now so publishing rebuilds the site at once.
    await fetch(`http://${host}:${cmsPort}/admin/login`).catch(() => undefined)
    note(`site on http://localhost:${sitePort}`)
  })

  console.log(`
Ready in ${((Date.now() - started) / 1000).toFixed(1)} s.
  Site:       http://localhost:${sitePort}
  CMS admin:  http://localhost:${cmsPort}/admin
  Email:      ${process.env.RESEND_API_KEY ? 'sent through Resend' : `written to ${path.relative(root, path.join(process.env.OUTBOX_DIR || path.join(dataDir(), 'outbox'), 'emails.mbox'))} (no RESEND_API_KEY set; \`npm run outbox\` shows the latest)`}
Press Ctrl-C to stop.`)
} catch (error) {
  console.error(`\nStart-up failed: ${(error as Error).message}`)
  if ((error as Error).cause)
    console.error(`Cause: ${((error as Error).cause as Error).message ?? String((error as Error).cause)}`)
  stop(1)
}
