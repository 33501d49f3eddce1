/**
 * Small helpers the public endpoints share: read a JSON or form body, find the client's IP, and
 * answer a browser form (redirect or HTML page) or a script (JSON) in the way each expects.
 *
 * Answers are plain objects (status, headers, body), the one way every endpoint says what to send:
 * a Payload endpoint returns `toResponse(answer)`, a Fastify route sends it as it is.
 */
import type { PayloadRequest } from 'payload'
import type { FieldErrors } from '../abuse/validation'
import { CLIENT_ADDRESS_HEADER, verifiedClientAddress } from '../edge/clientAddress'
import { errorPage, page, serverErrorPage } from './pages'

/** Bodies larger than this are refused: no form of ours comes close. */
export const MAX_BODY_BYTES = 16 * 1024

/** Our servers stop reading a request body past this (413); the forms' own limit is MAX_BODY_BYTES. */
export const MAX_REQUEST_BODY = 64 * 1024

/** The request body was not JSON or a form, or too big. */
export class BodyError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message)
    this.name = 'BodyError'
  }
}

/** An answer to send: the same for a web Response and for Node's ServerResponse. */
export type Answer = { status: number; headers: Record<string, string>; body: string | Buffer | null }

/** True when the client sent JSON (the islands); false for a plain HTML form. */
export const isJsonType = (contentType: string | null | undefined): boolean =>
  (contentType ?? '').includes('application/json')

/** True when the client sent JSON (the islands); false for a plain HTML form. */
export const isJson = (req: PayloadRequest): boolean => isJsonType(req.headers.get('content-type'))

/**
 * Reads the fields of a JSON or application/x-www-form-urlencoded body, given its Content-Type.
 * Repeated form fields become arrays.
 * @example fieldsOf('application/x-www-form-urlencoded', 'name=Tom&networks=a&networks=b') // { name: 'Tom', networks: ['a', 'b'] }
 */
export const fieldsOf = (contentType: string | null | undefined, text: string): Record<string, unknown> => {
  const type = contentType ?? ''
  if (Buffer.byteLength(text) > MAX_BODY_BYTES)
    throw new BodyError(`The form is too large: send at most ${MAX_BODY_BYTES / 1024} KB.`, 413)
  if (type.includes('application/json')) {
    try {
      const value = JSON.parse(text || '{}')
      if (!value || typeof value !== 'object' || Array.isArray(value)) throw new Error('not an object')
      return value as Record<string, unknown>
    } catch {
      throw new BodyError('The body is not a JSON object. Send a JSON object of fields, or a form.', 400)
    }
  }
  if (type.includes('application/x-www-form-urlencoded') || type === '') {
    const out: Record<string, unknown> = {}
    for (const [key, value] of new URLSearchParams(text)) {
      const prev = out[key]
      out[key] = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value]
    }
    return out
  }
  throw new BodyError('Send the form as application/x-www-form-urlencoded or application/json.', 415)
}

/** Reads the fields of a JSON or application/x-www-form-urlencoded body. Repeated form fields become arrays. */
export const readFields = async (req: PayloadRequest): Promise<Record<string, unknown>> =>
  fieldsOf(req.headers.get('content-type'), req.text ? await req.text() : '')

/**
 * The client's address as the front server worked it out (see clientAddress.ts): read from its
 * signed header, never from X-Forwarded-For, so a client cannot choose it; "unknown" when the
 * request did not come through the front server.
 */
export const clientIp = (req: PayloadRequest): string =>
  verifiedClientAddress(req.payload.secret, req.headers.get(CLIENT_ADDRESS_HEADER))

/** A JSON answer that is never cached. */
export const jsonAnswer = (body: unknown, status = 200, headers: Record<string, string> = {}): Answer => ({
  status,
  headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', ...headers },
  body: JSON.stringify(body),
})

/** A redirect after a form post (303: the browser follows with GET). */
export const seeOtherAnswer = (location: string): Answer => ({
  status: 303,
  headers: { Location: location, 'Cache-Control': 'no-store' },
  body: null,
})

/** An HTML page. */
export const htmlAnswer = (body: string, status = 200): Answer => ({
  status,
  headers: {
    'Content-Type': 'text/html; charset=utf-8',
    'Cache-Control': 'no-store',
    'Referrer-Policy': 'no-referrer',
    'X-Robots-Tag': 'noindex',
  },
  body,
})

/** Bad input: 422 JSON naming each field for scripts, or an HTML page listing them for a plain form. */
export const invalidAnswer = (asJson: boolean, errors: FieldErrors, backHref: string): Answer =>
  asJson ? jsonAnswer({ status: 'invalid', errors }, 422) : htmlAnswer(errorPage(errors, backHref), 422)

/** A BodyError as an answer: JSON for scripts, an HTML page for a plain form. */
export const bodyErrorAnswer = (asJson: boolean, error: BodyError): Answer =>
  asJson
    ? jsonAnswer({ status: 'invalid', message: error.message }, error.status)
    : htmlAnswer(errorPage({ form: error.message }, '/'), error.status)

/** Whether an error should go back as JSON: for scripts (they send JSON, or do not ask for HTML), not for a browser's page or plain form. */
export const wantsJson = (
  contentType: string | null | undefined,
  accept: string | null | undefined,
): boolean => isJsonType(contentType) || !(accept ?? '').includes('text/html')

/** Too many tries from one connection: 429 with Retry-After, and a page for a plain form that says when to try again. */
export const rateLimitedAnswer = (asJson: boolean, retryAfterSeconds: number, backHref: string): Answer => {
  const message = `Too many forms have been sent from your internet connection just now. Please try again in ${waitWords(retryAfterSeconds)}.`
  const answer = asJson
    ? jsonAnswer({ status: 'rate-limited', message, retryAfterSeconds }, 429)
    : htmlAnswer(
        page(
          'Please wait a moment',
          `<p>${message}</p><p>Nothing has been saved. <a href="${backHref.replace(/"/g, '&quot;')}">Go back to the form</a> and send it again then.</p>`,
        ),
        429,
      )
  return { ...answer, headers: { ...answer.headers, 'Retry-After': String(retryAfterSeconds) } }
}

/** A wait in plain words. @example waitWords(90) // '2 minutes' */
export const waitWords = (seconds: number): string =>
  seconds < 60
    ? `${seconds} second${seconds === 1 ? '' : 's'}`
    : `${Math.ceil(seconds / 60)} minute${Math.ceil(seconds / 60) === 1 ? '' : 's'}`

/** Our side failed: JSON for scripts, a page for a person's browser (which would otherwise show raw JSON). */
export const serverErrorAnswer = (asJson: boolean): Answer =>
  asJson
    ? jsonAnswer({ errors: [{ message: 'Something went wrong on our side. Please try again.' }] }, 500)
    : htmlAnswer(serverErrorPage(), 500)

/** An answer as a web Response (for Payload's endpoint router and Next). */
export const toResponse = ({ status, headers, body }: Answer): Response =>
  new Response(
    typeof body === 'string' || body === null
      ? body
      : new Uint8Array(body.buffer as ArrayBuffer, body.byteOffset, body.length),
    { status, headers },
  )

/** Runs an endpoint body, turning a BodyError into its status. Other errors are Payload's to report. */
export const guard = async (req: PayloadRequest, run: () => Promise<Response>): Promise<Response> => {
  try {
    return await run()
  } catch (error) {
    if (error instanceof BodyError) return toResponse(bodyErrorAnswer(isJson(req), error))
    throw error
  }
}
