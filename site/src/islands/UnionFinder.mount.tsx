/**
 * Starts the finder island on a container holding its props as JSON in `data-finder`. We mount it
 * from a script file instead of Astro's `client:visible`, because Astro's island loader is an
 * inline script and inline styles, which our Content-Security-Policy (script-src 'self',
 * style-src 'self') blocks. The page's script waits until the finder is visible, like client:visible.
 */
import { createRoot } from 'react-dom/client'
import UnionFinder from './UnionFinder'

/** Replaces the container's server-rendered hint with the working finder. */
export const mountUnionFinder = (container: HTMLElement): void => {
  const props = JSON.parse(container.dataset.finder ?? '{}')
  createRoot(container).render(<UnionFinder {...props} />)
}
