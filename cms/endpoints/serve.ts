/**
 * A plain Node HTTP server for the registered Payload endpoints (no Next, no admin): tests and
 * benchmarks use the real endpoints through it, and a small deployment can run just the public API.
 * Requests go through Payload's own `handleEndpoints`, so routing, CORS and auth are the same as
 * under Next; our anonymous /api/public/ endpoints skip its per-request set-up (runPublic), and
 * the two busiest (sign and count) are served straight on Node's req/res (fastRoutes.ts).
 *
 * Run alone: `npx tsx cms/endpoints/serve.ts` (PORT, default 3001; HOST, default 127.0.0.1).
 * With PROXY_TO=<url> it passes every request outside /api/public/ to that server: `npm start`
 * runs it on the CMS port in front of Next (scripts/lib/cmsServers.ts).
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { handleEndpoints, headersWithCors, type Endpoint, type Payload, type PayloadRequest } from 'payload'
import { fastRouteOf, serveFastRoute } from './fastRoutes'
import { MAX_REQUEST_BODY, serverErrorAnswer, toResponse, wantsJson } from './http'

/** Our anonymous endpoints: they read no user, so they need none of Payload's per-request set-up. */
const PUBLIC_PREFIX = '/api/public/'

/** Matches a path like /public/petitions/:slug/sign against a pathname; the params, or null. */
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

/**
 * Runs one of the public endpoints directly: the same handler Payload would run, with the same
 * CORS headers, but without Payload's request set-up (auth strategies, i18n, a path-to-regexp
 * compiled per endpoint per request, the response copied into a new one), which cost about as much
 * as signing itself (scripts/bench/signatures.ts). Anything else goes through handleEndpoints.
 */
const runPublic = async (payload: Payload, request: Request, pathname: string, body: Buffer | undefined): Promise<Response | null> => {
  const method = request.method.toLowerCase()
  const sub = pathname.slice('/api'.length)
  let endpoint: Endpoint | undefined
  let routeParams: Record<string, string> | null = null
  for (const e of payload.config.endpoints as Endpoint[]) {
    if (e.method !== method || !e.path.startsWith('/public/')) continue
    routeParams = matchPath(e.path, sub)
    if (routeParams) {
      endpoint = e
      break
    }
  }
  if (!endpoint || !routeParams) return null
  const req = Object.assign(request, {
    payload,
    routeParams,
    user: null,
    context: {},
    text: async () => (body ? body.toString('utf8') : ''),
  }) as unknown as PayloadRequest
  let response: Response
  try {
    response = await endpoint.handler(req)
  } catch (error) {
    payload.logger.error({ err: error, msg: `Public endpoint failed on ${request.method} ${pathname}` })
    response = toResponse(serverErrorAnswer(wantsJson(request.headers.get('content-type'), request.headers.get('accept'))))
  }
  const headers = headersWithCors({ headers: new Headers(response.headers), req })
  return new Response(response.body, { status: response.status, headers })
}


/**
 * An HTTP server that hands each request to Payload's endpoint router. `key` must be the key the
 * Payload instance was started with (initPayload's `key`), so requests reach that same instance.
 * With `fallback`, every request outside /api/public/ goes to it instead (see proxy.ts).
 */
