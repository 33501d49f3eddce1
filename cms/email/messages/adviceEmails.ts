/**
 * The "you have a reply" email to someone who asked an adviser, as HTML and plain text: its
 * wording here in one place. It never carries the question or the reply (an inbox is not private:
 * an employer's, a partner's), and it has no private link (we keep only its hash).
 */
import { compose, type EmailMessage, type FooterLinks } from './render'

export const ADVICE_REPLY = {
  subject: 'An adviser has replied to your question',
  lead: 'An adviser has replied to the question you asked on Better Work.',
  privacy: 'To keep it private, this email does not say what you asked or what the reply says.',
  anonymous:
    'To read the reply, open the private link you saved when you asked. We cannot send it again: we do not keep a copy of it.',
  member: 'To read the reply, sign in to My account:',
  button: 'Open My account',
}

/** Tells an asker there is a reply, with no text of the question or the reply. */
export const adviceReplyEmail = (a: { accountUrl: string | null } & FooterLinks): EmailMessage =>
  compose(
    ADVICE_REPLY.subject,
    [
      { kind: 'p', text: ADVICE_REPLY.lead },
      { kind: 'p', text: ADVICE_REPLY.privacy },
      ...(a.accountUrl
        ? [
            { kind: 'p' as const, text: ADVICE_REPLY.member },
            { kind: 'button' as const, text: ADVICE_REPLY.button, href: a.accountUrl },
          ]
        : [{ kind: 'p' as const, text: ADVICE_REPLY.anonymous }]),
    ],
    a,
    { notYou: false },
  )
