import type { EmailAdapter, SendEmailOptions } from 'payload'
import { Resend, type CreateBatchEmailOptions, type ErrorResponse } from 'resend'
import { addressList, attachmentList, defaultFrom, EmailSendError } from './address'
import { scrubPersonal } from './scrub'

export type ResendAdapterOptions = {
  apiKey: string
  /** Defaults to RESEND_BASE_URL, then Resend's own API. Tests point it at a local stand-in. */
  baseUrl?: string
}

/** The most emails Resend takes in one batch request (POST /emails/batch). */
export const RESEND_BATCH_LIMIT = 100

/** An email service that takes many messages in one request. */
export type BatchSender = {
  /** The most messages one call takes. */
  batchLimit: number
  /**
   * Hands over up to `batchLimit` messages (no attachments) in one request; their ids, in order.
   * Throws EmailSendError when the request failed: Resend then sent none of them.
   */
  sendBatch: (messages: SendEmailOptions[]) => Promise<{ id: string }[]>
}

/** The adapter's batch method, when it has one (Resend's does; the outbox sends one by one). */
export const batchSenderOf = (adapter: unknown): BatchSender | null => {
  const a = adapter as Partial<BatchSender> | null | undefined
  return a && typeof a.sendBatch === 'function' && typeof a.batchLimit === 'number'
    ? (a as BatchSender)
    : null
}

/** Our Resend adapter: Payload's email adapter with a batch method. */
export type ResendEmailAdapter = (
  ...args: Parameters<EmailAdapter<{ id: string }>>
) => ReturnType<EmailAdapter<{ id: string }>> & BatchSender

/** A message as the SDK takes it, without attachments (the batch endpoint takes none). */
const resendFields = (message: SendEmailOptions, from: { name: string; address: string }) => {
  const to = addressList(message.to)
  if (to.length === 0) throw new EmailSendError('Email not sent: it has no "to" address.')
  return {
    from: addressList(message.from)[0] ?? `${from.name} <${from.address}>`,
    to,
    cc: addressList(message.cc),
    bcc: addressList(message.bcc),
    replyTo: addressList(message.replyTo),
    subject: String(message.subject ?? ''),
    html: typeof message.html === 'string' ? message.html : undefined,
    text: typeof message.text === 'string' ? message.text : '',
    headers: (message.headers as Record<string, string> | undefined) ?? undefined,
  } satisfies CreateBatchEmailOptions
}

/** Resend's error answer as an EmailSendError that says what to check (no address in it). */
const refused = (error: ErrorResponse | null, what = 'Email not sent') => {
  const e = error as { message?: string; statusCode?: number | null } | null
  return new EmailSendError(
    `${what}: Resend said "${scrubPersonal(e?.message ?? 'no response')}"${e?.statusCode ? ` (HTTP ${e.statusCode})` : ''}. Check RESEND_API_KEY and that the sender's domain is verified in Resend.`,
    { cause: error },
  )
}

/** Sends up to RESEND_BATCH_LIMIT messages in one request; their ids in order. */
const sendBatchWith = async (
  client: Resend,
  from: { name: string; address: string },
  messages: SendEmailOptions[],
): Promise<{ id: string }[]> => {
  if (messages.length === 0) return []
  if (messages.length > RESEND_BATCH_LIMIT)
    throw new EmailSendError(
      `Emails not sent: Resend takes at most ${RESEND_BATCH_LIMIT} in one batch, and ${messages.length} were given. Split them into batches of ${RESEND_BATCH_LIMIT}.`,
    )
  const emails = messages.map((message, i) => {
    if (attachmentList(message.attachments).length)
      throw new EmailSendError(
        `Emails not sent: message ${i + 1} of the batch has attachments, which Resend's batch endpoint does not take. Send it with sendEmail.`,
      )
    return resendFields(message, from)
  })
  let result: Awaited<ReturnType<typeof client.batch.send>>
  try {
    result = await client.batch.send(emails)
  } catch (cause) {
    throw new EmailSendError('Emails not sent: Resend could not be reached.', { cause })
  }
  if (result.error || !result.data) throw refused(result.error, `${messages.length} emails not sent`)
  // Resend answers { data: [{ id }, …] }, one per email in the order given (the SDK's type for
  // strict validation intersects it with Record<string, never>, so it is read as plainly typed).
  const ids = (result.data as { data?: { id: string }[] }).data ?? []
  return ids.map(({ id }) => ({ id }))
}

/**
 * A Payload email adapter on the official `resend` SDK. Unlike @payloadcms/email-resend it honours
 * RESEND_BASE_URL, a failed send throws EmailSendError instead of being logged and dropped, and
 * `sendBatch` (on payload.email) hands up to 100 emails to Resend in one request.
 */
export const resendAdapter =
  ({ apiKey, baseUrl }: ResendAdapterOptions): ResendEmailAdapter =>
  () => {
    const client = new Resend(apiKey, baseUrl ? { baseUrl } : undefined)
    const from = defaultFrom()
    return {
      name: 'resend',
      defaultFromAddress: from.address,
      defaultFromName: from.name,
      batchLimit: RESEND_BATCH_LIMIT,
      sendBatch: (messages: SendEmailOptions[]) => sendBatchWith(client, from, messages),
      sendEmail: async (message: SendEmailOptions) => {
        const fields = resendFields(message, from)
        const attachments = attachmentList(message.attachments)
        let result: Awaited<ReturnType<typeof client.emails.send>>
        try {
          result = await client.emails.send({
            ...fields,
            // Bytes (a Buffer): Resend reads a string here as base64.
            ...(attachments.length ? { attachments } : {}),
          })
        } catch (cause) {
          // No address in the message: it is stored on the record and logged (cms/email/scrub.ts).
          throw new EmailSendError('Email not sent: Resend could not be reached.', { cause })
        }
        if (result.error || !result.data) throw refused(result.error)
        return { id: result.data.id }
      },
    }
  }
