/** Starts the network page's membership island in its empty container (props as JSON in data-props). */
import { createRoot } from 'react-dom/client'
import AccountNetwork from './AccountNetwork'

export const mountAccountNetwork = (container: HTMLElement): void => {
  createRoot(container).render(<AccountNetwork {...JSON.parse(container.dataset.props ?? '{}')} />)
}
