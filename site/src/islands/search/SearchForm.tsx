/** The search box and its filters, in a form that still works as a plain GET to /search/. */
import type { RefObject, SubmitEvent } from 'react'
import {
  MAX_SEARCH_QUERY_LENGTH,
  SEARCH_NATIONS,
  SEARCH_TYPES,
} from '../../../../content-models/search/kinds'
import type { SearchState } from '../../lib/search/urlState'

export type SearchFormProps = {
  state: SearchState
  input: RefObject<HTMLInputElement | null>
  onChange: (next: SearchState) => void
  onSubmit: (e: SubmitEvent) => void
  onFocus: () => void
}

export function SearchForm({ state, input, onChange, onSubmit, onFocus }: SearchFormProps) {
  return (
    <form role="search" method="get" action="/search/" onSubmit={onSubmit}>
      <label htmlFor="q">Search guides, letters, training, unions and networks</label>
      <div className="search-box">
        <input
          id="q"
          ref={input}
          name="q"
          type="search"
          autoComplete="off"
          maxLength={MAX_SEARCH_QUERY_LENGTH}
          value={state.q}
          onFocus={onFocus}
          onChange={(e) => onChange({ ...state, q: e.target.value })}
        />
        <button type="submit">Search</button>
      </div>
      <div className="search-filters">
        <div>
          <label htmlFor="search-type">Show</label>
          <select
            id="search-type"
            name="type"
            value={state.type}
            onChange={(e) => onChange({ ...state, type: e.target.value })}
          >
            <option value="">Everything</option>
            {SEARCH_TYPES.map((t) => (
              <option key={t.value} value={t.value}>
                {t.label}s
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="search-nation">Where you work</label>
          <select
            id="search-nation"
            name="nation"
            value={state.nation}
            onChange={(e) => onChange({ ...state, nation: e.target.value })}
          >
            <option value="">Anywhere in the UK</option>
            {SEARCH_NATIONS.map((n) => (
              <option key={n.value} value={n.value}>
                {n.label}
              </option>
            ))}
          </select>
        </div>
      </div>
    </form>
  )
}
