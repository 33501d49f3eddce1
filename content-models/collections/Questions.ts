import type { Access, CollectionConfig, Where } from 'payload'
import { NATIONS } from '../constants'
import { EMPLOYMENT_STATUSES, QUESTION_MAX_CHARS, QUESTION_STATES } from '../conversations'
import { adminOnlyField } from '../access/fieldAccess'
import { hasRole, isStaffUser } from '../access/roles'
import { adviserActions } from './questions/hooks'

/**
 * Admins: every question. Advisers: the questions assigned to them, and the open queue (unclaimed,
 * so they can choose one to claim). Nobody else through the API: the asker reads theirs through
 * /api/public/questions (private link) or My account.
 */
const adviserOrAdmin: Access = ({ req }): boolean | Where => {
  if (hasRole(req.user, 'admin')) return true
  if (!isStaffUser(req.user) || !hasRole(req.user, 'adviser')) return false
  return { or: [{ adviser: { equals: req.user.id } }, { state: { equals: 'open' } }] }
}

/**
 * A worker's question to an adviser, and the conversation that follows (legal guidance, not legal
 * advice). Asked signed in or anonymously (read back with a private link); deleted or anonymised
 * QUESTION_RETENTION_MONTHS after it is closed.
 */
export const Questions: CollectionConfig = {
  slug: 'questions',
  admin: {
    group: 'Advice',
    useAsTitle: 'summary',
    defaultColumns: ['summary', 'topic', 'nation', 'state', 'adviser', 'createdAt'],
    listSearchableFields: ['summary'],
    // Only advisers and admins have anything to see here.
    hidden: ({ user }) => !hasRole(user, 'admin', 'adviser'),
  },
  access: {
    create: () => false,
    read: adviserOrAdmin,
    update: adviserOrAdmin,
    delete: ({ req }) => hasRole(req.user, 'admin'),
  },
  hooks: { beforeChange: [adviserActions] },
  fields: [
    {
      name: 'summary',
      type: 'text',
      admin: { readOnly: true, description: 'The first words of the question.' },
    },
    { name: 'topic', type: 'relationship', relationTo: 'topics', index: true },
    {
      name: 'nation',
      type: 'select',
      required: true,
      index: true,
      options: NATIONS.map((n) => ({ value: n.value, label: n.label })),
    },
    {
      name: 'employmentStatus',
      type: 'select',
      required: true,
      options: EMPLOYMENT_STATUSES.map((s) => ({ value: s.value, label: s.label })),
    },
    /** The asker's words; cleared (null) when the question is anonymised. */
    {
      name: 'whatHappened',
      type: 'textarea',
      maxLength: QUESTION_MAX_CHARS,
      admin: { readOnly: true },
      validate: (value: unknown, { data }: { data: Partial<{ anonymisedAt: unknown }> }) =>
        Boolean(value) || Boolean(data?.anonymisedAt) || 'Say what happened.',
    },
    {
      name: 'fromGuide',
      type: 'text',
      admin: { readOnly: true, description: 'The guide it was asked from.' },
    },
    {
      name: 'state',
      type: 'select',
      required: true,
      defaultValue: 'open',
      index: true,
      options: QUESTION_STATES.map((s) => ({ value: s, label: s[0].toUpperCase() + s.slice(1) })),
    },
    {
      name: 'adviser',
      type: 'relationship',
      relationTo: 'users',
      index: true,
      admin: {
        description: 'Choose Claimed and save to take this question; only an admin hands it to someone else.',
      },
    },
    { name: 'claimedAt', type: 'date', admin: { readOnly: true } },
    { name: 'closedAt', type: 'date', index: true, admin: { readOnly: true } },
    { name: 'expectedReplyBy', type: 'date', admin: { readOnly: true } },
    {
      name: 'entries',
      type: 'array',
      admin: { readOnly: true, description: 'The conversation, oldest first.' },
      fields: [
        {
          name: 'from',
          type: 'select',
          required: true,
          options: [
            { value: 'asker', label: 'Asker' },
            { value: 'adviser', label: 'Adviser' },
          ],
        },
        { name: 'body', type: 'textarea', required: true, maxLength: QUESTION_MAX_CHARS },
        { name: 'attachments', type: 'relationship', relationTo: ['guides', 'templates'], hasMany: true },
        { name: 'adviser', type: 'relationship', relationTo: 'users' },
        { name: 'at', type: 'date' },
      ],
    },
    /** The adviser's reply box: saved into the conversation (and emptied) by adviserActions. */
    {
      name: 'reply',
      type: 'textarea',
      maxLength: QUESTION_MAX_CHARS,
      admin: {
        description:
          'Type your reply and save: it is added to the conversation and the asker is told (the email has no text). Plain text. The asker also sees that this is general information, not legal advice, and where to get advice for a case.',
      },
    },
    {
      name: 'replyAttachments',
      type: 'relationship',
      relationTo: ['guides', 'templates'],
      hasMany: true,
      admin: { description: 'Guides and letters from the site to send with your reply.' },
    },
    /** When an adviser replied and the asker is still to be told (the advice job clears it). */
    { name: 'notifyDueAt', type: 'date', hidden: true, index: true },
    /** A signed-in asker: read by admins only (advisers never learn who asked). */
    {
      name: 'asker',
      type: 'relationship',
      relationTo: 'members',
      index: true,
      access: { read: adminOnlyField, update: adminOnlyField },
    },
    /** Optional, for "you have a reply" only; never shown to advisers. */
    { name: 'notifyEmail', type: 'email', hidden: true },
    /** sha256 of the private reply link's token. */
    { name: 'replyTokenHash', type: 'text', index: true, hidden: true },
    { name: 'anonymisedAt', type: 'date', admin: { readOnly: true } },
  ],
}
