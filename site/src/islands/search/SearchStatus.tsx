/** What the search found, said in a live region: nothing yet, an error, no results, or how many. */
import { searchStatusText } from '../../../../content-models/search/resultView'
import type { Shown } from './useSearchAnswers'

export function SearchStatus({ shown }: { shown: Shown }) {
  return (
    <p className="search-status" role="status" aria-live="polite">
      {searchStatusText({ ...shown, shown: shown.hits.length })}
    </p>
  )
}
