/** Starts the reply island (nothing is rendered on the server: the token is only in the browser). */
import { createRoot } from 'react-dom/client'
import AskReply from './AskReply'

export const mountAskReply = (container: HTMLElement): void => {
  createRoot(container).render(<AskReply {...JSON.parse(container.dataset.props ?? '{}')} />)
}
