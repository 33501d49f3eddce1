/**
 * One adapter's run of the updates benchmark (started by scripts/bench/updates.ts): a new SQLite
 * file with BENCH_SUPPORTERS opted-in signers, one update queued by an organiser, sent by the
 * real sender through the adapter the environment chooses (the outbox, or Resend at
 * RESEND_BASE_URL). Prints its figures as one JSON line.
 */
import { createReadStream } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

/** What one run measured. */
export type RunFigures = {
  adapter: string
  sent: number
  seconds: number
  seedSeconds: number
  rssBeforeMiB: number
  peakRssMiB: number
  peakHeapMiB: number
  /** Recipients with exactly one email, and emails beyond one per recipient (the outbox run counts its file; the parent fills these in for Resend). */
  delivered: number
  duplicates: number
}

const supporters = Number(process.env.BENCH_SUPPORTERS ?? 100_000)
const adapter = process.env.BENCH_ADAPTER ?? 'outbox'
const dir = await mkdtemp(path.join(os.tmpdir(), `organise-bench-updates-${adapter}-`))
process.env.PAYLOAD_SECRET ||= 'bench-only-secret'
process.env.JOBS_AUTORUN = 'false'
process.env.DATABASE_URI = `file:${path.join(dir, 'bench.db')}`
process.env.OUTBOX_DIR = path.join(dir, 'outbox')

const MiB = 1024 * 1024
let peakHeap = 0
const sampler = setInterval(() => (peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed)), 50)

/** Recipients in the mbox file, counted as it streams (the file is hundreds of megabytes). */
const outboxRecipients = async (file: string) => {
  const counts = new Map<string, number>()
  let rest = ''
  for await (const piece of createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
    const text = rest + (piece as string)
    const lines = text.split('\n')
    rest = lines.pop() ?? ''
    for (const line of lines)
      if (line.startsWith('To: ')) counts.set(line.slice(4), (counts.get(line.slice(4)) ?? 0) + 1)
  }
  let total = 0
  for (const c of counts.values()) total += c
  return { delivered: counts.size, duplicates: total - counts.size }
}

try {
  const { initPayload } = await import('../../../cms/initPayload')
  const { sendUpdate } = await import('../../../cms/campaigns/updates/send')
  const { seedSigners } = await import('./seed')
  const payload = await initPayload({ key: `bench-updates-${adapter}` })
  const petition = await payload.create({
    collection: 'petitions',
    overrideAccess: true,
    data: {
      _status: 'published',
      title: 'Bench petition',
      slug: 'bench',
      summary: 'Bench.',
      addressedTo: 'The boss',
      whatWeWant: 'Fair rotas',
      goal: 100,
      state: 'open',
    },
  })
  const seedStart = performance.now()
  await seedSigners(payload, petition.id, supporters, 'supporter')
  const seedSeconds = (performance.now() - seedStart) / 1000
  const update = await payload.create({
    collection: 'supporter-updates',
    overrideAccess: true,
    data: {
      petition: petition.id,
      subject: 'We handed it in',
      body: 'Thank you.\n\nWhat happens next: a meeting on Monday.',
      state: 'queued',
    },
  })
  global.gc?.()
  const rssBefore = process.memoryUsage().rss
  const start = performance.now()
  const result = await sendUpdate(payload, update.id)
  const seconds = (performance.now() - start) / 1000
  clearInterval(sampler)
  const counted =
    adapter === 'outbox'
      ? await outboxRecipients(path.join(dir, 'outbox', 'emails.mbox'))
      : { delivered: 0, duplicates: 0 }
  const figures: RunFigures = {
    adapter,
    sent: result.sent,
    seconds,
    seedSeconds,
    rssBeforeMiB: rssBefore / MiB,
    peakRssMiB: process.resourceUsage().maxRSS / 1024,
    peakHeapMiB: peakHeap / MiB,
    ...counted,
  }
  await payload.destroy()
  console.log(JSON.stringify(figures))
} finally {
  if (!process.argv.includes('--keep')) await rm(dir, { recursive: true, force: true })
}
process.exit(0)
