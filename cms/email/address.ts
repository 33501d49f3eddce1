import type { SendEmailOptions } from 'payload'

type AddressLike = SendEmailOptions['to']

/** Flattens Payload's/nodemailer's address forms ("a@b", {name, address}, arrays) to strings. */
export const addressList = (value: AddressLike | SendEmailOptions['from']): string[] => {
  if (value == null) return []
  const list = Array.isArray(value) ? value : [value]
  return list.flatMap((item) => {
    if (typeof item === 'string')
      return item
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    if (item && typeof item === 'object' && 'address' in item) {
      const { name, address } = item as { name?: string; address: string }
      return [name ? `${name} <${address}>` : address]
    }
    return []
  })
}

/** A file attached to an email, as our adapters send it: its name, type and bytes. */
export type FileAttachment = { filename: string; contentType: string; content: Buffer }

/**
 * The attachments of a message with their content in hand (string or bytes); any other kind
 * (a path or URL to fetch) is refused, so nothing is read from disk or the network by accident.
 */
export const attachmentList = (value: unknown): FileAttachment[] =>
  (Array.isArray(value)
    ? (value as { filename?: unknown; contentType?: string; content?: unknown }[])
    : []
  ).map((a, i) => {
    const content = a.content
    if (typeof content !== 'string' && !Buffer.isBuffer(content))
      throw new EmailSendError(
        `Email not sent: attachment ${i + 1} has no content in hand; pass its text or bytes.`,
      )
    return {
      filename: typeof a.filename === 'string' && a.filename ? a.filename : `attachment-${i + 1}`,
      contentType: a.contentType ?? 'application/octet-stream',
      content: Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8'),
    }
  })

/** The default sender, from EMAIL_FROM_ADDRESS / EMAIL_FROM_NAME. */
export const defaultFrom = () => ({
  address: process.env.EMAIL_FROM_ADDRESS || 'hello@localhost',
  name: process.env.EMAIL_FROM_NAME || 'Better Work',
})

/** A send that failed. Never swallowed: the caller decides whether to retry or tell the person. */
export class EmailSendError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'EmailSendError'
  }
}
