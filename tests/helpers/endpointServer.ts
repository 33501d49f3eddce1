import { startEndpointServer } from '../../cms/edge/serve'
import type { TestPayload } from './payload'

/** Serves a test Payload's real endpoints over HTTP on a free port (the front server, without Next unless `proxyTo`). */
export const serveEndpoints = async (
  t: TestPayload,
  options: { proxyTo?: string; env?: NodeJS.ProcessEnv } = {},
) => startEndpointServer({ payload: t.payload, key: t.dir, ...options })

/** Reads every message in the test outbox, oldest first (the adapter's own reader). */
export { readOutbox } from '../../cms/email/outboxAdapter'

/** The first link in a text that starts with `prefix`. */
export const linkIn = (text: string, prefix: string): string => {
  const m = new RegExp(`${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[^\\s"<]+`).exec(text)
  if (!m) throw new Error(`No link starting ${prefix} in:\n${text}`)
  return m[0]
}
