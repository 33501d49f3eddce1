import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { EmailAdapter, Payload } from 'payload'
import { initPayload } from '../../cms/initPayload'
import { outboxAdapter } from '../../cms/email/outboxAdapter'

export type TestPayload = { payload: Payload; dir: string; cleanup: () => Promise<void> }

/**
 * A real Payload on a new SQLite file in a temporary folder, with the committed migrations
 * applied. Email goes to an outbox inside that folder unless an adapter is given.
 */
export const startTestPayload = async (options: { email?: EmailAdapter } = {}): Promise<TestPayload> => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'organise-int-'))
  const payload = await initPayload({
    databaseUri: `file:${path.join(dir, 'test.db')}`,
    email: options.email ?? outboxAdapter({ dir: path.join(dir, 'outbox') }),
    secret: 'integration-tests-only',
    key: dir,
  })
  return {
    payload,
    dir,
    cleanup: async () => {
      await payload.destroy().catch(() => {})
      await rm(dir, { recursive: true, force: true })
    },
  }
}
