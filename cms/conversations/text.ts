/**
 * What members may write: plain text, cleaned the same way everywhere (messages, titles, display
 * names). Nothing here is HTML: the island shows it as text and makes http(s) links itself.
 */
import {
  DISPLAY_NAME_MAX_CHARS,
  MESSAGE_MAX_CHARS,
  THREAD_TITLE_MAX_CHARS,
} from '../../content-models/conversations'

/** Field errors, by field name: what is wrong and what is accepted. */
export type FieldErrors = Record<string, string>

export type Checked<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors }

/**
 * Control characters (but tab and newline), bidirectional overrides that can disguise a link, and
 * zero-width characters are taken out; line ends are made \n; runs of blank lines kept to two.
 * @example cleanText('  hi\r\n\u202Ethere\u0000 ') // 'hi\nthere'
 */
export const cleanText = (raw: string): string =>
  raw
    .replace(/\r\n?/g, '\n')
    // eslint-disable-next-line no-control-regex -- removing control characters is the point
    .replace(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim()

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null)

/** A message body: 1 to MESSAGE_MAX_CHARS characters of text after cleaning. */
export const checkBody = (value: unknown, field = 'body'): Checked<string> => {
  const raw = text(value)
  if (raw === null) return { ok: false, errors: { [field]: 'Write your message as text.' } }
  const body = cleanText(raw)
  if (!body) return { ok: false, errors: { [field]: 'Write a message: it cannot be empty.' } }
  if ([...body].length > MESSAGE_MAX_CHARS)
    return {
      ok: false,
      errors: {
        [field]: `A message can be at most ${MESSAGE_MAX_CHARS.toLocaleString('en-GB')} characters; this one has ${[...body].length.toLocaleString('en-GB')}.`,
      },
    }
  return { ok: true, value: body }
}

/** A thread title: one line, 3 to THREAD_TITLE_MAX_CHARS characters. */
export const checkTitle = (value: unknown): Checked<string> => {
  const raw = text(value)
  const title = raw === null ? '' : cleanText(raw).replace(/\s+/g, ' ')
  if (title.length < 3)
    return { ok: false, errors: { title: 'Give the conversation a title of at least 3 characters.' } }
  if ([...title].length > THREAD_TITLE_MAX_CHARS)
    return { ok: false, errors: { title: `A title can be at most ${THREAD_TITLE_MAX_CHARS} characters.` } }
  return { ok: true, value: title }
}

/** Names nobody may take: they would pass a member off as staff. */
const RESERVED =
  /^(admin|administrator|moderator|organiser|organizer|adviser|advisor|staff|system|former member)$/i

/**
 * A display name: 2 to DISPLAY_NAME_MAX_CHARS letters, digits, spaces and . - ' _; no email
 * address, no staff-sounding name.
 * @example checkDisplayName('Night shift 3') // { ok: true, value: 'Night shift 3' }
 */
export const checkDisplayName = (value: unknown): Checked<string> => {
  const raw = text(value)
  const name = raw === null ? '' : cleanText(raw).replace(/\s+/g, ' ')
  const accepted = `Use 2 to ${DISPLAY_NAME_MAX_CHARS} letters, numbers, spaces, dots, dashes, apostrophes or underscores.`
  if (
    [...name].length < 2 ||
    [...name].length > DISPLAY_NAME_MAX_CHARS ||
    !/^[\p{L}\p{N} .'’_-]+$/u.test(name)
  )
    return { ok: false, errors: { displayName: accepted } }
  if (RESERVED.test(name))
    return { ok: false, errors: { displayName: 'That name is kept for staff. Choose another.' } }
  return { ok: true, value: name }
}
