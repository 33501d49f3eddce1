/**
 * Keeps personal data out of logs and stored errors: an email service's error can quote the
 * address it refused, and a logged path can carry a confirm or erase token. What is left says
 * what went wrong; the record id (logged beside it) says for whom.
 */

const SEP = `\\s<>()\\[\\]"',;:/\\\\?&=#`
/** Anything shaped like an address, as typed or URL-encoded ("%40"), with a quoted display name before it. */
const QUOTED_NAME = new RegExp(`"[^"]*"\\s*<[^<>${SEP}]+@[^<>\\s]+>`, 'g')
const ADDRESS = new RegExp(`[^${SEP}]+(?:@|%40)[^${SEP}]+`, 'gi')
/** Tokens in our public link paths: /confirm/<kind>/<token>, /unsubscribe|erase|keep/<kind>/<id>/<token>. */
const CONFIRM_PATH = /(\/confirm\/[a-z]+\/)[^/?#\s"']+/gi
const SIGNED_PATH = /(\/(?:unsubscribe|erase|keep)\/[a-z]+\/[^/?#\s"']+\/)[^/?#\s"']+/gi
/** A member's sign-in link: /account/sign-in/<id>/<token>. */
const SIGN_IN_PATH = /(\/sign-in\/[^/?#\s"']+\/)[^/?#\s"']+/gi

/**
 * Replaces email addresses with "[address]" and link tokens with "[token]".
 * @example scrubPersonal('Resend refused "Tom" <tom@example.org>') // 'Resend refused [address]'
 * @example scrubPersonal('POST /api/public/erase/member/7/abc123') // 'POST /api/public/erase/member/7/[token]'
 */
export const scrubPersonal = (text: string): string =>
  text
    .replace(QUOTED_NAME, '[address]')
    .replace(ADDRESS, '[address]')
    .replace(CONFIRM_PATH, '$1[token]')
    .replace(SIGNED_PATH, '$1[token]')
    .replace(SIGN_IN_PATH, '$1[token]')

/** What a log line may say about an error: its type, status and scrubbed message, stack and cause. */
export type LoggedError = {
  type: string
  message: string
  statusCode?: number
  stack?: string
  cause?: LoggedError
}

/**
 * An error as it may be logged (pass it as `err` to payload.logger): the same facts, with
 * addresses and tokens scrubbed from the message, the stack and each cause.
 */
export const errorForLog = (error: unknown, depth = 0): LoggedError => {
  if (!(error instanceof Error)) {
    const text =
      typeof error === 'object' && error && 'message' in error
        ? String((error as { message: unknown }).message)
        : String(error)
    return { type: typeof error, message: scrubPersonal(text) }
  }
  const status = (error as { statusCode?: unknown }).statusCode
  return {
    type: error.name,
    message: scrubPersonal(error.message),
    ...(typeof status === 'number' ? { statusCode: status } : {}),
    ...(error.stack ? { stack: scrubPersonal(error.stack) } : {}),
    ...(error.cause !== undefined && depth < 3 ? { cause: errorForLog(error.cause, depth + 1) } : {}),
  }
}

/** The text stored as a record's `confirmEmailError`: scrubbed, at most 500 characters. */
export const storedErrorText = (error: unknown): string =>
  scrubPersonal(String((error as Error)?.message ?? error)).slice(0, 500)
