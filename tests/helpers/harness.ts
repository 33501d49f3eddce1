/**
 * The integration tests' one set-up: a real Payload on a new SQLite file in a temporary folder
 * (the committed migrations applied, email to an outbox in that folder), and, when asked, the front
 * server (cms/edge/serve.ts) serving its real endpoints over HTTP on a port the OS picks.
 * @example
 * const h = await startHarness({ withServer: true })
 * await fetch(`${h.api}/public/join`, { method: 'POST', body })
 * expect(await h.outbox()).toHaveLength(1)
 * await h.close()
 */
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { EmailAdapter, Payload } from 'payload'
import { outboxAdapter, readOutbox, type OutboxMessage } from '../../cms/email/outboxAdapter'
import { startEndpointServer, type RunningServer } from '../../cms/edge/serve'
import { initPayload } from '../../cms/initPayload'

/** What a front server for the harness may differ in: the server behind it (Next), its settings. */
export type ServeOptions = { proxyTo?: string; env?: NodeJS.ProcessEnv }

export type HarnessOptions = ServeOptions & {
  /** Where email goes; the outbox in the harness's folder by default. */
  email?: EmailAdapter
  /** Start the front server too (on its own port) and point the links in emails at it (CMS_URL). */
  withServer?: boolean
}

export type Harness = {
  payload: Payload
  /** The temporary folder: the database (test.db), the outbox (outbox/), anything a test writes. */
  dir: string
  /** Every message in the outbox so far, oldest first. */
  outbox: () => Promise<OutboxMessage[]>
  /** Starts another front server on the same Payload (closed with the harness); CMS_URL is left as it is. */
  serve: (options?: ServeOptions) => Promise<RunningServer>
  /** Stops every server, closes Payload and deletes the folder. */
  close: () => Promise<void>
}

/** A harness with its front server: its address, and its API's (`${url}/api`). */
export type ServedHarness = Harness & { url: string; api: string }

export function startHarness(options: HarnessOptions & { withServer: true }): Promise<ServedHarness>
export function startHarness(options?: HarnessOptions): Promise<Harness>
export async function startHarness({
  email,
  withServer = false,
  ...serveDefaults
}: HarnessOptions = {}): Promise<Harness | ServedHarness> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'organise-int-'))
  const payload = await initPayload({
    databaseUri: `file:${path.join(dir, 'test.db')}`,
    email: email ?? outboxAdapter({ dir: path.join(dir, 'outbox') }),
    secret: 'integration-tests-only',
    key: dir,
  })
  const closers: (() => Promise<void>)[] = []
  const harness: Harness = {
    payload,
    dir,
    outbox: () => readOutbox(path.join(dir, 'outbox')),
    serve: async (options = {}) => {
      const server = await startEndpointServer({ payload, key: dir, ...options })
      // A test may close a server itself; closing it again with the harness does nothing.
      let closed: Promise<void> | undefined
      const close = () => (closed ??= server.close())
      closers.push(close)
      return { ...server, close }
    },
    close: async () => {
      for (const close of closers.splice(0).reverse()) await close().catch(() => {})
      await payload.destroy().catch(() => {})
      await rm(dir, { recursive: true, force: true })
    },
  }
  if (!withServer) return harness
  const { url } = await harness.serve(serveDefaults)
  process.env.CMS_URL = url
  return { ...harness, url, api: `${url}/api` }
}

/** The first link in a text that starts with `prefix`. */
export const linkIn = (text: string, prefix: string): string => {
  const m = new RegExp(`${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[^\\s"<]+`).exec(text)
  if (!m) throw new Error(`No link starting ${prefix} in:\n${text}`)
  return m[0]
}
