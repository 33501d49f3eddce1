/**
 * Email templates leave the site as files or links made on the worker's device: an .eml draft
 * their email program opens, or a mailto: link that opens a new email with the subject and body.
 */

/**
 * Above about 2,000 characters some email programs and browsers cut a mailto: link short or
 * refuse it, so past this the worker is told to copy the text instead.
 */
export const MAILTO_LIMIT = 2000

/** A mailto: link with subject and body (no address: the worker adds who it goes to). */
export const mailtoHref = ({
  to = '',
  subject,
  body,
}: {
  to?: string
  subject: string
  body: string
}): string => {
  const crlf = (s: string) => s.replace(/\r?\n/g, '\r\n')
  return `mailto:${encodeURIComponent(to)}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(crlf(body))}`
}

/** True when a mailto: link is too long to open reliably. */
export const mailtoTooLong = (href: string): boolean => href.length > MAILTO_LIMIT

/** UTF-8 bytes as base64, in the browser and in Node alike. */
const base64 = (text: string): string => {
  const bytes = new TextEncoder().encode(text)
  let binary = ''
  for (const b of bytes) binary += String.fromCharCode(b)
  return btoa(binary)
}

/** A header value; words outside ASCII are encoded (RFC 2047) so every program reads them. */
const headerValue = (text: string): string => {
  const clean = text.replace(/[\r\n]+/g, ' ')
  return /^[\x20-\x7e]*$/.test(clean) ? clean : `=?UTF-8?B?${base64(clean)}?=`
}

/**
 * An unsent email as an .eml file. "X-Unsent: 1" makes Outlook open it as a draft ready to send;
 * the body is base64 UTF-8 so any character the worker types survives.
 */
export const buildEml = ({
  to = '',
  subject,
  body,
}: {
  to?: string
  subject: string
  body: string
}): string => {
  const encoded = base64(body.replace(/\r?\n/g, '\r\n')).replace(/.{1,76}/g, '$&\r\n')
  return [
    `To: ${headerValue(to)}`,
    `Subject: ${headerValue(subject)}`,
    'X-Unsent: 1',
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: base64',
    '',
    encoded,
  ].join('\r\n')
}
