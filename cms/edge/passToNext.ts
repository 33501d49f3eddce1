/**
 * Everything outside /api/public/ (the admin, the REST API, uploads) is passed to Next by
 * @fastify/http-proxy: undici re-frames every body, so nothing the client sent unframed can reach
 * Next as a second request. The forwarding headers Next sees are written here, never appended to
 * what the client sent: X-Forwarded-For is the address the front server worked out, and the
 * same address goes in a header signed with the Payload secret (clientAddress.ts).
 * Logging in to the admin is limited per client address (RATE_LIMIT_LOGIN), on top of Payload's
 * lock of an account after repeated wrong passwords.
 */
import httpProxy from '@fastify/http-proxy'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Payload } from 'payload'
import { limitRate } from '../abuse/rateLimit'
import { CLIENT_ADDRESS_HEADER, clientRateKey, signedClientAddress } from './clientAddress'
import { siteUrl } from '../members/tokens'
import { rateLimitedAnswer, waitWords, wantsJson } from '../api/http'

/** Headers a client could use to claim an address or origin; dropped before Next sees the request. */
const CLAIMS = [
  'forwarded',
  'x-forwarded-for',
  'x-forwarded-host',
  'x-forwarded-proto',
  'x-forwarded-port',
  'x-real-ip',
  'x-client-ip',
  CLIENT_ADDRESS_HEADER,
]

/** The admin's login endpoint: limited per client address. */
const LOGIN_PATH = /^\/api\/users\/login(?:\?|$)/

const throttleLogin = (payload: Payload) => async (request: FastifyRequest, reply: FastifyReply) => {
  if (request.method !== 'POST' || !LOGIN_PATH.test(request.url)) return
  const verdict = await limitRate(payload, 'login', clientRateKey(request.ip))
  if (!verdict.limited) return
  return reply
    .code(429)
    .header('Retry-After', String(verdict.retryAfterSeconds))
    .header('Cache-Control', 'no-store')
    .send({
      errors: [
        {
          message: `Too many tries to log in from your connection. Please wait ${waitWords(verdict.retryAfterSeconds)} and try again.`,
        },
      ],
    })
}

/** The buttons behind email links: confirm (RATE_LIMIT_CONFIRM), and unsubscribe, erase, keep (RATE_LIMIT_ERASE). */
const LINK_PRESS = /^\/api\/public\/(confirm|unsubscribe|erase|keep|unfollow)\//

/** Limits presses of the buttons behind email links per client address: a 429 page saying when to try again. */
export const limitLinkPresses =
  (payload: Payload) => async (request: FastifyRequest, reply: FastifyReply) => {
    const press = request.method === 'POST' ? LINK_PRESS.exec(request.url) : null
    if (!press) return
    const verdict = await limitRate(
      payload,
      press[1] === 'confirm' ? 'confirm' : 'erase',
      clientRateKey(request.ip),
    )
    if (!verdict.limited) return
    const answer = rateLimitedAnswer(
      wantsJson(request.headers['content-type'], request.headers.accept),
      verdict.retryAfterSeconds,
      `${siteUrl()}/`,
    )
    return reply.code(answer.status).headers(answer.headers).send(answer.body)
  }

/** Registers the pass-through to `upstream` (Next's private address). */
export const passToNext = async (
  app: FastifyInstance,
  { payload, upstream }: { payload: Payload; upstream: string },
) => {
  await app.register(httpProxy, {
    upstream,
    prefix: '/',
    websocket: false,
    preHandler: throttleLogin(payload),
    // Shorter than Node's and Next's own keep-alive (5 s), so undici never reuses a connection the
    // server behind is closing; an idempotent request that still meets a reset is tried once more.
    undici: { connections: 64, pipelining: 1, keepAliveTimeout: 2_000 },
    replyOptions: {
      retriesCount: 1,
      rewriteRequestHeaders: (request, headers) => {
        const out: Record<string, string | string[] | undefined> = { ...headers }
        for (const name of CLAIMS) delete out[name]
        // Node has already answered "100 Continue" to the client; undici refuses any Expect header.
        delete out.expect
        // Next builds its links from Host, as the client sent it (reply-from sets the upstream's).
        if (request.headers.host) out.host = request.headers.host
        out['x-forwarded-for'] = request.ip
        out['x-forwarded-proto'] = request.protocol
        out['x-forwarded-host'] = request.host
        out[CLIENT_ADDRESS_HEADER] = signedClientAddress(payload.secret, request.ip)
        return out
      },
      onError: (reply) => {
        reply
          .code(502)
          .header('Content-Type', 'text/plain; charset=utf-8')
          .header('Cache-Control', 'no-store')
          .send('The CMS is not answering yet. Try again in a moment.')
      },
    },
  })
}
