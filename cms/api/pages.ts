/**
 * The few HTML pages the CMS serves itself: the confirm, unsubscribe and erase pages that email
 * links open, and the error page for a plain form. GET shows a page with a button; only the POST
 * from that button changes anything. All wording is here, in plain English.
 */
import { escapeHtml as e } from '../email/messages/render'
import { siteUrl } from '../members/tokens'
import type { RecordKind } from '../members/tokens'

const STYLE = `body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Arial,sans-serif;font-size:1.125rem;line-height:1.5;color:#1b1b1b;background:#fff}
main{max-width:36rem;margin:0 auto;padding:2rem 1rem}h1{font-size:1.75rem;line-height:1.2}
button{font:inherit;font-weight:700;padding:.75rem 1.25rem;border:0;border-radius:4px;background:#1d4d2b;color:#fff;cursor:pointer}
button.danger{background:#a4161a}button:focus-visible,a:focus-visible{outline:3px solid #ffbf47;outline-offset:2px}
a{color:#1d4d2b}ul.errors{border-left:5px solid #a4161a;padding-left:1.5rem}`

/** A whole page. */
export const page = (title: string, body: string): string => `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><meta name="referrer" content="no-referrer"><title>${e(title)} – Better Work</title><style>${STYLE}</style></head>
<body><main id="main"><h1>${e(title)}</h1>${body}</main></body></html>`

const home = () => `<p><a href="${e(siteUrl())}/">Go to the Better Work website</a></p>`

const WHAT: Record<
  RecordKind,
  { confirmTitle: string; confirmLead: string; button: string; done: string; already: string }
> = {
  signature: {
    confirmTitle: 'Confirm your signature',
    confirmLead: 'Press the button to confirm your signature. It counts as soon as you do.',
    button: 'Confirm my signature',
    done: 'Thank you. Your signature is confirmed and counted.',
    already: 'Your signature is already confirmed. You do not need to do anything.',
  },
  member: {
    confirmTitle: 'Confirm you want to join',
    confirmLead: 'Press the button to confirm your email address and join the Better Work network.',
    button: 'Confirm and join',
    done: 'Thank you. You are now in the Better Work network. We will be in touch.',
    already: 'You are already in the network. You do not need to do anything.',
  },
}

/** The page a confirmation link opens: a button, nothing confirmed yet. */
export const confirmPage = (kind: RecordKind, action: string) =>
  page(
    WHAT[kind].confirmTitle,
    `<p>${e(WHAT[kind].confirmLead)}</p><form method="post" action="${e(action)}"><button type="submit">${e(WHAT[kind].button)}</button></form>`,
  )

/** The petition a confirmed signature counts for, to link back to. */
export type CountedFor = { title: string; url: string; noun: string }

/** "It counted", and the way back to the petition (whose page shows the new count as it opens). */
const countedFor = (p: CountedFor, already: boolean) =>
  `<p>Thank you. Your signature ${already ? 'was already' : 'is'} confirmed and counted.</p><p><a href="${e(p.url)}">Back to the ${e(p.noun)}: ${e(p.title)}</a></p>`

/** After the button: what happened (for a signature, with a link back to its petition). */
export const confirmResultPage = (
  kind: RecordKind,
  outcome: 'confirmed' | 'already-confirmed' | 'unknown-link' | 'petition-closed',
  petition?: CountedFor | null,
) => {
  if (outcome === 'confirmed')
    return page('Confirmed', petition ? countedFor(petition, false) : `<p>${e(WHAT[kind].done)}</p>${home()}`)
  if (outcome === 'already-confirmed')
    return page(
      'Already confirmed',
      petition ? countedFor(petition, true) : `<p>${e(WHAT[kind].already)}</p>${home()}`,
    )
  if (outcome === 'petition-closed')
    return page(
      'This petition has closed',
      `<p>This petition no longer takes signatures, so we could not count yours.</p>${home()}`,
    )
  return unknownLinkPage()
}

/** Our side failed (the database or the email service): nothing was kept, so trying again is safe. */
export const serverErrorPage = () =>
  page(
    'Something went wrong on our side',
    `<p>We could not finish this, and we have kept nothing from the form. Please go back and try again in a few minutes.</p>${home()}`,
  )

/** A link that is wrong, too old, or for something already deleted. */
export const unknownLinkPage = () =>
  page(
    'This link does not work',
    `<p>The link may be old, copied only in part, or for details we have already deleted. Unconfirmed details are deleted after 7 days.</p><p>If you want to, sign or join again on the website.</p>${home()}`,
  )

/** The page an unsubscribe link opens. */
export const unsubscribePage = (action: string) =>
  page(
    'Stop emails from us',
    `<p>Press the button and we will stop sending you emails. If you signed a petition, your signature still counts.</p><form method="post" action="${e(action)}"><button type="submit">Stop emails</button></form>`,
  )

export const unsubscribedPage = () =>
  page('You will get no more emails', `<p>We have stopped emails to this address.</p>${home()}`)

/** The page an erase link opens. */
export const erasePage = (action: string) =>
  page(
    'Delete your details',
    `<p>Press the button and we will delete everything we hold about you for this. If you signed a petition, your signature will no longer count. You cannot undo this.</p><form method="post" action="${e(action)}"><button class="danger" type="submit">Delete my details</button></form>`,
  )

export const erasedPage = () =>
  page(
    'Your details are deleted',
    `<p>We have deleted your details. We will not contact you again about this.</p>${home()}`,
  )

/** A plain form sent with mistakes: each field and what to enter, and a link back. */
export const errorPage = (errors: Record<string, string>, backHref: string) =>
  page(
    'Please check the form',
    `<p>Nothing has been saved yet. Please go back and fix:</p><ul class="errors">${Object.entries(errors)
      .map(
        ([field, message]) => `<li><strong>${e(FIELD_LABELS[field] ?? field)}</strong>: ${e(message)}</li>`,
      )
      .join(
        '',
      )}</ul><p><a href="${e(backHref)}">Go back to the form</a> (your browser's back button keeps what you typed).</p>`,
  )

/** How each field is called on the forms. */
export const FIELD_LABELS: Record<string, string> = {
  name: 'Your name',
  firstName: 'First name',
  email: 'Email address',
  postcode: 'Postcode',
  sector: 'Sector',
  networks: 'Networks',
  session: 'Training session',
  consentEmail: 'Permission to email you',
  consentUnionInterest: 'Permission to keep a record of your interest',
  consentUpdates: 'Updates',
  showName: 'Show my name',
  form: 'The form',
}

/** The page a "keep me" link opens (members asked after a long quiet time): a button, nothing kept yet. */
export const keepPage = (action: string) =>
  page(
    'Stay in the Better Work network',
    `<p>Press the button and we will keep your details, so you stay in the network.</p><form method="post" action="${e(action)}"><button type="submit">Yes, keep me in the network</button></form>`,
  )

/** After the keep button. */
export const keptPage = () =>
  page(
    'You are staying in the network',
    `<p>Thank you. We will keep your details. You do not need to do anything else.</p>${home()}`,
  )
