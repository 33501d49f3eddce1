/**
 * The two busiest public routes, served straight on Node's request and response: signing a
 * petition and reading its count. They give the same answers as the Payload endpoints in
 * public.ts (they call the same signAnswer and countAnswer), with the same CORS headers, but
 * skip building a web Request and Response per request, which cost more than the work itself
 * under load (see scripts/bench/signatures.ts).
 */
import type http from 'node:http'
import { headersWithCors, type Payload, type PayloadRequest } from 'payload'
import { type Answer, clientIpFrom, serverErrorAnswer, wantsJson } from './http'
import { cachedCountBody, type CountBody } from '../petitions/counts'
import { countAnswer, countAnswerFrom, signAnswer } from './public'

/** A request to one of the fast routes: which one, and the petition slug. */
export type FastRoute = { route: 'sign' | 'count'; slug: string }

const PREFIX = '/api/public/petitions/'

/**
 * Which fast route a request is for, or null for every other request (those go through Payload's
 * router). Only POST …/sign and GET …/count; a preflight (OPTIONS) goes through Payload.
 * @example fastRouteOf('POST', '/api/public/petitions/fair-rotas/sign') // { route: 'sign', slug: 'fair-rotas' }
 */
export const fastRouteOf = (method: string | undefined, pathname: string): FastRoute | null => {
  if (!pathname.startsWith(PREFIX)) return null
  const rest = pathname.slice(PREFIX.length)
  const slash = rest.indexOf('/')
  if (slash < 1) return null
  const action = rest.slice(slash + 1)
  const route = action === 'sign' && method === 'POST' ? 'sign' : action === 'count' && method === 'GET' ? 'count' : null
  if (!route) return null
  try {
    return { route, slug: decodeURIComponent(rest.slice(0, slash)) }
  } catch {
    return null
  }
}

const corsByOrigin = new WeakMap<Payload, Map<string, Record<string, string>>>()

/**
 * The CORS headers Payload would add for this Origin (its own headersWithCors, run once per
 * origin and kept): only the site's origin is allowed.
 */
export const corsHeadersFor = (payload: Payload, origin: string | undefined): Record<string, string> => {
  let known = corsByOrigin.get(payload)
  if (!known) corsByOrigin.set(payload, (known = new Map()))
  const key = origin ?? ''
  const hit = known.get(key)
  if (hit) return hit
  const req = { payload, headers: new Headers(origin ? { origin } : {}) } as unknown as PayloadRequest
  const headers = Object.fromEntries(headersWithCors({ headers: new Headers(), req }))
  // Only a few origins are real; made-up ones are worked out each time rather than kept.
  if (known.size < 50) known.set(key, headers)
  return headers
}

const header = (req: http.IncomingMessage, name: string): string | undefined => {
  const v = req.headers[name]
  return Array.isArray(v) ? v.join(', ') : v
}

/** Reads a request body up to `max` bytes; null when it is larger (the rest is read and dropped). */
const readBody = (req: http.IncomingMessage, max: number): Promise<string | null> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    const onData = (chunk: Buffer) => {
      size += chunk.length
      if (size > max) {
        req.off('data', onData).off('end', onEnd)
        resolve(null)
      } else chunks.push(chunk)
    }
    const onEnd = () => resolve(chunks.length === 1 ? chunks[0].toString('utf8') : Buffer.concat(chunks).toString('utf8'))
    req.on('data', onData).on('end', onEnd).once('error', reject)
  })

const send = (res: http.ServerResponse, answer: Answer, cors: Record<string, string>) => {
  res.writeHead(answer.status, { ...answer.headers, ...cors })
  res.end(answer.body ?? undefined)
}

/** Count answers with their CORS headers, kept per body and origin: the same bytes go out many times a second. */
const countAnswers = new WeakMap<CountBody, Map<Record<string, string>, Answer>>()

const sendCount = (res: http.ServerResponse, body: CountBody, ifNoneMatch: string | undefined, cors: Record<string, string>) => {
  if (ifNoneMatch) return send(res, countAnswerFrom(body, ifNoneMatch), cors)
  let byCors = countAnswers.get(body)
  if (!byCors) countAnswers.set(body, (byCors = new Map()))
  let answer = byCors.get(cors)
  if (!answer) {
    const plain = countAnswerFrom(body)
    answer = { ...plain, headers: { ...plain.headers, ...cors } }
    if (byCors.size < 50) byCors.set(cors, answer)
  }
  res.writeHead(answer.status, answer.headers)
  res.end(answer.body ?? undefined)
}

/**
 * Serves a fast route. `maxBody` is the server's body limit (larger bodies get 413, as for every
 * other route); the client's IP is read as for every other route: the socket's address goes last
 * in X-Forwarded-For, and TRUST_PROXY says how many proxies in front to trust.
 */
export const serveFastRoute = async (payload: Payload, route: FastRoute, req: http.IncomingMessage, res: http.ServerResponse, maxBody: number): Promise<void> => {
  const cors = corsHeadersFor(payload, header(req, 'origin'))
  if (route.route === 'count') {
    // Almost always in memory: answered without waiting on anything.
    const ready = cachedCountBody(payload, route.slug)
    if (ready) return sendCount(res, ready, header(req, 'if-none-match'), cors)
  }
  let answer: Answer
  try {
    if (route.route === 'count') {
      answer = await countAnswer(payload, route.slug, header(req, 'if-none-match'))
    } else {
      const body = await readBody(req, maxBody)
      if (body === null) {
        res.writeHead(413, { 'Content-Type': 'text/plain; charset=utf-8', ...cors }).end('Request body too large.')
        return
      }
      const forwarded = header(req, 'x-forwarded-for')
      const socket = String(req.socket.remoteAddress)
      const ip = clientIpFrom(forwarded ? `${forwarded}, ${socket}` : socket, header(req, 'x-real-ip'))
      answer = await signAnswer(payload, route.slug, { contentType: header(req, 'content-type'), body, ip })
    }
  } catch (error) {
    payload.logger.error({ err: error, msg: `Public endpoint failed on ${req.method} ${req.url}` })
    answer = serverErrorAnswer(wantsJson(header(req, 'content-type'), header(req, 'accept')))
  }
  send(res, answer, cors)
}
