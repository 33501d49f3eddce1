/**
 * Requests answered by Payload's own endpoint code, from the front server: our /api/public/
 * endpoints run straight (runPublic), and, when no Next stands behind the front server (tests, a
 * small deployment of just the API), everything else goes through Payload's router.
 */
import type { FastifyReply, FastifyRequest } from 'fastify'
import { handleEndpoints, headersWithCors, type Endpoint, type Payload, type PayloadRequest } from 'payload'
import { errorForLog } from '../email/scrub'
import { CLIENT_ADDRESS_HEADER, signedClientAddress } from './clientAddress'
import { serverErrorAnswer, toResponse, wantsJson } from '../api/http'

/**
 * Matches a path like /public/petitions/:slug/sign against a pathname; the params, or null.
 * @example matchPath('/public/confirm/:kind/:token', '/public/confirm/member/abc') // { kind: 'member', token: 'abc' }
 */
export const matchPath = (pattern: string, pathname: string): Record<string, string> | null => {
  const want = pattern.split('/')
  const got = pathname.split('/')
  if (want.length !== got.length) return null
  const params: Record<string, string> = {}
  for (let i = 0; i < want.length; i++) {
    if (want[i].startsWith(':')) {
      if (!got[i]) return null
      try {
        params[want[i].slice(1)] = decodeURIComponent(got[i])
      } catch {
        return null
      }
    } else if (want[i] !== got[i]) return null
  }
  return params
}

/** The request as a web Request for Payload, with the client's address as the front server decided it. */
const webRequest = (payload: Payload, request: FastifyRequest, body: string | undefined): Request | null => {
  let url: URL
  try {
    url = new URL(request.url, 'http://localhost')
  } catch {
    return null
  }
  const headers = new Headers()
  for (const [name, value] of Object.entries(request.headers)) {
    if (
      value === undefined ||
      name.startsWith(':') ||
      name === 'x-forwarded-for' ||
      name === CLIENT_ADDRESS_HEADER
    )
      continue
    headers.set(name, Array.isArray(value) ? value.join(', ') : value)
  }
  headers.set('x-forwarded-for', request.ip)
  headers.set(CLIENT_ADDRESS_HEADER, signedClientAddress(payload.secret, request.ip))
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD'
  return new Request(url, { method: request.method, headers, body: hasBody ? (body ?? '') : undefined })
}

/** Runs one of our public endpoints without Payload's per-request set-up (auth, i18n), which cost as much as signing itself. */
const runPublic = async (
  payload: Payload,
  request: Request,
  pathname: string,
  body: string | undefined,
): Promise<Response | null> => {
  const method = request.method.toLowerCase()
  const sub = pathname.slice('/api'.length)
  for (const endpoint of payload.config.endpoints as Endpoint[]) {
    if (endpoint.method !== method || !endpoint.path.startsWith('/public/')) continue
    const routeParams = matchPath(endpoint.path, sub)
    if (!routeParams) continue
    const fields = { payload, routeParams, user: null, context: {}, text: async () => body ?? '' }
    // Our public endpoints read only these fields and the Request itself: the part of Payload's
    // per-request set-up they use, without the rest.
    // eslint-disable-next-line no-restricted-syntax -- a PayloadRequest in all that our public endpoints read (see above)
    const req = Object.assign(request, fields) as unknown as PayloadRequest
    let response: Response
    try {
      response = await endpoint.handler(req)
    } catch (error) {
      payload.logger.error({
        err: errorForLog(error),
        msg: `Public endpoint ${endpoint.method.toUpperCase()} ${endpoint.path} failed`,
      })
      response = toResponse(
        serverErrorAnswer(wantsJson(request.headers.get('content-type'), request.headers.get('accept'))),
      )
    }
    return new Response(response.body, {
      status: response.status,
      headers: headersWithCors({ headers: new Headers(response.headers), req }),
    })
  }
  return null
}

/** Sends a web Response through Fastify, keeping every Set-Cookie. */
const sendResponse = async (reply: FastifyReply, response: Response, head: boolean) => {
  reply.code(response.status)
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie' && name !== 'content-length' && name !== 'transfer-encoding')
      reply.header(name, value)
  })
  const cookies = response.headers.getSetCookie()
  if (cookies.length) reply.header('set-cookie', cookies)
  const body = Buffer.from(await response.arrayBuffer())
  return reply.send(head ? undefined : body)
}

/**
 * False for a multipart/form-data body that cannot be whole: no boundary, or no closing
 * `--boundary--`. Payload's form reader answers those with a 500 ("Unexpected end of form").
 */
export const completeMultipart = (contentType: string | undefined, body: string | undefined): boolean => {
  if (!contentType || !/^\s*multipart\/form-data/i.test(contentType)) return true
  const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType)
  const name = boundary?.[1] ?? boundary?.[2]
  return Boolean(name && body?.includes(`--${name}--`))
}

/**
 * A Fastify handler that answers with Payload: our public endpoints straight, anything else
 * (a CORS preflight, the REST API without Next) through Payload's router. `key` is the key the
 * Payload instance was started with, so the router reaches that same instance.
 */
export const answerWithPayload =
  (payload: Payload, key: string | undefined) =>
  async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> => {
    const body = typeof request.body === 'string' ? request.body : undefined
    const web = webRequest(payload, request, body)
    if (!web)
      return reply
        .code(400)
        .type('text/plain; charset=utf-8')
        .send('This address could not be read. Check the link and try again.')
    if (!completeMultipart(request.headers['content-type'], body))
      return reply
        .code(400)
        .type('text/plain; charset=utf-8')
        .send('The form arrived incomplete (a multipart body without its closing boundary). Send it again.')
    const pathname = new URL(web.url).pathname
    const response =
      (pathname.startsWith('/api/public/') && request.method !== 'OPTIONS'
        ? await runPublic(payload, web, pathname, body)
        : null) ??
      (await handleEndpoints({ config: payload.config, request: web, payloadInstanceCacheKey: key }))
    return sendResponse(reply, response, request.method === 'HEAD')
  }
