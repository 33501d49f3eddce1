/**
 * Search as you type. Loads the index manifest when the box gets focus, then only the pieces a
 * query needs (see lib/search/): results show with their titles as soon as the query's term shards
 * are here (for most key presses they already are, and the results are drawn with the key), and
 * their summaries fill in after. Keeps the query in the address: typing replaces the history
 * entry, pressing Search adds one, so Back returns to the previous search. Without JavaScript the
 * page's own form and topic links do the job. State lives in search/useSearch.ts, parts beside it.
 */
import { ResultList } from './search/ResultList'
import { SearchForm } from './search/SearchForm'
import { SearchStatus } from './search/SearchStatus'
import { useSearch } from './search/useSearch'

/** What the page's plain form held when the island replaced it, so nothing typed or focused is lost. */
export type SearchProps = { startFocused?: boolean; typedBeforeStart?: string }

export default function Search({ startFocused = false, typedBeforeStart = '' }: SearchProps) {
  const { state, shown, input, change, submit, warmUp } = useSearch({ startFocused, typedBeforeStart })
  return (
    <div className="search-island">
      <SearchForm state={state} input={input} onChange={change} onSubmit={submit} onFocus={warmUp} />
      <SearchStatus shown={shown} />
      {shown.hits.length > 0 && shown.status === 'done' && <ResultList hits={shown.hits} />}
    </div>
  )
}
