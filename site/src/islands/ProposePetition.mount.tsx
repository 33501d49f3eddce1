/** Starts the propose-a-petition island (in the browser only: it depends on the CMS's session). */
import { createRoot } from 'react-dom/client'
import ProposePetition from './ProposePetition'

export const mountProposePetition = (container: HTMLElement): void => {
  createRoot(container).render(<ProposePetition {...JSON.parse(container.dataset.props ?? '{}')} />)
}
