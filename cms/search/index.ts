/**
 * Search without JavaScript, on the CMS's front server: GET /search answers the site's search
 * form from the live build's index (see searchPage.ts).
 */
import type { FastifyInstance } from 'fastify'
import type { Payload } from 'payload'
import { sitePaths } from '../publish'
import { SearchLoadError } from '../../content-models/search/query'
import { LiveSearchError, liveSearch } from './liveIndex'
import { searchRateLimit } from './searchLimit'
import { searchPageAnswer, searchPageHeaders, type SearchPageDeps } from './searchPage'

export { LiveSearchError, liveSearch } from './liveIndex'
export { searchRateLimit } from './searchLimit'
export { searchPageAnswer, type SearchPageDeps } from './searchPage'

/** The deps of a running CMS: data/site, the site's and the CMS's addresses, the shared limiter. */
export const liveSearchDeps = (
  payload: Payload | null,
  env: NodeJS.ProcessEnv = process.env,
): SearchPageDeps => ({
  build: liveSearch(sitePaths().live),
  limit: searchRateLimit(payload, env),
  siteOrigin: new URL(env.SITE_URL || 'http://localhost:4321').origin,
  cmsOrigin: new URL(env.CMS_URL || 'http://localhost:3000').origin,
})

/** Registers GET (and HEAD) /search and /search/. A build that cannot be read is answered 503, with a way on. */
export const registerSearchRoute = (app: FastifyInstance, deps: SearchPageDeps) => {
  const handler = async (request: { url: string; ip: string; log: FastifyInstance['log'] }) => {
    const at = request.url.indexOf('?')
    try {
      return await searchPageAnswer(deps, at < 0 ? '' : request.url.slice(at + 1), request.ip)
    } catch (error) {
      // No live build, or one whose index files cannot be read (SearchLoadError names the file).
      if (!(error instanceof LiveSearchError || error instanceof SearchLoadError)) throw error
      request.log.error({ err: { type: error.name, message: error.message } }, 'search page unavailable')
      return {
        status: 503,
        headers: {
          ...searchPageHeaders(deps.siteOrigin, deps.cmsOrigin),
          'Cache-Control': 'no-store',
          'Retry-After': '30',
        },
        body: `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Search – Better Work</title></head><body><main><h1>Search is not available right now</h1><p><a href="${deps.siteOrigin}/guides/">Browse the guides</a> or try again in a minute.</p></main></body></html>`,
      }
    }
  }
  for (const url of ['/search', '/search/'])
    app.get(url, async (request, reply) => {
      const answer = await handler(request)
      return reply.code(answer.status).headers(answer.headers).send(answer.body)
    })
}
