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
  el.replaceChildren()
  createRoot(el).render(
    <StrictMode>
      <Search />
    </StrictMode>,
  )
}
