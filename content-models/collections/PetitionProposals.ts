import type { Access, CollectionConfig, Where } from 'payload'
import { adminOnlyField } from '../access/fieldAccess'
import { hasRole } from '../access/roles'
import {
  PROPOSAL_LIMITS,
  PROPOSAL_STATE_VALUES,
  PROPOSAL_STATES,
  REJECTION_REASONS,
  STAFF_VISIBLE_PROPOSAL_STATES,
} from './petitionProposals/constants'
import { decideProposal } from './petitionProposals/hooks'
import { CAMPAIGN_KINDS, KIND_WORDS } from './Petitions/kinds'

const inQueue: Where = { state: { in: [...STAFF_VISIBLE_PROPOSAL_STATES] } }

/** Admins: every proposal. Editors and organisers: those past collecting supporters (the queue and decided). */
const staffReaders: Access = ({ req }) =>
  hasRole(req.user, 'admin') ? true : hasRole(req.user, 'editor', 'organiser') ? inQueue : false

/** Admins, and editors on proposals in review (they decide; hooks/decideProposal checks the decision). */
const deciders: Access = ({ req }) =>
  hasRole(req.user, 'admin')
    ? true
    : hasRole(req.user, 'editor')
      ? { state: { equals: PROPOSAL_STATES.IN_REVIEW } }
      : false

/** Words the proposer wrote: read by staff, changed only by the proposer (through My account). */
const proposerText = { read: () => true, create: () => false, update: () => false }

/**
 * A petition proposed by a signed-in member. It gathers 5 supporters through a private link
 * before it reaches the editors' queue; an editor approves it (the petition is created, open),
 * rejects it with a reason from the list (never public), or asks for changes. Members reach
 * their own only through /api/account/proposals; anonymous people nothing.
 */
export const PetitionProposals: CollectionConfig = {
  slug: 'petition-proposals',
  admin: {
    useAsTitle: 'title',
    group: 'Campaigns',
    defaultColumns: ['title', 'state', 'supporterCount', 'submittedAt', 'decidedAt'],
    description:
      'Petitions started by members, in the queue once 5 members support them. Choose a decision and save: the proposer is emailed that there is a decision (the email has no text of the proposal).',
    hidden: ({ user }) => !hasRole(user, 'admin', 'editor', 'organiser'),
  },
  access: {
    create: () => false,
    read: staffReaders,
    update: deciders,
    delete: ({ req }) => hasRole(req.user, 'admin'),
  },
  hooks: { beforeChange: [decideProposal] },
  fields: [
    {
      name: 'kind',
      type: 'select',
      defaultValue: CAMPAIGN_KINDS.PETITION,
      options: Object.values(CAMPAIGN_KINDS).map((k) => ({ value: k, label: KIND_WORDS[k].label })),
      access: proposerText,
      admin: { description: 'What the member proposes: a petition, or an open letter.' },
    },
    { name: 'title', type: 'text', required: true, maxLength: PROPOSAL_LIMITS.title, access: proposerText },
    {
      name: 'ask',
      label: 'What we want',
      type: 'textarea',
      required: true,
      maxLength: PROPOSAL_LIMITS.ask,
      access: proposerText,
    },
    {
      name: 'addressedTo',
      type: 'text',
      required: true,
      maxLength: PROPOSAL_LIMITS.addressedTo,
      access: proposerText,
    },
    { name: 'why', type: 'textarea', required: true, maxLength: PROPOSAL_LIMITS.why, access: proposerText },
    {
      name: 'showCreatorName',
      type: 'checkbox',
      defaultValue: false,
      access: proposerText,
      admin: { description: 'The proposer chose to be named ("Started by …") on the petition.' },
    },
    {
      name: 'state',
      type: 'select',
      required: true,
      index: true,
      defaultValue: PROPOSAL_STATES.COLLECTING,
      options: PROPOSAL_STATE_VALUES.map((s) => ({
        value: s,
        label: s[0].toUpperCase() + s.slice(1).replace('-', ' '),
      })),
      admin: {
        position: 'sidebar',
        description:
          'In review: choose Approved, Rejected (with a reason) or Changes requested (with a note).',
      },
    },
    {
      name: 'rejectionReason',
      type: 'select',
      options: REJECTION_REASONS.map((r) => ({ value: r.value, label: r.label })),
      admin: { description: 'Needed to reject.' },
    },
    {
      name: 'decisionNote',
      type: 'textarea',
      maxLength: PROPOSAL_LIMITS.note,
      admin: { description: 'Shown to the proposer in My account. Needed to ask for changes.' },
    },
    {
      name: 'supporterCount',
      type: 'number',
      defaultValue: 0,
      admin: { readOnly: true, position: 'sidebar' },
    },
    { name: 'submittedAt', type: 'date', admin: { readOnly: true, position: 'sidebar' } },
    { name: 'editor', type: 'relationship', relationTo: 'users', admin: { readOnly: true } },
    { name: 'decidedAt', type: 'date', admin: { readOnly: true } },
    { name: 'petition', type: 'relationship', relationTo: 'petitions', admin: { readOnly: true } },
    /** Who proposed it: admins only (an editor judges the words, not the person). */
    {
      name: 'proposer',
      type: 'relationship',
      relationTo: 'members',
      required: true,
      index: true,
      access: { read: adminOnlyField, update: adminOnlyField },
    },
    /** Members who supported it (distinct, never the proposer): admins only. */
    {
      name: 'supporters',
      type: 'relationship',
      relationTo: 'members',
      hasMany: true,
      access: { read: adminOnlyField, update: adminOnlyField },
      admin: { readOnly: true },
    },
    /** sha256 of the private supporters' link's token. */
    { name: 'supportTokenHash', type: 'text', index: true, hidden: true },
    /** When the proposer is still to be told of a decision (the proposals job clears it). */
    { name: 'notifyDueAt', type: 'date', index: true, hidden: true },
  ],
}
