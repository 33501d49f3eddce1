import http from 'node:http'
import type { AddressInfo } from 'node:net'

/** What our Resend adapter sends to POST /emails (the fields the tests read). */
export type ResendBody = {
  from?: string
  to?: string[]
  subject?: string
  html?: string
  text?: string
  [field: string]: unknown
}

/** One request as it arrived: `raw` is the body as sent, `body` the same read as JSON (empty if it was not JSON). */
export type RecordedRequest = {
  method: string
  url: string
  headers: http.IncomingHttpHeaders
  raw: string
  body: ResendBody
}

/**
 * A local HTTP stand-in for Resend's API (POST /emails). It records every request and answers
 * like Resend does; `failWith` makes it answer with an error status and body instead.
 */
export const startResendStandIn = async () => {
  const requests: RecordedRequest[] = []
  let failure: { status: number; body: unknown } | null = null
  const server = http.createServer((req, res) => {
    let raw = ''
    req.on('data', (c) => (raw += c))
    req.on('end', () => {
      let body: ResendBody = {}
      try {
        body = JSON.parse(raw)
      } catch {
        // Not JSON: only `raw` holds it.
      }
      requests.push({ method: req.method!, url: req.url!, headers: req.headers, raw, body })
      if (failure) {
        res
          .writeHead(failure.status, { 'Content-Type': 'application/json' })
          .end(JSON.stringify(failure.body))
        return
      }
      if (req.method === 'POST' && req.url === '/emails') {
        res
          .writeHead(200, { 'Content-Type': 'application/json' })
          .end(JSON.stringify({ id: `re_${requests.length}` }))
        return
      }
      res
        .writeHead(404, { 'Content-Type': 'application/json' })
        .end(JSON.stringify({ name: 'not_found', message: 'Not found', statusCode: 404 }))
    })
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    failWith: (status: number, body: unknown) => {
      failure = { status, body }
    },
    succeed: () => {
      failure = null
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  }
}
