import http from 'node:http'
import type { AddressInfo } from 'node:net'

/** What our Resend adapter sends for one email (the fields the tests read). */
export type ResendBody = {
  from?: string
  to?: string[]
  subject?: string
  html?: string
  text?: string
  [field: string]: unknown
}

/**
 * One email as it arrived: `raw` is its JSON as sent, `body` the same read as JSON (empty if it
 * was not JSON). An email from POST /emails/batch has an entry of its own, with `batch` saying
 * where it was in which request.
 */
export type RecordedRequest = {
  method: string
  url: string
  headers: http.IncomingHttpHeaders
  raw: string
  body: ResendBody
  /** The HTTP request it came in, counted from 1 (one batch request: many entries, one number). */
  request: number
  batch?: { index: number; size: number }
}

/** Resend's own limit on one batch request. */
const BATCH_LIMIT = 100

const answer = (res: http.ServerResponse, status: number, body: unknown) =>
  res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body))

/** Each email of a batch request recorded on its own; the raw body when it is not a list. */
const entriesOf = (base: Omit<RecordedRequest, 'raw' | 'body'>, raw: string, body: unknown) =>
  Array.isArray(body)
    ? body.map((email: ResendBody, index) => ({
        ...base,
        raw: JSON.stringify(email),
        body: email,
        batch: { index, size: body.length },
      }))
    : [{ ...base, raw, body: {} }]

/**
 * A local HTTP stand-in for Resend's API: POST /emails (one email) and POST /emails/batch (up to
 * 100, answered with their ids in order, as `{ data: [{ id }, …] }`). It records every email and
 * answers like Resend does; `failWith` makes it answer every request with an error status and body
 * instead (a failed batch request sends none of its emails, as in Resend's strict validation);
 * `holdNext` keeps the next request unanswered until `release` (a sender cut off mid-request).
 */
export const startResendStandIn = async () => {
  const requests: RecordedRequest[] = []
  let failure: { status: number; body: unknown } | null = null
  let count = 0
  let holdNext = false
  const held: (() => void)[] = []
  const server = http.createServer((req, res) => {
    let raw = ''
    req.on('data', (c) => (raw += c))
    req.on('end', () => {
      let body: unknown = {}
      try {
        body = JSON.parse(raw)
      } catch {
        // Not JSON: only `raw` holds it.
      }
      const request = ++count
      const base = { method: req.method!, url: req.url!, headers: req.headers, request }
      const batch = req.method === 'POST' && req.url === '/emails/batch'
      if (batch) requests.push(...entriesOf(base, raw, body))
      else requests.push({ ...base, raw, body: body as ResendBody })
      const respond = () => {
        if (failure) return answer(res, failure.status, failure.body)
        if (req.method === 'POST' && req.url === '/emails') return answer(res, 200, { id: `re_${request}` })
        if (batch && (!Array.isArray(body) || body.length === 0 || body.length > BATCH_LIMIT))
          return answer(res, 422, {
            name: 'validation_error',
            message: `The batch must be a list of 1 to ${BATCH_LIMIT} emails.`,
            statusCode: 422,
          })
        if (batch)
          return answer(res, 200, { data: (body as unknown[]).map((_, i) => ({ id: `re_${request}_${i}` })) })
        answer(res, 404, { name: 'not_found', message: 'Not found', statusCode: 404 })
      }
      if (!holdNext) return respond()
      holdNext = false
      held.push(respond)
    })
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    /** HTTP requests answered so far (a batch of 100 emails is one). */
    requestCount: () => count,
    failWith: (status: number, body: unknown) => {
      failure = { status, body }
    },
    succeed: () => {
      failure = null
    },
    /** Leaves the next request unanswered (recorded all the same) until `release`. */
    holdNext: () => {
      holdNext = true
    },
    /** Answers the held requests. */
    release: () => {
      for (const respond of held.splice(0)) respond()
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  }
}
