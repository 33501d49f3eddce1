/**
 * An update's email to one signer: the organiser's words as plain paragraphs (nothing they type
 * runs as HTML), why the signer gets it, a link to the petition, and the signature's own
 * unsubscribe and erase links, the first also as one-click List-Unsubscribe (RFC 8058): a POST
 * to it turns the signer's updates off (cms/api/public.ts).
 */
import type { Payload, SendEmailOptions } from 'payload'
import { compose } from '../../email/messages/render'
import type { RecordId } from '../../members/recordId'
import { cmsUrl, linkToken, links, siteUrl } from '../../members/tokens'
import { campaignKind, campaignPath, KIND_WORDS } from '../../../content-models/collections/Petitions/kinds'

/** The words around an organiser's update. */
export const UPDATE_EMAIL = {
  why: (title: string, kind?: unknown) =>
    `You signed the ${KIND_WORDS[campaignKind(kind)].noun} "${title}" and asked for updates about it.`,
  button: (kind?: unknown) => `See the ${KIND_WORDS[campaignKind(kind)].noun}`,
}

/** What the email needs of the update and its petition, read once per run. */
export type UpdateForEmail = {
  subject: string
  intro?: string | null
  body: string
  title: string
  slug: string
  /** Petition or open letter (content-models/collections/Petitions/kinds.ts). */
  kind?: string | null
}

/** Paragraphs of plain text, split on blank lines. */
const paragraphs = (text: string) =>
  text
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.trim())
    .filter(Boolean)

/** The one-click unsubscribe link for one signature (the same signed link as every signature email's). */
export const unsubscribeUrl = (payload: Payload, id: RecordId, emailCanonical: string) =>
  links(cmsUrl()).unsubscribe(
    'signature',
    id,
    linkToken(payload.secret, 'unsubscribe', 'signature', id, emailCanonical),
  )

/** The email, ready for payload.sendEmail. */
export const updateEmail = (
  payload: Payload,
  u: UpdateForEmail,
  to: { signature: RecordId; email: string; emailCanonical: string },
): SendEmailOptions => {
  const unsubscribe = unsubscribeUrl(payload, to.signature, to.emailCanonical)
  const erase = links(cmsUrl()).erase(
    'signature',
    to.signature,
    linkToken(payload.secret, 'erase', 'signature', to.signature, to.emailCanonical),
  )
  return {
    to: to.email,
    headers: {
      'List-Unsubscribe': `<${unsubscribe}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    },
    ...compose(
      u.subject,
      [
        ...paragraphs(u.intro ?? '').map((text) => ({ kind: 'p' as const, text })),
        ...paragraphs(u.body).map((text) => ({ kind: 'p' as const, text })),
        { kind: 'p', text: UPDATE_EMAIL.why(u.title, u.kind) },
        {
          kind: 'button',
          text: UPDATE_EMAIL.button(u.kind),
          href: `${siteUrl()}${campaignPath(u.kind, u.slug)}`,
        },
      ],
      { unsubscribe, erase },
      { notYou: false },
    ),
  }
}
