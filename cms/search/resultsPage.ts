/**
 * The answer page for readers without JavaScript: the live build's own search page, with the
 * query and filters filled into its form and the results drawn where the island draws them, from
 * the same view (content-models/search/resultView.ts), so both look the same. The page is served
 * from the CMS's address: a <base> sends its links and styles to the site, and its scripts are
 * left out (the island is the site's page's business; this one works without them).
 */
import type { TextPart } from '../../content-models/search/highlight'
import type { SearchResults } from '../../content-models/search/query'
import { resultView, searchStatusText } from '../../content-models/search/resultView'
import { escapeHtml as e } from '../email/messages/render'
import type { SearchRequest } from './searchRequest'

const marked = (parts: TextPart[]) =>
  parts.map((p) => (p.mark ? `<mark>${e(p.text)}</mark>` : e(p.text))).join('')

/** The status line and results, as the island draws them (ResultList.tsx and SearchStatus.tsx). */
export const resultsHtml = (query: string, results: SearchResults): string => {
  const status = searchStatusText({ status: 'done', query, shown: results.hits.length, total: results.total })
  const items = results.hits
    .map(resultView)
    .map(
      (v) =>
        `<li class="search-result"><p class="search-result-type">${e(v.typeLabel)}</p><h3><a href="${e(v.url)}">${marked(v.title)}</a></h3>${v.summary.length ? `<p>${marked(v.summary)}</p>` : ''}</li>`,
    )
    .join('')
  const list = items
    ? `<section aria-labelledby="search-results-heading"><h2 id="search-results-heading">Results</h2><ol class="search-results">${items}</ol></section>`
    : ''
  return `<p class="search-status" role="status" aria-live="polite">${e(status)}</p>${list}`
}

/** Marks `value` as the chosen option of the select named `name`. */
const choose = (html: string, name: string, value: string): string =>
  value
    ? html.replace(
        new RegExp(`(<select\\b[^>]*\\bname="${name}"[^>]*>)([\\s\\S]*?)(</select>)`),
        (_m, open, options: string, close) =>
          `${open}${options.replace(`<option value="${value}"`, `<option value="${value}" selected`)}${close}`,
      )
    : html

/** Where the results go in the site's search page (an empty element the page leaves for them). */
const ANSWER_SLOT = /<div data-search-answer(?:="")?\s*><\/div>/

/**
 * The site's search page (`template`, as built) answering `request`, for a page served from the
 * CMS: links and styles resolve against `siteOrigin`, scripts are left out, and search engines
 * are asked not to index it.
 */
export const fillSearchPage = (
  template: string,
  request: SearchRequest,
  results: SearchResults | null,
  siteOrigin: string,
): string => {
  let html = template
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, '')
    .replace(/<link\b[^>]*\brel="modulepreload"[^>]*>/gi, '')
    .replace(/<head\b[^>]*>/i, (head) => `${head}<base href="${e(siteOrigin)}/">`)
    .replace(/<meta name="robots" content="[^"]*"\s*\/?>/i, '<meta name="robots" content="noindex">')
    .replace(/(<input\b[^>]*\bname="q")/, `$1 value="${e(request.q)}"`)
  html = choose(choose(html, 'type', request.type), 'nation', request.nation)
  const answer = results ? resultsHtml(request.q.trim(), results) : ''
  return ANSWER_SLOT.test(html)
    ? html.replace(ANSWER_SLOT, () => answer)
    : html.replace('</form>', () => `</form>${answer}`)
}
