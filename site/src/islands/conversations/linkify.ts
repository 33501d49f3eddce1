/**
 * Splits a message's plain text into text and links, so the island renders it as text nodes and
 * <a> elements only: nothing a member types is ever read as HTML. Only http: and https: addresses
 * become links; anything else (javascript:, data:, mailto:, tags) stays text.
 */

/** A run of text, or a link: `href` is the checked, normalised address; `text` what the author typed. */
export type BodyPart = { text: string; href?: string }

/** Candidates: an http(s) address up to a space, a quote or an angle bracket, not inside a word. */
const CANDIDATE = /\bhttps?:\/\/[^\s<>"'`]+/gi

/** Punctuation that usually ends a sentence, not an address ("see https://x.org."). */
const TRAILING = /[.,;:!?)\]}]+$/

/** The candidate without its trailing punctuation; a closing bracket stays when it closes one in the address. */
const trimEnd = (candidate: string): string => {
  let url = candidate.replace(TRAILING, '')
  const rest = candidate.slice(url.length)
  if (rest.startsWith(')') && (url.match(/\(/g)?.length ?? 0) > (url.match(/\)/g)?.length ?? 0)) url += ')'
  return url
}

/** The address a link may point at, or null: http(s) with a host and no user name or password in it. */
export const safeHref = (text: string): string | null => {
  let url: URL
  try {
    url = new URL(text)
  } catch {
    return null
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null
  // "https://bank.example@evil.example" shows one place and goes to another: leave it as text.
  if (!url.hostname || url.username || url.password) return null
  return url.href
}

/**
 * The parts of a message body, in order; joined, their texts are the body unchanged.
 * @example linkify('See https://acas.org.uk.') // [{text:'See '}, {text:'https://acas.org.uk', href:'https://acas.org.uk/'}, {text:'.'}]
 */
export const linkify = (body: string): BodyPart[] => {
  const parts: BodyPart[] = []
  let last = 0
  const push = (text: string) => {
    if (!text) return
    const prev = parts[parts.length - 1]
    if (prev && prev.href === undefined) prev.text += text
    else parts.push({ text })
  }
  for (const match of body.matchAll(CANDIDATE)) {
    const url = trimEnd(match[0])
    const href = safeHref(url)
    if (!href) continue
    push(body.slice(last, match.index))
    parts.push({ text: url, href })
    last = match.index + url.length
  }
  push(body.slice(last))
  return parts
}
