/**
 * Starts a network's conversations in their empty container (props as JSON in data-props).
 * Rendered in the browser only: what it shows depends on the CMS's session, which a static page
 * cannot know. The page's <noscript> part says that it needs JavaScript.
 */
import { createRoot } from 'react-dom/client'
import Conversations from './Conversations'

export const mountConversations = (container: HTMLElement): void => {
  createRoot(container).render(<Conversations {...JSON.parse(container.dataset.props ?? '{}')} />)
}
