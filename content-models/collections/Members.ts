import type { CollectionConfig } from 'payload'
import { CONFIRMATION_STATES, SECTORS } from '../constants'
import { isOrganiser } from '../access/isOrganiser'
import { nobody } from '../access/nobody'
import { confirmEmailFields } from '../fields/confirmEmailFields'

/**
 * People who joined the network. Interest in unions is special category data (UK GDPR Art. 9):
 * stored only with explicit consent, the consent wording's version kept; read by organisers and
 * admins only.
 */
export const Members: CollectionConfig = {
  slug: 'members',
  admin: {
    group: 'People',
    useAsTitle: 'firstName',
    defaultColumns: ['firstName', 'sector', 'state', 'createdAt'],
  },
  access: { create: nobody, read: isOrganiser, update: isOrganiser, delete: isOrganiser },
  fields: [
    { name: 'firstName', type: 'text', required: true },
    { name: 'email', type: 'email', required: true },
    { name: 'emailCanonical', type: 'text', unique: true, index: true },
    { name: 'postcode', type: 'text', admin: { description: 'Postcode or area, optional.' } },
    { name: 'sector', type: 'select', options: SECTORS.map((s) => ({ value: s.value, label: s.label })) },
    { name: 'networks', type: 'relationship', relationTo: 'networks', hasMany: true },
    { name: 'trainingSession', type: 'relationship', relationTo: 'training-sessions' },
    { name: 'consentEmail', type: 'checkbox', required: true, defaultValue: false },
    { name: 'consentUnionInterest', type: 'checkbox', required: true, defaultValue: false },
    {
      name: 'consentVersion',
      type: 'text',
      required: true,
      admin: { description: 'Version of the consent wording shown.' },
    },
    {
      name: 'state',
      type: 'select',
      required: true,
      index: true,
      defaultValue: 'pending',
      options: CONFIRMATION_STATES.map((s) => ({ value: s, label: s })),
    },
    { name: 'confirmTokenHash', type: 'text', index: true, admin: { hidden: true } },
    {
      name: 'confirmationsSent',
      type: 'number',
      defaultValue: 0,
      admin: { description: 'Confirmation emails sent: a repeat sign-up resends a few times at most.' },
    },
    { name: 'confirmedAt', type: 'date' },
    {
      name: 'pendingSince',
      type: 'date',
      index: true,
      admin: {
        readOnly: true,
        description:
          'When the latest confirmation link was asked for (joining, or joining again). Unconfirmed after 7 days, the record is deleted.',
      },
    },
    {
      name: 'pendingChanges',
      type: 'json',
      admin: {
        hidden: true,
        description: 'Choices of someone joining again, applied only when they confirm the new link.',
      },
    },
    {
      name: 'unsubscribedAt',
      type: 'date',
      index: true,
      admin: {
        readOnly: true,
        description: 'When they unsubscribed: deleted UNSUBSCRIBED_RETENTION_DAYS later.',
      },
    },
    {
      name: 'lastActiveAt',
      type: 'date',
      index: true,
      admin: {
        readOnly: true,
        description:
          'Their latest confirmation or "keep me": asked after MEMBER_RETENTION_MONTHS without one.',
      },
    },
    {
      name: 'retentionAskedAt',
      type: 'date',
      index: true,
      admin: {
        readOnly: true,
        description: 'When we asked if they want to stay: deleted 30 days later unless they said yes.',
      },
    },
    ...confirmEmailFields(),
    { name: 'flags', type: 'text', hasMany: true },
  ],
}
