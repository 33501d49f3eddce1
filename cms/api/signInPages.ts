/**
 * The pages of signing in that the CMS serves itself: the page a sign-in link opens (a button,
 * so a mail scanner opening the link signs nobody in), the page for a link that no longer works
 * (with a form for a new one, so it works without JavaScript), and "check your email".
 */
import { escapeHtml as e } from '../email/messages/render'
import { siteUrl } from '../members/tokens'
import { page } from './pages'

/** Where the form on these pages asks for a new link. */
export const SIGN_IN_REQUEST_PATH = '/api/public/sign-in'

/** What a request for a link is answered, whoever asks: it never says whether the address is a member's. */
export const SIGN_IN_SENT =
  'Check your email. If the address belongs to a member of Better Work, we have sent a link to sign in. It works once, for 15 minutes. If it has not come in a few minutes, look in your spam folder.'

const askAgainForm = () =>
  `<form method="post" action="${e(SIGN_IN_REQUEST_PATH)}">
<p><label for="email">Your email address</label><br><input id="email" name="email" type="email" autocomplete="email" required size="30"></p>
<p><button type="submit">Send me a new link</button></p></form>`

/** The page a sign-in link opens: nothing happens until the button is pressed. */
export const signInButtonPage = (action: string) =>
  page(
    'Sign in to Better Work',
    `<p>Press the button to sign in on this device. You stay signed in for 30 days, or until you sign out.</p>
<form method="post" action="${e(action)}"><button type="submit">Sign in</button></form>`,
  )

/** A sign-in link that was used already, is more than 15 minutes old, or was copied wrong. */
export const signInSpentPage = () =>
  page(
    'This sign-in link does not work any more',
    `<p>Each link works once, for 15 minutes, and only the newest one you asked for. We can email you a new one.</p>${askAgainForm()}
<p><a href="${e(siteUrl())}/">Go to the Better Work website</a></p>`,
  )

/** After asking for a link with a plain form. */
export const signInSentPage = () =>
  page(
    'Check your email',
    `<p>${e(SIGN_IN_SENT)}</p><p><a href="${e(siteUrl())}/">Go to the Better Work website</a></p>`,
  )
