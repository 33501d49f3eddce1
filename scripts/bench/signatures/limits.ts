/**
 * What limits signing, measured in the bench's own process: Payload's create path against the
 * adapter's insert and a batched insert, and what one outbox email costs.
 */
import type { Payload } from 'payload'

/** Inserts per second: Payload's create (hooks, validation, hasMany table), the adapter's insert, and batches of 100. */
export type InsertFigures = {
  payloadCreatePerSecond: number
  adapterCreatePerSecond: number
  batchedPerSecond: number
}

/** Payload's create path against the adapter's insert and the batched insert the sign endpoint uses, one process. */
export const measureInsertPaths = async (payload: Payload): Promise<InsertFigures> => {
  const N = 1000
  const other = await payload.create({
    collection: 'petitions',
    overrideAccess: true,
    data: {
      _status: 'published',
      title: 'B2',
      slug: 'bench-2',
      summary: 'B',
      addressedTo: 'B',
      whatWeWant: 'B',
      goal: 1,
      state: 'open',
    },
  })
  let a = performance.now()
  for (let i = 0; i < N; i++)
    await payload.create({
      collection: 'signatures',
      overrideAccess: true,
      depth: 0,
      data: {
        petition: other.id,
        name: 'X',
        email: `x${i}@e.org`,
        emailCanonical: `x${i}@e.org`,
        state: 'pending',
        flags: [],
      },
    })
  const payloadCreatePerSecond = N / ((performance.now() - a) / 1000)
  a = performance.now()
  for (let i = 0; i < N; i++)
    await payload.db.create({
      collection: 'signatures',
      data: { petition: other.id, name: 'Y', email: `y${i}@e.org`, emailCanonical: `y${i}@e.org` },
      returning: false,
    })
  const adapterCreatePerSecond = N / ((performance.now() - a) / 1000)
  // What the sign endpoint does: many rows per transaction (cms/campaigns/batcher.ts), 100 at a time.
  const { storeSignatures } = await import('../../../cms/campaigns/sign')
  a = performance.now()
  for (let j = 0; j < N / 100; j++) {
    await storeSignatures(
      payload,
      Array.from({ length: 100 }, (_, i) => ({
        petition: other.id,
        name: 'Z',
        email: `z${j}-${i}@e.org`,
        emailCanonical: `z${j}-${i}@e.org`,
        state: 'pending' as const,
        confirmTokenHash: `bench-${j}-${i}`,
        flags: [],
      })),
    )
  }
  const batchedPerSecond = N / ((performance.now() - a) / 1000)
  return { payloadCreatePerSecond, adapterCreatePerSecond, batchedPerSecond }
}

/** The outbox's cost: emails per second and this process's CPU per email. */
export type EmailFigures = { emailsPerSecond: number; emailCpuMicros: number }

/**
 * What one email costs with the outbox adapter (appended to one mbox file), sent as the server
 * sends them (as many at once as there are clients).
 */
export const measureOutboxEmail = async (
  payload: Payload,
  base: string,
  concurrency: number,
  clientCpuMicros: () => number,
): Promise<EmailFigures> => {
  const { signatureConfirmEmail } = await import('../../../cms/email/messages/render')
  const EMAILS = 2000
  const message = signatureConfirmEmail({
    name: 'Bench',
    petitionTitle: 'Bench petition',
    confirmUrl: `${base}/api/public/confirm/signature/x`,
    unsubscribe: `${base}/u`,
    erase: `${base}/e`,
  })
  let sent = 0
  const emailCpu0 = clientCpuMicros()
  const a = performance.now()
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (sent < EMAILS) await payload.sendEmail({ to: `e${sent++}@example.org`, ...message })
    }),
  )
  const emailsPerSecond = EMAILS / ((performance.now() - a) / 1000)
  const emailCpuMicros = (clientCpuMicros() - emailCpu0) / EMAILS
  return { emailsPerSecond, emailCpuMicros }
}
