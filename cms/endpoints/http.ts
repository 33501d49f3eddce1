/**
 * Small helpers the public endpoints share: read a JSON or form body, find the client's IP, and
 * answer a browser form (redirect or HTML page) or a script (JSON) in the way each expects.
 */
import type { PayloadRequest } from 'payload'
import type { FieldErrors } from '../abuse/validation'
import { errorPage } from './pages'

/** Bodies larger than this are refused: no form of ours comes close. */
export const MAX_BODY_BYTES = 16 * 1024

/** The request body was not JSON or a form, or too big. */
export class BodyError extends Error {
  constructor(message: string, readonly status: number) {
    super(message)
    this.name = 'BodyError'
  }
}

/** True when the client sent JSON (the islands); false for a plain HTML form. */
export const isJson = (req: PayloadRequest): boolean => (req.headers.get('content-type') ?? '').includes('application/json')

/** Reads the fields of a JSON or application/x-www-form-urlencoded body. Repeated form fields become arrays. */
export const readFields = async (req: PayloadRequest): Promise<Record<string, unknown>> => {
  const type = req.headers.get('content-type') ?? ''
  const text = req.text ? await req.text() : ''
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) throw new BodyError(`The form is too large: send at most ${MAX_BODY_BYTES / 1024} KB.`, 413)
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

/**
 * The client's IP. Our servers (Next, or serve.ts) put the socket address last in
 * X-Forwarded-For; TRUST_PROXY=<n> trusts n proxies in front of them and takes the address they saw.
 */
export const clientIp = (req: PayloadRequest, env: NodeJS.ProcessEnv = process.env): string => {
  const chain = (req.headers.get('x-forwarded-for') ?? '').split(',').map((s) => s.trim()).filter(Boolean)
  const hops = Number(env.TRUST_PROXY ?? 0) || 0
  return chain[Math.max(0, chain.length - 1 - hops)] ?? req.headers.get('x-real-ip') ?? 'unknown'
}

/** A JSON answer that is never cached. */
export const json = (body: unknown, status = 200, headers: Record<string, string> = {}): Response =>
  Response.json(body, { status, headers: { 'Cache-Control': 'no-store', ...headers } })

/** A redirect after a form post (303: the browser follows with GET). */
export const seeOther = (location: string): Response => new Response(null, { status: 303, headers: { Location: location, 'Cache-Control': 'no-store' } })

/** An HTML page. */
export const html = (body: string, status = 200): Response =>
  new Response(body, { status, headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer', 'X-Robots-Tag': 'noindex' } })

/** Bad input: 422 JSON naming each field for scripts, or an HTML page listing them for a plain form. */
export const invalid = (req: PayloadRequest, errors: FieldErrors, backHref: string): Response =>
  isJson(req) ? json({ status: 'invalid', errors }, 422) : html(errorPage(errors, backHref), 422)

/** Runs an endpoint body, turning a BodyError into its status. Other errors are Payload's to report. */
export const guard = async (req: PayloadRequest, run: () => Promise<Response>): Promise<Response> => {
  try {
    return await run()
  } catch (error) {
    if (error instanceof BodyError) return isJson(req) ? json({ status: 'invalid', message: error.message }, error.status) : html(errorPage({ form: error.message }, '/'), error.status)
    throw error
  }
}
