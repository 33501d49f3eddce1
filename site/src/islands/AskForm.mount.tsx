/** Starts the ask island on its server-rendered form (props as JSON in data-props). */
import { hydrateRoot } from 'react-dom/client'
import AskForm from './AskForm'

export const mountAskForm = (container: HTMLElement): void => {
  hydrateRoot(container, <AskForm {...JSON.parse(container.dataset.props ?? '{}')} />)
}