export const createEndpointServer = ({ payload, key, fallback }: { payload: Payload; key?: string; fallback?: http.RequestListener }) =>
  http.createServer(async (req, res) => {
    try {
      const url = req.url ?? '/'
      const query = url.indexOf('?')
      const pathname = query < 0 ? url : url.slice(0, query)
      const fast = fastRouteOf(req.method, pathname)
      if (fast) return await serveFastRoute(payload, fast, req, res, MAX_REQUEST_BODY)
      // With a fallback (Next, in npm start), this server keeps only the public endpoints.
      if (fallback && !pathname.startsWith(PUBLIC_PREFIX)) return fallback(req, res)
      const chunks: Buffer[] = []
      let size = 0
      for await (const chunk of req) {
        size += (chunk as Buffer).length
        if (size > MAX_REQUEST_BODY) {
          res.writeHead(413, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Request body too large.')
          return
        }
        chunks.push(chunk as Buffer)
      }
      const headers = new Headers()
      for (const [name, value] of Object.entries(req.headers)) {
        if (value === undefined || name.startsWith(':')) continue
        headers.set(name, Array.isArray(value) ? value.join(', ') : value)
      }
      // Like Next: the socket's address goes last, so clientIp() can trust it.
      const forwarded = headers.get('x-forwarded-for')
      headers.set('x-forwarded-for', forwarded ? `${forwarded}, ${req.socket.remoteAddress}` : String(req.socket.remoteAddress))
      const hasBody = req.method !== 'GET' && req.method !== 'HEAD'
      const request = new Request(`http://${req.headers.host ?? 'localhost'}${req.url ?? '/'}`, {
        method: req.method,
        headers,
        body: hasBody ? Buffer.concat(chunks) : undefined,
      })
      const response =
        (pathname.startsWith(PUBLIC_PREFIX) && req.method !== 'OPTIONS' ? await runPublic(payload, request, pathname, hasBody ? Buffer.concat(chunks) : undefined) : null) ??
        (await handleEndpoints({ config: payload.config, request, payloadInstanceCacheKey: key }))
      const out: Record<string, string | string[]> = {}
      response.headers.forEach((value, name) => {
        out[name] = value
      })
      const cookies = response.headers.getSetCookie?.() ?? []
      if (cookies.length) out['set-cookie'] = cookies
      const body = Buffer.from(await response.arrayBuffer())
      res.writeHead(response.status, out)
      res.end(req.method === 'HEAD' ? undefined : body)
    } catch (error) {
      payload.logger.error({ err: error, msg: `Endpoint server failed on ${req.method} ${req.url}` })
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' })
      res.end('Something went wrong on our side. Please try again.')
    }
  })

/** Starts the endpoint server on `port` (0: any free port) and returns its address. */
export const listen = async (server: http.Server, port = 0, host = '127.0.0.1') => {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      server.off('error', reject)
      resolve()
    })
  })
  const { port: actual } = server.address() as AddressInfo
  return { url: `http://${host}:${actual}`, close: () => new Promise<void>((r) => server.close(() => r())) }
}

// Run alone: start Payload (with migrations) and serve its endpoints.
if (process.argv[1] && /endpoints[\\/]serve\.ts$/.test(process.argv[1])) {
  const { initPayload } = await import('../initPayload')
  const payload = await initPayload()
  const { flushEmailMarks } = await import('../petitions/confirmEmail')
  const { signatureBatcher } = await import('../petitions/sign')
  const { proxyTo } = await import('./proxy')
  const proxyTarget = process.env.PROXY_TO
  const port = Number(process.env.PORT || 3001)
  const { url, close } = await listen(createEndpointServer({ payload, fallback: proxyTarget ? proxyTo(proxyTarget) : undefined }), port, process.env.HOST || '127.0.0.1').catch(
    (error: NodeJS.ErrnoException) => {
      console.error(error.code === 'EADDRINUSE' ? `Port ${port} is in use. Stop what is using it, or choose another port (PORT, or CMS_PORT for npm start).` : String(error))
      process.exit(1)
    },
  )
  console.log(`Payload endpoints listening on ${url}/api${proxyTarget ? ` (everything else passed to ${proxyTarget})` : ''}`)
  // On SIGTERM or SIGINT: stop taking requests, finish the ones in flight, write the queued
  // signatures and "email sent" marks, then close the database.
  let stopping = false
  const stop = async (signal: string) => {
    if (stopping) return
    stopping = true
    const closed = close()
    await signatureBatcher(payload).flush()
    await flushEmailMarks(payload)
    await Promise.race([closed, new Promise((r) => setTimeout(r, 5000).unref())])
    await payload.destroy().catch(() => {})
    console.log(`Payload endpoints stopped (${signal}).`)
    process.exit(0)
  }
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => void stop(signal))
}
