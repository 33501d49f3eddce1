/**
 * The search island's state: the query and filters (kept in the address), the answer on screen,
 * and what the box and filters do. Typing replaces the history entry, pressing Search adds one, so
 * Back returns to the previous search.
 */
import { type SubmitEvent, useEffect, useLayoutEffect, useRef, useState } from 'react'
import { readSearchState, searchStateToQuery, type SearchState } from '../../lib/search/urlState'
import { IDLE, useSearchAnswers } from './useSearchAnswers'

/** How long typing must pause before the address is updated. */
const URL_DEBOUNCE_MS = 300

export const useSearch = ({
  startFocused,
  typedBeforeStart,
}: {
  startFocused: boolean
  typedBeforeStart: string
}) => {
  const { client, shown, setShown, run } = useSearchAnswers()
  // What the box starts with is read while it is first drawn, in the task that replaces the plain
  // box: the address, or what was typed before the island started. Read later (in an effect), it
  // wiped a key pressed in between ('can …' became 'an …' in a loaded CI run).
  const [state, setState] = useState<SearchState>(() => {
    const s = readSearchState(window.location.search)
    return !s.q && typedBeforeStart ? { ...s, q: typedBeforeStart } : s
  })
  const urlTimer = useRef<ReturnType<typeof setTimeout>>(undefined)
  const input = useRef<HTMLInputElement>(null)
  const current = useRef(state)
  current.current = state

  // Answer what the box holds now, and follow Back and Forward.
  useEffect(() => {
    run(current.current)
    // Back and Forward show what the address says; a pending address update from typing must not
    // overwrite the entry Back has just returned to.
    const onPopState = () => {
      clearTimeout(urlTimer.current)
      const s = readSearchState(window.location.search)
      setState(s)
      run(s)
    }
    window.addEventListener('popstate', onPopState)
    return () => window.removeEventListener('popstate', onPopState)
  }, [run])

  // Focusing the new box also fires onFocus, which starts loading the index. A layout effect, so
  // it happens in the same task as the mount (Search.mount.tsx): no keystroke falls in between.
  useLayoutEffect(() => {
    if (startFocused) input.current?.focus()
  }, [startFocused])

  const writeUrl = (s: SearchState, mode: 'replace' | 'push') => {
    clearTimeout(urlTimer.current)
    const url = `${window.location.pathname}${searchStateToQuery(s)}`
    if (url === `${window.location.pathname}${window.location.search}`) return
    if (mode === 'push') window.history.pushState(null, '', url)
    else window.history.replaceState(null, '', url)
  }

  const change = (next: SearchState) => {
    setState(next)
    run(next)
    clearTimeout(urlTimer.current)
    urlTimer.current = setTimeout(() => writeUrl(next, 'replace'), URL_DEBOUNCE_MS)
  }

  const submit = (e: SubmitEvent) => {
    e.preventDefault()
    writeUrl(state, 'push')
    run(state)
  }

  const warmUp = () => void client.ready().catch(() => setShown({ ...IDLE, status: 'error' }))

  return { state, shown, input, change, submit, warmUp }
}
