/** What the search found, said in a live region: nothing yet, an error, no results, or how many. */
import type { Shown } from './useSearchAnswers'

export function SearchStatus({ shown }: { shown: Shown }) {
  return (
    <p className="search-status" role="status" aria-live="polite">
      {shown.status === 'error' && 'Search is not working right now. Browse the topics below instead.'}
      {shown.status === 'done' &&
        shown.total === 0 &&
        `Nothing found for “${shown.query}”. Try other words, or browse the topics below.`}
      {shown.status === 'done' &&
        shown.total > 0 &&
        `${shown.total} ${shown.total === 1 ? 'result' : 'results'} for “${shown.query}”${shown.total > shown.hits.length ? `. Showing the best ${shown.hits.length}.` : ''}`}
    </p>
  )
}
