/**
 * Steps the supporter-updates tests share: an organiser writing and sending an update through the
 * Local API with access applied, and reading who an outbox's messages went to.
 */
import { expect } from 'vitest'
import type { OutboxMessage } from '../../cms/email/outboxAdapter'
import { make } from '../helpers/factories'
import type { Harness } from '../helpers/harness'

/** Writes and sends an update as the organiser would in the admin (access applies). */
export const writeAndQueue = async (h: Harness, petitionId: number, subject: string) => {
  const user = { ...(await make.user(h.payload, ['organiser'])), collection: 'users' as const }
  const draft = await h.payload.create({
    collection: 'supporter-updates',
    data: {
      petition: petitionId,
      state: 'draft',
      subject,
      intro: 'Thank you for signing.',
      body: 'We handed it in.\n\nThe boss said yes.',
    },
    user,
    overrideAccess: false,
  })
  expect(draft.state).toBe('draft')
  const queued = await h.payload.update({
    collection: 'supporter-updates',
    id: draft.id,
    data: { state: 'queued' },
    depth: 0,
    user,
    overrideAccess: false,
  })
  expect(queued).toMatchObject({ state: 'queued', queuedBy: user.id })
  return draft.id
}

export const recipientsOf = (messages: OutboxMessage[], subject: string) =>
  messages.filter((m) => m.subject === subject).flatMap((m) => m.to)

export const once = (addresses: string[]) => new Set(addresses).size === addresses.length
