/**
 * The MIME parts of the outbox's messages (outboxAdapter.ts): header values, the text and HTML
 * parts, and attached files (a training reminder's .ics) around them, written and read back.
 */

/** A file attached to an outbox message; its content as text (calendar files are text). */
export type OutboxFile = { filename: string; contentType: string; content: string }

/** A header value; text outside printable ASCII is encoded (RFC 2047) so every mail program reads it. */
export const headerValue = (text: string): string => {
  const clean = text.replace(/[\r\n]+/g, ' ')
  return /^[\x20-\x7e]*$/.test(clean) ? clean : `=?UTF-8?B?${Buffer.from(clean).toString('base64')}?=`
}

export const decodeHeader = (value: string): string =>
  value.replace(/=\?UTF-8\?B\?([A-Za-z0-9+/=]*)\?=/gi, (_, b64: string) =>
    Buffer.from(b64, 'base64').toString('utf8'),
  )

/** Undoes the "mboxrd" quoting of lines that start with "From " (see outboxAdapter.ts). */
export const unquoteFromLines = (text: string) => text.replace(/^>(>*From )/gm, '$1')

/** A message body with files: multipart/mixed around the text-and-HTML part, then one part per file. */
export const withFiles = (id: string, alternative: string, files: OutboxFile[]): string => {
  const mixed = `=_files_${id}`
  const filePart = (f: OutboxFile) =>
    `--${mixed}\nContent-Type: ${headerValue(f.contentType)}; name="${headerValue(f.filename)}"\n` +
    `Content-Disposition: attachment; filename="${headerValue(f.filename)}"\nContent-Transfer-Encoding: base64\n\n` +
    `${Buffer.from(f.content)
      .toString('base64')
      .replace(/.{1,76}/g, '$&\n')}`
  return (
    `Content-Type: multipart/mixed; boundary="${mixed}"\n\n--${mixed}\n${alternative}` +
    `${files.map(filePart).join('')}--${mixed}--\n\n`
  )
}

type Parts = { text: string; html: string; attachments: OutboxFile[] }

/** The text, HTML and attached files of a multipart body this adapter wrote (files around the text and HTML, or not). */
export const readParts = (body: string, boundary: string): Parts => {
  const out: Parts = { text: '', html: '', attachments: [] }
  for (const part of body.split(`--${boundary}`).slice(1, -1)) {
    const bodyAt = part.indexOf('\n\n')
    const partHead = part.slice(0, bodyAt)
    const partBody = part.slice(bodyAt + 2)
    const inner = /multipart\/alternative; boundary="([^"]+)"/.exec(partHead)?.[1]
    const file = /Content-Disposition: attachment; filename="([^"]*)"/.exec(partHead)?.[1]
    if (inner) Object.assign(out, { ...readParts(partBody, inner), attachments: out.attachments })
    else if (file !== undefined)
      out.attachments.push({
        filename: decodeHeader(file),
        contentType: decodeHeader(/Content-Type: ([^;\n]+)/.exec(partHead)?.[1] ?? ''),
        content: Buffer.from(partBody.replace(/\s+/g, ''), 'base64').toString('utf8'),
      })
    else if (partHead.includes('text/html'))
      out.html = Buffer.from(partBody.replace(/\s+/g, ''), 'base64').toString('utf8')
    else out.text = unquoteFromLines(partBody.replace(/\n$/, ''))
  }
  return out
}
