/**
 * The email telling a proposer the editors decided, as HTML and plain text: its wording here in
 * one place. It never carries the proposal's title or words (a title may name an employer, and
 * an inbox is not private): only that there is a decision, and to sign in to see it.
 */
import { compose, type EmailMessage, type FooterLinks } from '../../email/messages/render'

/** The decisions the proposer is told of. */
export type Decision = 'approved' | 'rejected' | 'changes-requested'

export const PROPOSAL_DECISION = {
  subject: {
    approved: 'Your petition proposal was approved',
    'changes-requested': 'Your petition proposal needs some changes',
    rejected: 'Your petition proposal was not accepted',
  } satisfies Record<Decision, string>,
  greeting: (name: string) => `Hello ${name},`,
  lead: {
    approved: 'Our editors approved the petition you proposed on Better Work. It is now open for signatures.',
    'changes-requested':
      'Our editors read the petition you proposed on Better Work and ask you to change it.',
    rejected: 'Our editors read the petition you proposed on Better Work and could not accept it.',
  } satisfies Record<Decision, string>,
  privacy: 'To keep it private, this email does not say what the petition is about.',
  action: {
    approved: 'Sign in to My account to see it and share it:',
    'changes-requested': 'Sign in to My account to see what to change, and send it again:',
    rejected: 'Sign in to My account to see why:',
  } satisfies Record<Decision, string>,
  button: 'Open My account',
}

/** Tells a proposer there is a decision, with no text of the proposal. */
export const proposalDecisionEmail = (
  a: { firstName: string; decision: Decision; accountUrl: string } & FooterLinks,
): EmailMessage =>
  compose(
    PROPOSAL_DECISION.subject[a.decision],
    [
      { kind: 'p', text: PROPOSAL_DECISION.greeting(a.firstName) },
      { kind: 'p', text: PROPOSAL_DECISION.lead[a.decision] },
      { kind: 'p', text: PROPOSAL_DECISION.privacy },
      { kind: 'p', text: PROPOSAL_DECISION.action[a.decision] },
      { kind: 'button', text: PROPOSAL_DECISION.button, href: a.accountUrl },
    ],
    a,
    { notYou: false },
  )
