/**
 * The busiest public routes, registered on the front server as plain Fastify routes: signing a
 * petition, reading its count, and asking for a sign-in link. They give the same answers as the
 * Payload endpoints in public.ts and signIn.ts (they call the same signAnswer, countAnswer and
 * signInAnswer) with the same CORS headers, without building a web Request and Response per request.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { headersWithCors, type Payload, type PayloadRequest } from 'payload'
import { type Answer } from '../api/http'
import { cachedCountBody, type CountBody } from '../campaigns/counts'
import { countAnswer, countAnswerFrom, signAnswer } from '../api/public'
import { signInAnswer } from '../api/signIn'
import { liveSearchDeps, registerSearchRoute } from '../search'

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
  // eslint-disable-next-line no-restricted-syntax -- headersWithCors reads only req.payload's CORS setting and req.headers; a whole PayloadRequest per origin is what this avoids
  const req = { payload, headers: new Headers(origin ? { origin } : {}) } as unknown as PayloadRequest
  const headers = Object.fromEntries(headersWithCors({ headers: new Headers(), req }))
  // Only a few origins are real; made-up ones are worked out each time rather than kept.
  if (known.size < 50) known.set(key, headers)
  return headers
}

const header = (request: FastifyRequest, name: string): string | undefined => {
  const v = request.headers[name]
  return Array.isArray(v) ? v.join(', ') : v
}

const send = (reply: FastifyReply, answer: Answer, cors: Record<string, string>) =>
  reply
    .code(answer.status)
    .headers({ ...answer.headers, ...cors })
    .send(answer.body ?? undefined)

/** Count answers with their CORS headers, kept per body and origin: the same bytes go out many times a second. */
const countAnswers = new WeakMap<CountBody, Map<Record<string, string>, Answer>>()

const countFromMemory = (
  body: CountBody,
  ifNoneMatch: string | undefined,
  cors: Record<string, string>,
): Answer => {
  if (ifNoneMatch) {
    const conditional = countAnswerFrom(body, ifNoneMatch)
    return { ...conditional, headers: { ...conditional.headers, ...cors } }
  }
  let byCors = countAnswers.get(body)
  if (!byCors) countAnswers.set(body, (byCors = new Map()))
  let answer = byCors.get(cors)
  if (!answer) {
    const plain = countAnswerFrom(body)
    answer = { ...plain, headers: { ...plain.headers, ...cors } }
    if (byCors.size < 50) byCors.set(cors, answer)
  }
  return answer
}

type SlugParams = { Params: { slug: string } }

/**
 * Registers POST /api/public/petitions/:slug/sign, GET (and HEAD) …/count and POST
 * /api/public/sign-in (a member asks for a sign-in link), and GET /search (the site's search form
 * without JavaScript, cms/search/). Bodies arrive as text (see serve.ts).
 */
export const registerFastRoutes = (app: FastifyInstance, payload: Payload) => {
  registerSearchRoute(app, liveSearchDeps(payload))
  app.post<SlugParams>('/api/public/petitions/:slug/sign', async (request, reply) => {
    const cors = corsHeadersFor(payload, header(request, 'origin'))
    const body = typeof request.body === 'string' ? request.body : ''
    return send(
      reply,
      await signAnswer(payload, request.params.slug, {
        contentType: header(request, 'content-type'),
        body,
        ip: request.ip,
      }),
      cors,
    )
  })
  app.post('/api/public/sign-in', async (request, reply) => {
    const cors = corsHeadersFor(payload, header(request, 'origin'))
    const body = typeof request.body === 'string' ? request.body : ''
    return send(
      reply,
      await signInAnswer(payload, { contentType: header(request, 'content-type'), body, ip: request.ip }),
      cors,
    )
  })
  app.get<SlugParams>('/api/public/petitions/:slug/count', async (request, reply) => {
    const cors = corsHeadersFor(payload, header(request, 'origin'))
    // Almost always in memory: answered without waiting on anything.
    const ready = cachedCountBody(payload, request.params.slug)
    const answer = ready
      ? countFromMemory(ready, header(request, 'if-none-match'), cors)
      : { ...(await countAnswer(payload, request.params.slug, header(request, 'if-none-match'))) }
    return send(reply, answer, ready ? {} : cors)
  })
}
