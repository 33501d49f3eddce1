/**
 * kill -9 in the middle of sending an update: the sender runs in a child process on the test's
 * SQLite file and is killed with SIGKILL after about 120 emails; a new run resumes. Nobody gets the
 * update twice, and the only people who may have missed it are the few whose emails were being
 * handed over at the moment of the kill (marked uncertain, at most one chunk).
 */
import { spawn } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sendUpdate } from '../../cms/campaigns/updates/send'
import { readOutbox } from '../../cms/email/outboxAdapter'
import { seedSigners } from '../../scripts/bench/updates/seed'
import { make } from '../helpers/factories'
import { startHarness, type Harness } from '../helpers/harness'
import { once, recipientsOf, writeAndQueue } from './supporterUpdatesSteps'

let t: Harness
const RATE = 200
const CONCURRENCY = 16

const countIn = async (file: string) =>
  (await readFile(file, 'utf8').catch(() => '')).split('\nFrom organise-outbox ').length - 1

beforeAll(async () => {
  t = await startHarness()
}, 60_000)
afterAll(async () => t?.close())

describe('a sender killed with SIGKILL mid-send', () => {
  it('resumes: every recipient at most once, and all but the uncertain chunk exactly once', async () => {
    const petition = await make.petition(t.payload)
    const everyone = await seedSigners(t.payload, petition.id, 400, 'killed')
    const id = await writeAndQueue(t, petition.id, 'Killed mid-send')
    const childOutbox = path.join(t.dir, 'child-outbox')
    const child = spawn(
      process.execPath,
      [
        path.resolve('node_modules/tsx/dist/cli.mjs'),
        path.resolve('tests/int/supporterUpdatesCrashChild.ts'),
      ],
      {
        env: {
          ...process.env,
          LOG_LEVEL: 'warn',
          CHILD_DATABASE_URI: `file:${path.join(t.dir, 'test.db')}`,
          CHILD_OUTBOX_DIR: childOutbox,
          CHILD_UPDATE: String(id),
          CHILD_PER_SECOND: String(RATE),
        },
        stdio: 'ignore',
        // Its own process group, killed whole: tsx's CLI runs the script in a child process of its own.
        detached: true,
      },
    )
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.on('exit', (_, signal) => resolve(signal)),
    )
    const mbox = path.join(childOutbox, 'emails.mbox')
    const deadline = Date.now() + 60_000
    while ((await countIn(mbox)) < 120 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20))
    process.kill(-child.pid!, 'SIGKILL')
    expect(await exited).toBe('SIGKILL')

    const before = await readOutbox(childOutbox)
    expect(before.length).toBeGreaterThanOrEqual(120)
    expect(before.length).toBeLessThan(400)
    const later = new Date(Date.now() + 11 * 60_000)
    const resumed = await sendUpdate(t.payload, id, { perSecond: 0, now: () => later })
    expect(resumed.done).toBe(true)
    expect(resumed.uncertain).toBeLessThanOrEqual(CONCURRENCY)

    const got = [
      ...recipientsOf(before, 'Killed mid-send'),
      ...recipientsOf(await t.outbox(), 'Killed mid-send'),
    ]
    expect(once(got)).toBe(true)
    const missed = everyone.filter((a) => !got.includes(a))
    expect(missed.length).toBeLessThanOrEqual(resumed.uncertain)
    const u = await t.payload.findByID({ collection: 'supporter-updates', id, overrideAccess: true })
    expect(u).toMatchObject({ state: 'sent', recipients: 400, failed: 0, uncertain: resumed.uncertain })
    expect((u.sent ?? 0) + resumed.uncertain).toBe(400)
  })
})
