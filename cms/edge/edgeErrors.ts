/**
 * How the front server fails: a request it cannot take (too large, a type it cannot read, a
 * malformed body) gets its 4xx with a message saying what would be accepted; anything unexpected
 * gets 500 with a reference that is also in the log, and the server keeps serving. Logs carry the
 * reference and the route's pattern, never the path itself (confirm and erase links hold tokens),
 * addresses or names.
 */
import { randomBytes } from 'node:crypto'
import {
  type FastifyError,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  type FastifyServerOptions,
  LogController,
} from 'fastify'
import { errorForLog } from '../email/scrub'
import { htmlAnswer, jsonAnswer, MAX_BODY_BYTES, type Answer, wantsJson } from '../api/http'
import { errorPage, page } from '../api/pages'
import { continueInOrder } from './expectContinue'

/** What Fastify's own 4xx errors mean, in plain words. */
const CLIENT_ERRORS: Record<string, string> = {
  FST_ERR_CTP_BODY_TOO_LARGE: `The form is too large: send at most ${MAX_BODY_BYTES / 1024} KB.`,
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'Send the form as application/x-www-form-urlencoded or application/json.',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'The Content-Length header does not match the body.',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'The body is empty. Send a JSON object of fields, or a form.',
  FST_ERR_CTP_INVALID_JSON_BODY: 'The body is not JSON. Send a JSON object of fields, or a form.',
}

const header = (request: FastifyRequest, name: string) => {
  const v = request.headers[name]
  return Array.isArray(v) ? v.join(', ') : v
}

const send = (reply: FastifyReply, answer: Answer) =>
  reply
    .code(answer.status)
    .headers(answer.headers)
    .send(answer.body ?? undefined)

/** Fastify's error handler for the front server. */
export const answerError = (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
  const asJson = wantsJson(header(request, 'content-type'), header(request, 'accept'))
  const status = error.statusCode ?? 500
  if (status >= 400 && status < 500) {
    const message =
      CLIENT_ERRORS[error.code] ?? 'The request could not be read. Check its format and send it again.'
    return send(
      reply,
      asJson
        ? jsonAnswer({ status: 'invalid', message }, status)
        : htmlAnswer(errorPage({ form: message }, '/'), status),
    )
  }
  const reference = request.id
  request.log.error(
    { err: errorForLog(error), reference, route: request.routeOptions?.url ?? 'unmatched' },
    'Request failed',
  )
  const message = `Something went wrong on our side. Please try again in a few minutes. If it keeps happening, tell us this reference: ${reference}.`
  return send(
    reply,
    asJson
      ? jsonAnswer({ errors: [{ message }], reference }, 500)
      : htmlAnswer(
          page(
            'Something went wrong on our side',
            `<p>We could not finish this, and we have kept nothing from the form. Please go back and try again in a few minutes.</p><p>If it keeps happening, tell us this reference: <strong>${reference}</strong>.</p>`,
          ),
          500,
        ),
  )
}

const PROCESS_PREFIX = randomBytes(3).toString('hex')
let sequence = 0

/** A short reference for each request, quoted to the person and in the log: this process's random prefix and a count (no random bytes per request). */
export const newReference = () => `${PROCESS_PREFIX}-${(++sequence).toString(36)}`

/** No log line per request (paths hold tokens); errors are logged by answerError with a reference. */
export const quietRequestLogs = () => new LogController({ disableRequestLogging: true })

/** The front server's logger: JSON lines (pino), at LOG_LEVEL, without request lines. */
export const edgeLoggerOptions = (env: NodeJS.ProcessEnv): FastifyServerOptions['logger'] => ({
  level: env.LOG_LEVEL || 'info',
  base: { service: 'cms-front' },
})

/**
 * Logs one warning when forwarding headers arrive while TRUST_PROXY is 0: a proxy or CDN is
 * probably in front, and every client would look like it (one rate limit for everybody).
 */
export const warnOnUntrustedForwarding = (app: FastifyInstance, env: Record<string, string | undefined>) => {
  if (Number(env.TRUST_PROXY || 0) > 0) return
  let warned = false
  app.addHook('onRequest', async (request) => {
    if (warned || !(request.headers['x-forwarded-for'] || request.headers.forwarded)) return
    warned = true
    request.log.warn(
      'Requests arrive with X-Forwarded-For or Forwarded, but TRUST_PROXY is 0, so the address of the proxy in front is taken as every client’s. If a load balancer or CDN is in front of the CMS, set TRUST_PROXY to the number of proxies.',
    )
  })
}

/** A Host header as RFC 9110 allows it: a name or an address (IPv6 in brackets), and an optional port. */
const VALID_HOST = /^(?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9._~-]+)(?::\d{1,5})?$/

/** The answer to a request that asks to switch protocols: we serve no WebSocket or h2c. */
const NO_UPGRADE =
  'HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: 38\r\nConnection: close\r\n\r\nThis server does not switch protocols.'

/**
 * Rules for every request, on both servers: a malformed Host header is refused with 400 (it
 * would otherwise reach the proxy's client, which cannot use it); a request asking to switch
 * protocols (Connection: Upgrade) gets 400 and its connection closed: Node hands such a
 * connection over to whoever listens for 'upgrade' and stops reading it as HTTP, so without this
 * it would hang until its timeout; "100 Continue" goes only to the response on the wire
 * (expectContinue.ts).
 */
export const guardRequests = (app: FastifyInstance) => {
  continueInOrder(app.server)
  app.server.on('upgrade', (_request, socket) => {
    socket.on('error', () => socket.destroy())
    // Written, then the connection is closed outright: a client that keeps its half open must not hold the server open.
    socket.end(NO_UPGRADE, () => socket.destroy())
  })
  app.addHook('onRequest', async (request, reply) => {
    const host = request.headers.host
    if (host !== undefined && !VALID_HOST.test(host)) {
      return reply
        .code(400)
        .header('Content-Type', 'text/plain; charset=utf-8')
        .header('Connection', 'close')
        .send('The Host header is not a host name. Send Host: <name>[:port].')
    }
  })
}
