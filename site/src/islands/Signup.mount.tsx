/** Starts the join island on its server-rendered form (props as JSON in data-props). */
import { hydrateRoot } from 'react-dom/client'
import Signup from './Signup'

export const mountSignup = (container: HTMLElement): void => {
  hydrateRoot(container, <Signup {...JSON.parse(container.dataset.props ?? '{}')} />)
}
