/** Starts the training register island on its server-rendered form (props as JSON in data-props). */
import { hydrateRoot } from 'react-dom/client'
import TrainingRegister from './TrainingRegister'

export const mountTrainingRegister = (container: HTMLElement): void => {
  hydrateRoot(container, <TrainingRegister {...JSON.parse(container.dataset.props ?? '{}')} />)
}
