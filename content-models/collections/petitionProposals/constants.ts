/**
 * The vocabulary of petitions started by members: states with named groups, how many supporters
 * a proposal needs before editors see it, and the reasons an editor may give for saying no.
 */

/** A proposal's life: supporters first, then the editors' queue, then a decision. */
export const PROPOSAL_STATES = {
  /** Waiting for supporters through the private link. */
  COLLECTING: 'collecting',
  /** Enough supporters: in the editors' moderation queue. */
  IN_REVIEW: 'in-review',
  APPROVED: 'approved',
  REJECTED: 'rejected',
  /** The editors asked the proposer to change it; resubmitting puts it back in review. */
  CHANGES_REQUESTED: 'changes-requested',
} as const
export type ProposalState = (typeof PROPOSAL_STATES)[keyof typeof PROPOSAL_STATES]
export const PROPOSAL_STATE_VALUES: readonly ProposalState[] = Object.values(PROPOSAL_STATES)

/** The decisions an editor can make on a proposal in review. */
export const DECISION_STATES: readonly ProposalState[] = ['approved', 'rejected', 'changes-requested']
/** States staff see (editors decide, organisers read): never a proposal still collecting supporters. */
export const STAFF_VISIBLE_PROPOSAL_STATES: readonly ProposalState[] = ['in-review', ...DECISION_STATES]

/** Distinct signed-in members, other than the proposer, needed before editors see a proposal. */
export const SUPPORTERS_NEEDED = 5

/** Why an editor says no: the proposer sees the label (signed in), never in an email. */
export const REJECTION_REASONS = [
  { value: 'duplicate', label: 'There is already a petition about this' },
  { value: 'not-about-work', label: 'It is not about work or workers’ rights' },
  { value: 'names-people', label: 'It names or identifies a person, or shares personal details' },
  { value: 'offensive', label: 'It is offensive, abusive or could be defamatory' },
  { value: 'unlawful', label: 'It asks for something unlawful' },
  { value: 'unclear', label: 'It is not clear what it asks for' },
  { value: 'other', label: 'Another reason (see the note)' },
] as const
export type RejectionReason = (typeof REJECTION_REASONS)[number]['value']

/** Longest of each field a member writes. */
export const PROPOSAL_LIMITS = { title: 120, ask: 1000, addressedTo: 200, why: 3000, note: 1000 } as const
