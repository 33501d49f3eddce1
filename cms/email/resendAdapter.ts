import type { EmailAdapter, SendEmailOptions } from 'payload'
import { Resend } from 'resend'
import { addressList, attachmentList, defaultFrom, EmailSendError } from './address'
import { scrubPersonal } from './scrub'

export type ResendAdapterOptions = {
  apiKey: string
  /** Defaults to RESEND_BASE_URL, then Resend's own API. Tests point it at a local stand-in. */
  baseUrl?: string
}

/**
 * A Payload email adapter on the official `resend` SDK. Unlike @payloadcms/email-resend it honours
 * RESEND_BASE_URL, and a failed send throws EmailSendError instead of being logged and dropped.
 */
export const resendAdapter =
  ({ apiKey, baseUrl }: ResendAdapterOptions): EmailAdapter<{ id: string }> =>
  () => {
    const client = new Resend(apiKey, baseUrl ? { baseUrl } : undefined)
    const from = defaultFrom()
    return {
      name: 'resend',
      defaultFromAddress: from.address,
      defaultFromName: from.name,
      sendEmail: async (message: SendEmailOptions) => {
        const to = addressList(message.to)
        const sender = addressList(message.from)[0] ?? `${from.name} <${from.address}>`
        if (to.length === 0) throw new EmailSendError('Email not sent: it has no "to" address.')
        const attachments = attachmentList(message.attachments)
        let result: Awaited<ReturnType<typeof client.emails.send>>
        try {
          result = await client.emails.send({
            from: sender,
            to,
            cc: addressList(message.cc),
            bcc: addressList(message.bcc),
            replyTo: addressList(message.replyTo),
            subject: String(message.subject ?? ''),
            html: typeof message.html === 'string' ? message.html : undefined,
            text: typeof message.text === 'string' ? message.text : '',
            headers: (message.headers as Record<string, string> | undefined) ?? undefined,
            // Bytes (a Buffer): Resend reads a string here as base64.
            ...(attachments.length ? { attachments } : {}),
          })
        } catch (cause) {
          // No address in the message: it is stored on the record and logged (cms/email/scrub.ts).
          throw new EmailSendError('Email not sent: Resend could not be reached.', { cause })
        }
        if (result.error || !result.data) {
          const e = result.error as { message?: string; name?: string; statusCode?: number | null } | null
          throw new EmailSendError(
            `Email not sent: Resend said "${scrubPersonal(e?.message ?? 'no response')}"${e?.statusCode ? ` (HTTP ${e.statusCode})` : ''}. Check RESEND_API_KEY and that the sender's domain is verified in Resend.`,
            { cause: result.error },
          )
        }
        return { id: result.data.id }
      },
    }
  }
