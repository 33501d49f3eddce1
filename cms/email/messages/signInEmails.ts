/**
 * The sign-in email, as HTML and plain text: its wording here in one place (plain English, reading
 * age about 9), laid out by render.ts's compose with the unsubscribe and erase links.
 */
import { compose, type EmailMessage, type FooterLinks } from './render'

export const SIGN_IN = {
  subject: 'Your link to sign in to Better Work',
  greeting: (name: string) => `Hello ${name},`,
  lead: 'Someone asked to sign in to Better Work with this email address.',
  action: 'To sign in, open this link and press the button. The link works once, for 15 minutes:',
  button: 'Sign in',
  notYou: 'If this was not you, you do not need to do anything. Nobody can sign in without this link.',
}

/** Sends a member their single-use sign-in link. */
export const signInEmail = (a: { firstName: string; signInUrl: string } & FooterLinks): EmailMessage =>
  compose(
    SIGN_IN.subject,
    [
      { kind: 'p', text: SIGN_IN.greeting(a.firstName) },
      { kind: 'p', text: SIGN_IN.lead },
      { kind: 'p', text: SIGN_IN.action },
      { kind: 'button', text: SIGN_IN.button, href: a.signInUrl },
      { kind: 'p', text: SIGN_IN.notYou },
    ],
    a,
    // The footer's "we will delete the details in 7 days" is for new sign-ups, not members.
    { notYou: false },
  )
