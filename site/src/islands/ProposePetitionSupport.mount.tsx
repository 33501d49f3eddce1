/** Starts the supporters' island (nothing is rendered on the server: the token is only in the browser). */
import { createRoot } from 'react-dom/client'
import ProposePetitionSupport from './ProposePetitionSupport'

export const mountProposePetitionSupport = (container: HTMLElement): void => {
  createRoot(container).render(<ProposePetitionSupport {...JSON.parse(container.dataset.props ?? '{}')} />)
}
