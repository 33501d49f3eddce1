import { createReadStream, createWriteStream, mkdirSync, type WriteStream } from 'node:fs'
import path from 'node:path'
import type { EmailAdapter, SendEmailOptions } from 'payload'
import { addressList, attachmentList, defaultFrom, EmailSendError } from './address'
import { decodeHeader, headerValue, readParts, withFiles, type OutboxFile } from './outboxParts'

/** One message in the outbox, as written and as read back. */
export type OutboxMessage = {
  id: string
  sentAt: string
  from: string
  to: string[]
  subject: string
  text: string
  html: string
  /** Files attached (a training reminder's .ics), when there are any. */
  attachments?: OutboxFile[]
  /** One-click unsubscribe (RFC 8058): the List-Unsubscribe and List-Unsubscribe-Post headers. */
  listUnsubscribe?: { url: string; post: string }
}

/** The List-Unsubscribe headers a message asks for, when it has them. */
const listUnsubscribeOf = (headers: unknown): OutboxMessage['listUnsubscribe'] => {
  const h = headers && typeof headers === 'object' ? (headers as Record<string, unknown>) : {}
  const url = /^<([^>]+)>$/.exec(String(h['List-Unsubscribe'] ?? ''))?.[1]
  return url ? { url, post: String(h['List-Unsubscribe-Post'] ?? '') } : undefined
}

/** The file every offline email is appended to, inside the outbox folder. */
export const OUTBOX_FILE = 'emails.mbox'

/**
 * The line that starts each message in the mbox file. Lines of a message that start with
 * "From " (after any number of ">") get one more ">" (the "mboxrd" rule), so this line only ever
 * starts a message.
 */
const SEPARATOR = 'From organise-outbox '

/** Splits "a@b, "Smith, Jo" <jo@c>" on the commas between addresses only. */
const splitAddresses = (value: string): string[] => {
  const out: string[] = []
  let quoted = false
  let angle = false
  let start = 0
  for (let i = 0; i < value.length; i++) {
    const c = value[i]
    if (c === '"') quoted = !quoted
    else if (c === '<') angle = true
    else if (c === '>') angle = false
    else if (c === ',' && !quoted && !angle) {
      out.push(value.slice(start, i).trim())
      start = i + 1
    }
  }
  out.push(value.slice(start).trim())
  return out.filter(Boolean)
}

const quoteFromLines = (text: string) => text.replace(/^(>*From )/gm, '>$1')

/**
 * One message as it is appended to the mbox file: the "From " line, then a standard MIME email
 * (multipart/alternative: the text part as plain UTF-8 so the file can be read and searched as it
 * is, the HTML part in base64), then a blank line.
 */
export const formatOutboxMessage = (m: OutboxMessage): string => {
  const boundary = `=_outbox_${m.id}`
  const parts: string[] = []
  if (m.text || !m.html)
    parts.push(
      `--${boundary}\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n${quoteFromLines(m.text)}\n`,
    )
  if (m.html) {
    const b64 = Buffer.from(m.html)
      .toString('base64')
      .replace(/.{1,76}/g, '$&\n')
    parts.push(
      `--${boundary}\nContent-Type: text/html; charset=utf-8\nContent-Transfer-Encoding: base64\n\n${b64}`,
    )
  }
  const sent = new Date(m.sentAt)
  const alternative = `Content-Type: multipart/alternative; boundary="${boundary}"\n\n${parts.join('')}--${boundary}--\n`
  const body = m.attachments?.length ? withFiles(m.id, alternative, m.attachments) : `${alternative}\n`
  return (
    `${SEPARATOR}${sent.toUTCString()}\n` +
    `From: ${headerValue(m.from)}\n` +
    `To: ${headerValue(m.to.join(', '))}\n` +
    `Subject: ${headerValue(m.subject)}\n` +
    (m.listUnsubscribe
      ? `List-Unsubscribe: <${m.listUnsubscribe.url}>\nList-Unsubscribe-Post: ${m.listUnsubscribe.post}\n`
      : '') +
    `Date: ${sent.toUTCString()}\n` +
    `Message-ID: <${m.id}@outbox.invalid>\n` +
    'MIME-Version: 1.0\n' +
    body
  )
}

const listUnsubscribeFrom = (headers: Map<string, string>) => {
  const url = /^<([^>]+)>$/.exec(headers.get('list-unsubscribe') ?? '')?.[1]
  return url ? { listUnsubscribe: { url, post: headers.get('list-unsubscribe-post') ?? '' } } : {}
}

/** Reads back the messages of an mbox file this adapter wrote (a message still being written is left out). */
export const parseOutbox = (file: string): OutboxMessage[] => {
  const messages: OutboxMessage[] = []
  for (const chunk of file.split(new RegExp(`^${SEPARATOR}`, 'm')).slice(1)) {
    const headEnd = chunk.indexOf('\n\n')
    if (headEnd < 0) continue
    const headers = new Map<string, string>()
    for (const line of chunk.slice(chunk.indexOf('\n') + 1, headEnd).split('\n')) {
      const colon = line.indexOf(':')
      if (colon > 0) headers.set(line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim())
    }
    const boundary = /boundary="([^"]+)"/.exec(headers.get('content-type') ?? '')?.[1]
    if (!boundary || !chunk.includes(`\n--${boundary}--\n`)) continue
    const { text, html, attachments } = readParts(chunk.slice(headEnd + 2), boundary)
    const date = new Date(headers.get('date') ?? '')
    messages.push({
      id: /^<(.*)@outbox\.invalid>$/.exec(headers.get('message-id') ?? '')?.[1] ?? '',
      sentAt: Number.isNaN(date.getTime()) ? '' : date.toISOString(),
      from: decodeHeader(headers.get('from') ?? ''),
      to: splitAddresses(decodeHeader(headers.get('to') ?? '')),
      subject: decodeHeader(headers.get('subject') ?? ''),
      text,
      html,
      ...(attachments.length ? { attachments } : {}),
      ...listUnsubscribeFrom(headers),
    })
  }
  return messages
}

