/**
 * Starts the sign-in form of a member-only page, on what the server drew (SignInPanel, props as JSON in
 * data-props), when someone not signed in starts to use it: what they typed stays.
 */
import { hydrateRoot } from 'react-dom/client'
import { SignInPanel, type SignInPanelProps } from './account/SignInForm'

export const mountSignIn = (container: HTMLElement): void => {
  hydrateRoot(
    container,
    <SignInPanel {...(JSON.parse(container.dataset.props ?? '{}') as SignInPanelProps)} />,
  )
}
