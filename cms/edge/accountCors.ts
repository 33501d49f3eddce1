/**
 * Credentials (a member's session cookie) cross from the site's origin to the CMS only for the
 * member endpoints, /api/account/*. Payload's CORS (the site's origin only, cms/config.ts) allows
 * credentials on every route it answers; the front server takes that back everywhere else, so the
 * site's scripts reach the staff API and the public endpoints only as an anonymous reader would.
 */
import type { FastifyInstance } from 'fastify'

/** The routes a browser may call from the site's origin with the member's cookie. */
export const ACCOUNT_PATH = /^\/api\/account\//

/** Drops Access-Control-Allow-Credentials from every answer outside /api/account/*. */
export const limitCorsCredentials = (app: FastifyInstance) => {
  app.addHook('onSend', async (request, reply, body) => {
    if (!ACCOUNT_PATH.test(request.url)) reply.removeHeader('access-control-allow-credentials')
    return body
  })
}
