/**
 * Starts My account in its empty container (props as JSON in data-props). Rendered in the browser
 * only: what it shows depends on the CMS's session, which a static page cannot know. The page's
 * <noscript> part says what works without JavaScript.
 */
import { createRoot } from 'react-dom/client'
import Account from './Account'

export const mountAccount = (container: HTMLElement): void => {
  createRoot(container).render(<Account {...JSON.parse(container.dataset.props ?? '{}')} />)
}
