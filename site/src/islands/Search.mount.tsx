/**
 * Starts the search island in place of the search page's plain form. Loaded by a script on the
 * search page (Astro's client:* loaders are inline scripts, which the site's CSP blocks).
 */
import { StrictMode } from 'react'
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
  el.replaceChildren()
  createRoot(el).render(
    <StrictMode>
      <Search startFocused={startFocused} typedBeforeStart={typedBeforeStart} />
    </StrictMode>,
  )
}
