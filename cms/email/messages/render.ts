/**
 * Builds each email as HTML and plain text from the wording in wording.ts. Every email carries a
 * working unsubscribe and erase-my-data link.
 */
import {
  FOOTER,
  MEMBER_ALREADY_JOINED,
  MEMBER_CONFIRM,
  MEMBER_STAY,
  SIGNATURE_ALREADY_SIGNED,
  SIGNATURE_CONFIRM,
} from './wording'

/** An email ready for payload.sendEmail. */
export type EmailMessage = { subject: string; html: string; text: string }

/** Links every email carries. */
export type FooterLinks = { unsubscribe: string; erase: string }

/** Escapes text for HTML. */
export const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)

export type Block = { kind: 'p'; text: string } | { kind: 'button'; text: string; href: string }

/**
 * Lays out paragraphs and a button as HTML and as text, with the footer. `notYou` (on by
 * default) tells someone who did not ask for the email that it will come to nothing.
 */
export const compose = (
  subject: string,
  blocks: Block[],
  footer: FooterLinks,
  { notYou = true } = {},
): EmailMessage => {
  const why = notYou ? `${FOOTER.why} ${FOOTER.notYou}` : FOOTER.why
  const htmlBody = blocks
    .map((b) =>
      b.kind === 'p'
        ? `<p style="margin:0 0 16px">${escapeHtml(b.text)}</p>`
        : `<p style="margin:0 0 16px"><a href="${escapeHtml(b.href)}" style="display:inline-block;padding:12px 20px;background:#1d4d2b;color:#ffffff;text-decoration:none;font-weight:bold;border-radius:4px">${escapeHtml(b.text)}</a></p><p style="margin:0 0 16px;font-size:14px">Or copy this link: ${escapeHtml(b.href)}</p>`,
    )
    .join('\n')
  const html = `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="margin:0;padding:24px;font-family:Arial,Helvetica,sans-serif;font-size:18px;line-height:1.5;color:#1b1b1b;background:#ffffff">
${htmlBody}
<hr style="border:0;border-top:1px solid #cccccc;margin:24px 0">
<p style="margin:0 0 8px;font-size:14px">${escapeHtml(why)}</p>
<p style="margin:0;font-size:14px"><a href="${escapeHtml(footer.unsubscribe)}">${escapeHtml(FOOTER.unsubscribe)}</a> · <a href="${escapeHtml(footer.erase)}">${escapeHtml(FOOTER.erase)}</a></p>
</body></html>`
  const text = [
    ...blocks.map((b) => (b.kind === 'p' ? b.text : `${b.text}:\n${b.href}`)),
    '---',
    why,
    `${FOOTER.unsubscribe}: ${footer.unsubscribe}`,
    `${FOOTER.erase}: ${footer.erase}`,
  ].join('\n\n')
  return { subject, html, text }
}

/** Asks a signer to confirm their signature. */
export const signatureConfirmEmail = (
  a: { name: string; petitionTitle: string; confirmUrl: string } & FooterLinks,
): EmailMessage =>
  compose(
    SIGNATURE_CONFIRM.subject(a.petitionTitle),
    [
      { kind: 'p', text: SIGNATURE_CONFIRM.greeting(a.name) },
      { kind: 'p', text: SIGNATURE_CONFIRM.lead(a.petitionTitle) },
      { kind: 'p', text: SIGNATURE_CONFIRM.action },
      { kind: 'button', text: SIGNATURE_CONFIRM.button, href: a.confirmUrl },
    ],
    a,
  )

/** Tells a signer who tried again that their signature already counts. */
export const signatureAlreadySignedEmail = (
  a: { name: string; petitionTitle: string } & FooterLinks,
): EmailMessage =>
  compose(
    SIGNATURE_ALREADY_SIGNED.subject(a.petitionTitle),
    [
      { kind: 'p', text: SIGNATURE_ALREADY_SIGNED.greeting(a.name) },
      { kind: 'p', text: SIGNATURE_ALREADY_SIGNED.lead(a.petitionTitle) },
      { kind: 'p', text: SIGNATURE_ALREADY_SIGNED.action },
    ],
    a,
  )

/** Asks a new member to confirm their email address. */
export const memberConfirmEmail = (
  a: {
    firstName: string
    confirmUrl: string
    networkNames: string[]
    sessionTitle?: string | null
  } & FooterLinks,
): EmailMessage =>
  compose(
    MEMBER_CONFIRM.subject,
    [
      { kind: 'p', text: MEMBER_CONFIRM.greeting(a.firstName) },
      { kind: 'p', text: MEMBER_CONFIRM.lead },
      ...(a.networkNames.length
        ? [{ kind: 'p' as const, text: MEMBER_CONFIRM.networks(a.networkNames) }]
        : []),
      ...(a.sessionTitle ? [{ kind: 'p' as const, text: MEMBER_CONFIRM.session(a.sessionTitle) }] : []),
      { kind: 'p', text: MEMBER_CONFIRM.action },
      { kind: 'button', text: MEMBER_CONFIRM.button, href: a.confirmUrl },
    ],
    a,
  )

/** Tells a member who signed up again that they are already in. */
export const memberAlreadyJoinedEmail = (a: { firstName: string } & FooterLinks): EmailMessage =>
  compose(
    MEMBER_ALREADY_JOINED.subject,
    [
      { kind: 'p', text: MEMBER_ALREADY_JOINED.greeting(a.firstName) },
      { kind: 'p', text: MEMBER_ALREADY_JOINED.lead },
      { kind: 'p', text: MEMBER_ALREADY_JOINED.action },
    ],
    a,
  )

/** Asks a member we have not heard from for a long time whether they want to stay. */
export const memberStayEmail = (
  a: { firstName: string; keepUrl: string; deleteInDays: number } & FooterLinks,
): EmailMessage =>
  compose(
    MEMBER_STAY.subject,
    [
      { kind: 'p', text: MEMBER_STAY.greeting(a.firstName) },
      { kind: 'p', text: MEMBER_STAY.lead },
      { kind: 'p', text: MEMBER_STAY.why },
      { kind: 'p', text: MEMBER_STAY.action },
      { kind: 'button', text: MEMBER_STAY.button, href: a.keepUrl },
      { kind: 'p', text: MEMBER_STAY.ifNot(a.deleteInDays) },
    ],
    a,
    { notYou: false },
  )
