import type { Field, FieldAccess } from 'payload'
import { adminOnlyField, staffOnlyField } from '../access/fieldAccess'
import { isReviewerField } from '../access/isReviewerField'

/** The collections whose legal content needs a reviewer's sign-off before it is published. */
export const REVIEWED_COLLECTIONS = ['guides', 'templates'] as const
export type ReviewedCollection = (typeof REVIEWED_COLLECTIONS)[number]

/**
 * The legal content of each reviewed collection: the fields a worker relies on for their rights.
 * A change to any of them needs a reviewer's approval before it is published (cms/review/gate.ts);
 * the rest (title, search words, topics, related links, kind) can be published by an editor alone.
 */
export const LEGAL_FIELDS: Record<ReviewedCollection, readonly string[]> = {
  guides: ['summary', 'nations', 'nationsNote', 'keyFacts', 'body', 'steps', 'sources'],
  templates: [
    'summary',
    'nations',
    'nationsNote',
    'guidance',
    'subject',
    'body',
    'placeholders',
    'optionalSections',
    'sources',
  ],
}

/** Where a change stands with the legal reviewers. */
export const REVIEW_STATES = ['none', 'requested', 'changes-requested', 'approved'] as const
export type ReviewState = (typeof REVIEW_STATES)[number]

/** What the review log records: the three review actions, and publishing without an approval. */
export const REVIEW_LOG_ACTIONS = [
  'requested',
  'approved',
  'changes-requested',
  'override',
  'typo-fix',
] as const
export type ReviewLogAction = (typeof REVIEW_LOG_ACTIONS)[number]

/** The sentence every refused publish starts with. */
export const REVIEW_REQUIRED_MESSAGE =
  "This change needs a legal reviewer's approval before it can be published."

/** Written only by the server's review actions and gate (cms/review), never through the API. */
const serverOnly: FieldAccess = () => false

const when = (name: string, description: string): Field => ({
  name,
  type: 'date',
  admin: { readOnly: true, description, date: { pickerAppearance: 'dayAndTime' } },
})
const who = (name: string, description: string): Field => ({
  name,
  type: 'relationship',
  relationTo: 'users',
  admin: { readOnly: true, description },
})

/**
 * When content was last checked by a legal reviewer, by whom, when it is next due, and the public
 * change history. Every guide and letter shows when it was last reviewed; only reviewers (and
 * admins) set the date and the reviewer.
 */
export const reviewFields = (): Field[] => [
  {
    name: 'lastReviewed',
    type: 'date',
    access: { create: isReviewerField, update: isReviewerField },
    admin: { position: 'sidebar', date: { pickerAppearance: 'dayOnly' } },
  },
  {
    name: 'reviewDue',
    type: 'date',
    index: true,
    admin: {
      position: 'sidebar',
      date: { pickerAppearance: 'dayOnly' },
      description: 'When a reviewer should check it again.',
    },
  },
  {
    name: 'reviewedBy',
    type: 'relationship',
    relationTo: 'users',
    access: { create: isReviewerField, update: isReviewerField },
    admin: { position: 'sidebar' },
  },
  {
    name: 'history',
    type: 'array',
    admin: { description: 'Public change history: what changed and when.' },
    fields: [
      { name: 'date', type: 'date', required: true, admin: { date: { pickerAppearance: 'dayOnly' } } },
      { name: 'note', type: 'text', required: true },
    ],
  },
]

/** "Mark as reviewed today": a reviewer's periodic check, without a change to approve. */
export const markReviewedField = (): Field => ({
  name: 'markReviewed',
  type: 'checkbox',
  virtual: true,
  label: 'Mark as reviewed today',
  access: { create: isReviewerField, update: isReviewerField },
  admin: {
    position: 'sidebar',
    description:
      'For legal reviewers: tick and save when you have checked every fact. Sets the review date, you as reviewer, and the next review in 6 months.',
  },
})

/**
 * The review workflow of a guide or letter: its state, who asked and who decided, the fingerprint
 * of the legal fields a reviewer approved, and the editor's "typo fix" box and the admin's override
 * reason, read when publishing. The buttons (Request review, Approve, Send back) call /api/review.
 */
export const reviewWorkflowFields = (): Field[] => [
  {
    name: 'reviewActions',
    type: 'ui',
    admin: { position: 'sidebar', components: { Field: '/admin/components/ReviewActions#ReviewActions' } },
  },
  {
    name: 'review',
    type: 'group',
    label: 'Legal review',
    access: { read: staffOnlyField, create: serverOnly, update: serverOnly },
    admin: { position: 'sidebar', description: 'Set by the review buttons above.' },
    fields: [
      {
        name: 'state',
        type: 'select',
        options: REVIEW_STATES.map((s) => ({ value: s, label: s.replace('-', ' ') })),
        admin: { readOnly: true },
      },
      who('requestedBy', 'Who asked for the review.'),
      when('requestedAt', 'When the review was asked for.'),
      who('decidedBy', 'The reviewer who approved or sent it back.'),
      when('decidedAt', 'When the reviewer decided.'),
      { name: 'comment', type: 'textarea', admin: { readOnly: true, description: 'The last note.' } },
      {
        name: 'approvedFingerprint',
        type: 'text',
        admin: { readOnly: true, description: 'Fingerprint of the legal fields the reviewer approved.' },
      },
      {
        name: 'fingerprint',
        type: 'text',
        admin: { readOnly: true, description: 'Fingerprint of the legal fields of this version.' },
      },
      who('legalEditedBy', 'Who last changed the legal fields (they cannot approve that change).'),
      when('legalEditedAt', 'When the legal fields last changed.'),
    ],
  },
  {
    name: 'typoFix',
    type: 'checkbox',
    virtual: true,
    label: 'This is a typo fix',
    admin: {
      position: 'sidebar',
      description:
        'Publish without a review when the change is within the reviewers’ typo rule (Review rules). The server checks it.',
    },
  },
  {
    name: 'publishOverrideReason',
    type: 'textarea',
    virtual: true,
    label: 'Publish without review: reason (admins)',
    access: { create: adminOnlyField, update: adminOnlyField },
    admin: {
      position: 'sidebar',
      description: 'Admins only, for an emergency. Recorded in the review log and shown on the dashboard.',
    },
  },
]
