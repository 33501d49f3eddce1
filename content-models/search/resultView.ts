/**
 * How a search answer is shown, in one place for the search island (React) and the CMS's page
 * for readers without JavaScript (HTML text): the status sentence, each result's kind, and its
 * title and summary split into marked and plain runs. Both draw the same elements and classes.
 */
import { highlight, type TextPart } from './highlight'
import { SEARCH_TYPES } from './kinds'
import type { SearchHit } from './query'

const TYPE_LABELS: Record<string, string> = Object.fromEntries(SEARCH_TYPES.map((t) => [t.value, t.label]))

/** One result as drawn: `<li class="search-result">` with its kind, linked title and summary. */
export type ResultView = { url: string; typeLabel: string; title: TextPart[]; summary: TextPart[] }

/** A hit ready to draw, its matched words marked. */
export const resultView = (hit: SearchHit): ResultView => {
  const terms = new Set(hit.terms)
  return {
    url: hit.url,
    typeLabel: TYPE_LABELS[hit.type] ?? hit.type,
    title: highlight(hit.title, terms),
    summary: hit.summary ? highlight(hit.summary, terms) : [],
  }
}

/** What the status line says about an answer (empty while nothing has been asked). */
export type StatusInput = { status: 'idle' | 'done' | 'error'; query: string; shown: number; total: number }

/**
 * The sentence in the search status line.
 * @example searchStatusText({ status: 'done', query: 'sick pay', shown: 20, total: 31 }) // '31 results for “sick pay”. Showing the best 20.'
 */
export const searchStatusText = ({ status, query, shown, total }: StatusInput): string => {
  if (status === 'error') return 'Search is not working right now. Browse the topics below instead.'
  if (status !== 'done') return ''
  if (total === 0) return `Nothing found for “${query}”. Try other words, or browse the topics below.`
  const more = total > shown ? `. Showing the best ${shown}.` : ''
  return `${total} ${total === 1 ? 'result' : 'results'} for “${query}”${more}`
}