/**
 * Every message in an outbox folder, oldest first (none if nothing was sent yet), or only the
 * first `limit`. The file is read in pieces, so a large outbox (a benchmark writes hundreds of
 * megabytes) never has to fit in one string.
 */
export const readOutbox = async (
  dir: string,
  { limit = Infinity }: { limit?: number } = {},
): Promise<OutboxMessage[]> => {
  const messages: OutboxMessage[] = []
  let rest = ''
  try {
    for await (const piece of createReadStream(path.join(dir, OUTBOX_FILE), {
      encoding: 'utf8',
      highWaterMark: 1 << 20,
    })) {
      rest += piece as string
      // Everything before the last message start is whole; the last one may go on in the next piece.
      const last = rest.lastIndexOf(`\n${SEPARATOR}`)
      if (last < 0) continue
      messages.push(...parseOutbox(rest.slice(0, last + 1)))
      rest = rest.slice(last + 1)
      if (messages.length >= limit) return messages.slice(0, limit)
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw error
  }
  messages.push(...parseOutbox(rest))
  return messages.slice(0, limit)
}

/**
 * Appends to one file through a single open stream, so a message costs one write (no new file,
 * folder check or open per message: under load, creating three files per email had cost about
 * half of the server's CPU per signature, scripts/bench/signatures.ts). The stream is closed
 * after a second with nothing to write.
 */
type Appender = { write: (text: string) => Promise<void> }
const IDLE_CLOSE_MS = 1000
const appenders = new Map<string, Appender>()

const appenderFor = (file: string): Appender => {
  let appender = appenders.get(file)
  if (appender) return appender
  let stream: WriteStream | null = null
  let pending = 0
  let idle: NodeJS.Timeout | null = null
  const open = (): WriteStream => {
    mkdirSync(path.dirname(file), { recursive: true })
    const s = createWriteStream(file, { flags: 'a' })
    // A failed open or write reaches each waiting message through its callback; the next
    // message opens the file again.
    s.on('error', () => {
      if (stream === s) stream = null
    })
    return s
  }
  appender = {
    write: (text) =>
      new Promise<void>((resolve, reject) => {
        if (idle) clearTimeout(idle)
        idle = null
        try {
          stream ??= open()
        } catch (error) {
          reject(error)
          return
        }
        const s = stream
        pending++
        s.write(text, (error) => {
          pending--
          if (error) {
            if (stream === s) stream = null
            s.destroy()
            reject(error)
            return
          }
          resolve()
          if (pending === 0 && stream === s) {
            idle = setTimeout(() => {
              if (pending === 0 && stream === s) {
                stream = null
                s.end()
              }
            }, IDLE_CLOSE_MS).unref()
          }
        })
      }),
  }
  appenders.set(file, appender)
  return appender
}

/**
 * Without a Resend key, every message is appended to one mbox file (data/outbox/emails.mbox)
 * and logged, so sign-up and confirmation work offline. Any mail program can open the file (or
 * read it with `npm run outbox`); the text of each message is plain in it, so links can be
 * copied from a text editor.
 */
export const outboxAdapter =
  ({ dir }: { dir: string }): EmailAdapter<{ id: string; file: string }> =>
  ({ payload }) => {
    const from = defaultFrom()
    const file = path.join(dir, OUTBOX_FILE)
    return {
      name: 'outbox',
      defaultFromAddress: from.address,
      defaultFromName: from.name,
      sendEmail: async (message: SendEmailOptions) => {
        const to = addressList(message.to)
        if (to.length === 0) throw new EmailSendError('Email not written: it has no "to" address.')
        const sentAt = new Date()
        const id = `${sentAt.getTime().toString(36)}-${Math.random().toString(36).slice(2, 10)}`
        const record: OutboxMessage = {
          id,
          sentAt: sentAt.toISOString(),
          from: addressList(message.from)[0] ?? `${from.name} <${from.address}>`,
          to,
          subject: String(message.subject ?? ''),
          text: typeof message.text === 'string' ? message.text : '',
          html: typeof message.html === 'string' ? message.html : '',
        }
        const unsubscribe = listUnsubscribeOf(message.headers)
        if (unsubscribe) record.listUnsubscribe = unsubscribe
        const files = attachmentList(message.attachments)
        if (files.length)
          record.attachments = files.map((f) => ({ ...f, content: f.content.toString('utf8') }))
        try {
          await appenderFor(file).write(formatOutboxMessage(record))
        } catch (cause) {
          throw new EmailSendError(`Email ${id} not written to the outbox ${file}.`, { cause })
        }
        // The message id only: never the address, the subject or a link (npm run outbox shows them).
        payload.logger.info(`Email ${id} written to ${file}`)
        return { id, file }
      },
    }
  }
