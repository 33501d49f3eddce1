import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { EmailAdapter, SendEmailOptions } from 'payload'
import { addressList, defaultFrom, EmailSendError } from './address'

/** What the outbox writes for each message: one JSON file holding the HTML and the text. */
export type OutboxMessage = {
  id: string
  sentAt: string
  from: string
  to: string[]
  subject: string
  text: string
  html: string
}

/**
 * Without a Resend key, every message goes to a folder (data/outbox/) as JSON plus a readable
 * .txt and .html, and is logged, so sign-up and confirmation work offline.
 */
export const outboxAdapter =
  ({ dir }: { dir: string }): EmailAdapter<{ id: string; file: string }> =>
  ({ payload }) => {
    const from = defaultFrom()
    return {
      name: 'outbox',
      defaultFromAddress: from.address,
      defaultFromName: from.name,
      sendEmail: async (message: SendEmailOptions) => {
        const to = addressList(message.to)
        if (to.length === 0) throw new EmailSendError('Email not written: it has no "to" address.')
        const sentAt = new Date()
        const id = `${sentAt.toISOString().replace(/[:.]/g, '-')}-${Math.random().toString(36).slice(2, 8)}`
        const record: OutboxMessage = {
          id,
          sentAt: sentAt.toISOString(),
          from: addressList(message.from)[0] ?? `${from.name} <${from.address}>`,
          to,
          subject: String(message.subject ?? ''),
          text: typeof message.text === 'string' ? message.text : '',
          html: typeof message.html === 'string' ? message.html : '',
        }
        const file = path.join(dir, `${id}.json`)
        try {
          await mkdir(dir, { recursive: true })
          await writeFile(file, JSON.stringify(record, null, 2))
          await writeFile(path.join(dir, `${id}.txt`), `To: ${to.join(', ')}\nSubject: ${record.subject}\n\n${record.text}\n`)
          if (record.html) await writeFile(path.join(dir, `${id}.html`), record.html)
        } catch (cause) {
          throw new EmailSendError(`Email to ${to.join(', ')} not written to the outbox ${dir}.`, { cause })
        }
        payload.logger.info(`Email "${record.subject}" to ${to.join(', ')} written to ${file}`)
        return { id, file }
      },
    }
  }
