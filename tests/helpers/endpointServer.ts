import { createEndpointServer, listen } from '../../cms/endpoints/serve'
import type { TestPayload } from './payload'

/** Serves a test Payload's real endpoints over HTTP on a free port. */
export const serveEndpoints = async (t: TestPayload) => listen(createEndpointServer({ payload: t.payload, key: t.dir }))

/** Reads every message in the test outbox, oldest first. */
export const readOutbox = async (dir: string) => {
  const { readdir, readFile } = await import('node:fs/promises')
  const path = await import('node:path')
  const files = (await readdir(dir).catch(() => [] as string[])).filter((f) => f.endsWith('.json')).sort()
  return Promise.all(files.map(async (f) => JSON.parse(await readFile(path.join(dir, f), 'utf8')) as { to: string[]; subject: string; html: string; text: string }))
}

/** The first link in a text that starts with `prefix`. */
export const linkIn = (text: string, prefix: string): string => {
  const m = new RegExp(`${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[^\\s"<]+`).exec(text)
  if (!m) throw new Error(`No link starting ${prefix} in:\n${text}`)
  return m[0]
}
