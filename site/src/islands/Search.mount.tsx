/**
 * Starts the search island in place of the search page's plain form. Loaded by a script on the
 * search page (Astro's client:* loaders are inline scripts, which the site's CSP blocks).
 */
import { StrictMode } from 'react'
import { flushSync } from 'react-dom'
import { createRoot } from 'react-dom/client'
import Search from './Search'

/** Replaces the no-JavaScript form in `el` with the search island. */
export const mountSearch = (el: HTMLElement) => {
  if (el.dataset.mounted) return
  el.dataset.mounted = 'true'
  // Someone may have clicked the plain box and started typing before this script arrived.
  const plain = el.querySelector<HTMLInputElement>('input[name="q"]')
  const startFocused = !!plain && document.activeElement === plain
  const typedBeforeStart = plain?.value ?? ''
  // Replaced, drawn and focused in one task (flushSync, and a layout effect for the focus), so a
  // reader still typing loses no keystroke to a moment with no box.
  el.replaceChildren()
  const root = createRoot(el)
  flushSync(() =>
    root.render(
      <StrictMode>
        <Search startFocused={startFocused} typedBeforeStart={typedBeforeStart} />
      </StrictMode>,
    ),
  )
}
