/**
 * The pages the training links and plain forms answer with: a button behind every emailed link
 * (mail scanners open links), and what happened, in plain words. Wording is here.
 */
import { escapeHtml as e } from '../email/messages/render'
import { siteUrl } from '../members/tokens'
import type { ConfirmRegistrationOutcome } from '../training/byEmail'
import type { CancelOutcome } from '../training/cancel'
import { page } from './pages'

const links = (slug?: string) =>
  `<p>${slug ? `<a href="${e(siteUrl())}/training/${e(slug)}/">Back to the session</a> · ` : ''}<a href="${e(siteUrl())}/account/">My account</a> · <a href="${e(siteUrl())}/training/">All training sessions</a></p>`

const form = (action: string, button: string, danger = false) =>
  `<form method="post" action="${e(action)}"><button${danger ? ' class="danger"' : ''} type="submit">${e(button)}</button></form>`

/** Why a session takes no registrations. */
const CLOSED: Record<'cancelled' | 'started' | 'external', string> = {
  cancelled: 'This session is cancelled, so it takes no registrations.',
  started: 'This session has already started, so it takes no more registrations.',
  external:
    'This session takes registrations on the organiser’s own website. Use the link on the session’s page.',
}

/** The page a confirm link opens: a button, nothing done yet. */
export const confirmPlacePage = (action: string) =>
  page(
    'Confirm your place',
    `<p>Press the button to confirm your email address and your place at the training session.</p>${form(action, 'Confirm my place')}`,
  )

/** The page a cancel link opens: a button, nothing done yet. */
export const cancelPlacePage = (action: string) =>
  page(
    'Cancel your place',
    `<p>Press the button to cancel your place (or leave the waiting list). Someone waiting will get your place.</p>${form(action, 'Cancel my place', true)}`,
  )

/** Where a registration stands, after the confirm button or the register form. */
export const registrationResultPage = (outcome: ConfirmRegistrationOutcome, slug?: string): string => {
  switch (outcome.status) {
    case 'registered':
      return page(
        outcome.already ? 'You already have a place' : 'You have a place',
        `<p>${outcome.already ? 'You already have a place at this session. You do not need to do anything.' : 'Thank you. You have a place at this session. We have sent you an email with the details.'}</p><p>We will email you again the day before.</p>${links(slug)}`,
      )
    case 'waiting':
      return page(
        'You are on the waiting list',
        `<p>The session is full, so you are on the waiting list. You are number ${outcome.number} on the waiting list.</p><p>If someone cancels, you will move up. We will email you if you get a place.</p>${links(slug)}`,
      )
    case 'closed':
      return page('This session takes no registrations', `<p>${e(CLOSED[outcome.reason])}</p>${links(slug)}`)
    case 'cancelled':
      return page(
        'This place was cancelled',
        `<p>This place was cancelled after the link was sent. If you still want to come, register again on the session’s page.</p>${links(slug)}`,
      )
    case 'signed-out':
      return page(
        'Please sign in',
        `<p>Sign in again, or register with your email address on the session’s page.</p>${links(slug)}`,
      )
    case 'not-found':
    case 'unknown-link':
      return page(
        'This link does not work',
        `<p>The link may be old or copied only in part. Links to confirm a place work for 7 days. Register again on the session’s page and we will send a new link.</p>${links(slug)}`,
      )
  }
}

/** After the cancel button. */
export const cancelResultPage = (outcome: CancelOutcome): string => {
  if (outcome.status === 'cancelled')
    return page(
      outcome.was === 'waiting' ? 'You have left the waiting list' : 'Your place is cancelled',
      `<p>${outcome.was === 'waiting' ? 'You are no longer on the waiting list.' : 'Thank you for letting us know. Someone waiting can now have your place.'}</p>${links()}`,
    )
  if (outcome.status === 'already-cancelled')
    return page(
      'Already cancelled',
      `<p>This place is already cancelled. You do not need to do anything.</p>${links()}`,
    )
  return page(
    'This link does not work',
    `<p>The link may be old or copied only in part. If you had more than one email from us about this session, use the link in the newest one. You can also cancel in My account.</p>${links()}`,
  )
}

/** The register-by-email form was sent: check your email. */
export const checkEmailPage = (slug: string) =>
  page(
    'Check your email',
    `<p>We have sent you an email with a link. Open it and press the button to confirm your place.</p><p>If it has not come in a few minutes, look in your spam folder.</p>${links(slug)}`,
  )

/** The session does not exist (any more). */
export const noSessionPage = () =>
  page('Session not found', `<p>There is no training session at this address.</p>${links()}`)

export { CLOSED }
