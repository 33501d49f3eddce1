/**
 * The CMS's front server, on Fastify: it answers the public endpoints itself (signing and the
 * count as plain routes, the rest through Payload's endpoint code) and, with `proxyTo` (Next, in
 * `npm start`), passes everything else there through @fastify/http-proxy (undici frames every
 * body). Fastify parses HTTP, limits bodies and works out the client's address from TRUST_PROXY;
 * what is ours is routing and our rules.
 *
 * Run alone: `npx tsx cms/edge/serve.ts` (PORT, default 3001; HOST, default 127.0.0.1;
 * PROXY_TO=<url of next start> to pass everything outside /api/public/ there).
 */
import Fastify, { type FastifyInstance } from 'fastify'
import type { Payload } from 'payload'
import { limitCorsCredentials } from './accountCors'
import { trustProxyHops } from './clientAddress'
import { registerFastRoutes } from './fastRoutes'
import { registerLiveRoute } from './liveRoute'
import {
  answerError,
  edgeLoggerOptions,
  guardRequests,
  newReference,
  quietRequestLogs,
  warnOnUntrustedForwarding,
} from './edgeErrors'
import { MAX_REQUEST_BODY } from '../api/http'
import { answerWithPayload } from './payloadRoutes'
import { limitLinkPresses, passToNext } from './passToNext'

export { matchPath } from './payloadRoutes'

export type EndpointServerOptions = {
  payload: Payload
  /** The key the Payload instance was started with (initPayload's `key`), so Payload's router reaches it. */
  key?: string
  /** The server to pass everything outside /api/public/ to (Next); without it Payload's router answers. */
  proxyTo?: string
  env?: NodeJS.ProcessEnv
}

/** Every method our public endpoints and Payload's router may answer. */
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const

/** Builds the front server (not yet listening). */
export const createEndpointServer = async ({
  payload,
  key,
  proxyTo,
  env = process.env,
}: EndpointServerOptions): Promise<FastifyInstance> => {
  const hops = trustProxyHops(env)
  const app = Fastify({
    // proxy-addr trusts the `hops` nearest addresses of X-Forwarded-For; 0 takes the socket's.
    trustProxy: hops > 0 ? (_address: string, hop: number) => hop < hops : false,
    bodyLimit: MAX_REQUEST_BODY,
    logger: edgeLoggerOptions(env),
    logController: quietRequestLogs(),
    requestIdHeader: false,
    genReqId: newReference,
    return503OnClosing: true,
    // A slow or stalled client is cut off instead of holding a connection for minutes.
    requestTimeout: 30_000,
    connectionTimeout: 60_000,
    routerOptions: { maxParamLength: 500 },
  })
  app.setErrorHandler(answerError)
  guardRequests(app)
  limitCorsCredentials(app)
  warnOnUntrustedForwarding(app, env)

  registerLiveRoute(app, payload)
  await app.register(async (publicScope) => {
    // Our endpoints read the body as text themselves (JSON or a form, see fieldsOf), whatever it claims to be.
    publicScope.removeAllContentTypeParsers()
    publicScope.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => done(null, body))
    registerFastRoutes(publicScope, payload)
    const viaPayload = answerWithPayload(payload, key)
    publicScope.route({
      method: [...METHODS],
      url: '/api/public/*',
      preHandler: limitLinkPresses(payload),
      handler: viaPayload,
    })
    if (!proxyTo) publicScope.route({ method: [...METHODS], url: '/*', handler: viaPayload })
  })
  if (proxyTo) await app.register(passToNext, { payload, upstream: proxyTo })
  return app
}

/** A listening front server: its address, and how to stop it. */
export type RunningServer = { url: string; app: FastifyInstance; close: () => Promise<void> }

/** Starts a built server on `port` (0: any free port). */
export const listen = async (app: FastifyInstance, port = 0, host = '127.0.0.1'): Promise<RunningServer> => {
  await app.listen({ port, host })
  const address = app.server.address()
  const actual = typeof address === 'object' && address ? address.port : port
  return { url: `http://${host}:${actual}`, app, close: () => app.close() }
}

/** Builds and starts the front server. */
export const startEndpointServer = async (
  options: EndpointServerOptions & { port?: number; host?: string },
): Promise<RunningServer> => listen(await createEndpointServer(options), options.port, options.host)

// Run alone: start Payload (with migrations) and serve its endpoints.
if (process.argv[1] && /edge[\\/]serve\.ts$/.test(process.argv[1])) {
  const { runFrontServer } = await import('./runFrontServer')
  await runFrontServer(startEndpointServer)
}
