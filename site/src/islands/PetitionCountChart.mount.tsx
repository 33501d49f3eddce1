/** Starts the chart island on its server-rendered tables (props as JSON in data-props). */
import { hydrateRoot } from 'react-dom/client'
import PetitionCountChart from './PetitionCountChart'

export const mountPetitionCountChart = (container: HTMLElement): void => {
  hydrateRoot(container, <PetitionCountChart {...JSON.parse(container.dataset.props ?? '{}')} />)
}
