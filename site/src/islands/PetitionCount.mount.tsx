/** Starts the count island on its server-rendered count (props as JSON in data-props). */
import { hydrateRoot } from 'react-dom/client'
import PetitionCount from './PetitionCount'

export const mountPetitionCount = (container: HTMLElement): void => {
  hydrateRoot(container, <PetitionCount {...JSON.parse(container.dataset.props ?? '{}')} />)
}
