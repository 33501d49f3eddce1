/**
 * Starts the sign island on its server-rendered form (props as JSON in data-props). Mounted from a
 * script file, not Astro's client:* (its inline loader breaks our script-src 'self' policy).
 */
import { hydrateRoot } from 'react-dom/client'
import SignPetition from './SignPetition'

export const mountSignPetition = (container: HTMLElement): void => {
  hydrateRoot(container, <SignPetition {...JSON.parse(container.dataset.props ?? '{}')} />)
}
