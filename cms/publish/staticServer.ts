/**
 * The public site's server: Fastify with @fastify/static over the built site. It serves the
 * brotli or gzip copy the build wrote beside each file (with Vary: Accept-Encoding), ETags and
 * Last-Modified for revalidation, immutable caching for hashed assets, the site's 404 page, and
 * strict security headers. It never sets a cookie. No request, however malformed, stops it.
 */
import { existsSync } from 'node:fs'
import path from 'node:path'
import fastifyStatic from '@fastify/static'
import Fastify, { type FastifyInstance } from 'fastify'
import { errorForLog } from '../email/scrub'
import { guardRequests, newReference, quietRequestLogs } from '../edge/edgeErrors'

/**
 * Security headers for every public page: nothing may load from another origin, forms post only
 * to the site or the CMS, and no referrer leaves the page.
 */
export const securityHeaders = (cmsOrigin: string): Record<string, string> => ({
  'Content-Security-Policy': [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self' ${cmsOrigin}`,
    `form-action 'self' ${cmsOrigin}`,
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "object-src 'none'",
  ].join('; '),
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
  'Permissions-Policy': 'interest-cohort=(), browsing-topics=(), camera=(), microphone=(), geolocation=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
})

/** Hashed build assets (Astro's build.assets folder): their names change with their content. */
export const IMMUTABLE_PREFIX = '/assets/'

/**
 * Builds the site server for `root` (data/site, a symlink switched atomically on each build,
 * followed afresh on every request). Directory URLs get their index.html (a URL without its
 * trailing slash is redirected); dot-files are never served.
 */
export const createStaticServer = async ({
  root,
  cmsOrigin = 'http://localhost:3000',
}: {
  root: string
  cmsOrigin?: string
}): Promise<FastifyInstance> => {
  const headers = securityHeaders(cmsOrigin)
  const app = Fastify({
    logger: { level: process.env.LOG_LEVEL || 'info', base: { service: 'site' } },
    logController: quietRequestLogs(),
    genReqId: newReference,
    requestTimeout: 30_000,
  })
  guardRequests(app)
  app.addHook('onSend', async (_request, reply) => {
    reply.headers(headers)
  })
  await app.register(fastifyStatic, {
    root: path.resolve(root),
    preCompressed: true,
    redirect: true,
    dotfiles: 'ignore',
    index: ['index.html'],
    cacheControl: false,
    etag: true,
    lastModified: true,
    setHeaders: (reply, file) => {
      const relative = `/${path.relative(path.resolve(root), file).split(path.sep).join('/')}`
      reply.header(
        'Cache-Control',
        relative.startsWith(IMMUTABLE_PREFIX)
          ? 'public, max-age=31536000, immutable'
          : 'public, max-age=0, must-revalidate',
      )
    },
  })
  app.setNotFoundHandler(async (request, reply) => {
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return reply.code(405).header('Allow', 'GET, HEAD').send()
    if (!existsSync(path.join(root, '404.html')))
      return reply
        .code(404)
        .type('text/plain; charset=utf-8')
        .send('Not found. The site has not been built yet.')
    return reply.code(404).header('Cache-Control', 'public, max-age=0, must-revalidate').sendFile('404.html')
  })
  app.setErrorHandler(async (error, request, reply) => {
    const status = (error as { statusCode?: number }).statusCode ?? 500
    if (status < 500)
      return reply.code(status).type('text/plain; charset=utf-8').send('This address could not be read.')
    request.log.error({ err: errorForLog(error), reference: request.id }, 'Request failed')
    return reply
      .code(500)
      .type('text/plain; charset=utf-8')
      .send(`Something went wrong on our side. Please try again. Reference: ${request.id}.`)
  })
  return app
}

/** Builds and starts the site server; its address, and how to stop it. */
export const startStaticServer = async ({
  root,
  cmsOrigin,
  port = 0,
  host = '127.0.0.1',
}: {
  root: string
  cmsOrigin?: string
  port?: number
  host?: string
}) => {
  const app = await createStaticServer({ root, cmsOrigin })
  await app.listen({ port, host })
  const address = app.server.address()
  const actual = typeof address === 'object' && address ? address.port : port
  return { url: `http://${host}:${actual}`, app, close: () => app.close() }
}
