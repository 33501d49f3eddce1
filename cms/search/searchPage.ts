/**
 * GET /search on the CMS: the search form of the site's search page, for readers without
 * JavaScript. Checks the request, counts it against the rate limit, answers from the live build's
 * index with the island's own SearchClient (cached per normalised query until the build changes)
 * and fills the results into the build's own search page. Sets no cookie; logs nothing of the
 * query (only the request's reference, by the server).
 */
import type { Answer } from '../api/http'
import { page } from '../api/pages'
import { escapeHtml as e } from '../email/messages/render'
import { answerSearch, type BuildSearch } from './liveIndex'
import { fillSearchPage } from './resultsPage'
import type { SearchLimit } from './searchLimit'
import { parseSearchRequest, searchCacheKey } from './searchRequest'

/** As many results as the island shows (useSearchAnswers.ts). */
export const SEARCH_PAGE_RESULTS = 20

/** What answering a search needs: the live build's search, the limiter and the site's address. */
export type SearchPageDeps = {
  build: () => Promise<BuildSearch>
  limit: SearchLimit
  siteOrigin: string
  cmsOrigin: string
}

/** Headers of every answer: the page may load styles and images from the site only, and no script at all. */
export const searchPageHeaders = (siteOrigin: string, cmsOrigin: string): Record<string, string> => ({
  'Content-Type': 'text/html; charset=utf-8',
  'Content-Security-Policy': [
    "default-src 'none'",
    `style-src ${siteOrigin} 'unsafe-inline'`,
    `img-src ${siteOrigin} data:`,
    `font-src ${siteOrigin}`,
    `form-action ${siteOrigin} ${cmsOrigin}`,
    `base-uri ${siteOrigin}`,
    "frame-ancestors 'none'",
  ].join('; '),
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
})

const plainPage = (status: number, title: string, body: string, headers: Record<string, string>): Answer => ({
  status,
  headers: { ...headers, 'Cache-Control': 'no-store' },
  body: page(title, body),
})

/** Answers one GET /search (`queryString` without its "?", `ip` the client's address). */
export const searchPageAnswer = async (
  deps: SearchPageDeps,
  queryString: string,
  ip: string,
): Promise<Answer> => {
  const headers = searchPageHeaders(deps.siteOrigin, deps.cmsOrigin)
  const back = `<p><a href="${e(deps.siteOrigin)}/search/">Go back to search</a></p>`
  const checked = parseSearchRequest(queryString)
  if (!checked.ok) {
    const items = Object.entries(checked.errors).map(
      ([field, message]) => `<li><strong>${e(field)}</strong>: ${e(message)}</li>`,
    )
    return plainPage(
      400,
      'Please check your search',
      `<ul class="errors">${items.join('')}</ul>${back}`,
      headers,
    )
  }
  const verdict = await deps.limit(ip)
  if (verdict.limited) {
    const wait = verdict.retryAfterSeconds
    return {
      ...plainPage(
        429,
        'Too many searches',
        `<p>Please wait ${wait} seconds and search again.</p>${back}`,
        headers,
      ),
      headers: { ...headers, 'Cache-Control': 'no-store', 'Retry-After': String(wait) },
    }
  }
  const build = await deps.build()
  const request = checked.data
  const results = request.q.trim()
    ? (
        await answerSearch(build, searchCacheKey(request), (client) =>
          client.search(
            request.q,
            { type: request.type || null, nation: request.nation || null },
            SEARCH_PAGE_RESULTS,
          ),
        )
      ).results
    : null
  return {
    status: 200,
    // Shared caches may keep an answer a minute: a new build is seen within that.
    headers: { ...headers, 'Cache-Control': 'public, max-age=60' },
    body: fillSearchPage(build.template, request, results, deps.siteOrigin),
  }
}
