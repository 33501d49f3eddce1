import type { CollectionConfig } from 'payload'
import { CONFIRMATION_STATES } from '../constants'
import { isOrganiser } from '../access/isOrganiser'
import { nobody } from '../access/nobody'
import { adminOnlyField } from '../access/fieldAccess'
import { ROLE_MAX } from './Petitions/kinds'
import { CONFIRM_EMAIL_STATES, confirmEmailFields } from '../fields/confirmEmailFields'

/**
 * Where a signature's confirmation email stands. The answer to the signer does not wait for a slow
 * email service: the row is stored as owed, and a worker sends what is still owed, with retries.
 */
export { CONFIRM_EMAIL_STATES }

/** Addresses: admins only. Organisers work the list (flagged signatures) by name and state, and reach signers through updates. */
const addressAccess = { read: adminOnlyField, create: adminOnlyField, update: adminOnlyField }

/**
 * Petition signatures: personal data. Created only by the public sign endpoint (which checks
 * its input), read only by organisers and admins, never by editors or anonymous people; the
 * email address and postcode by admins alone.
 */
export const Signatures: CollectionConfig = {
  slug: 'signatures',
  admin: { group: 'People', useAsTitle: 'name', defaultColumns: ['name', 'petition', 'state', 'createdAt'] },
  access: { create: nobody, read: isOrganiser, update: isOrganiser, delete: isOrganiser },
  indexes: [{ fields: ['petition', 'emailCanonical'], unique: true }],
  fields: [
    { name: 'petition', type: 'relationship', relationTo: 'petitions', required: true, index: true },
    { name: 'name', type: 'text' },
    { name: 'email', type: 'email', access: addressAccess },
    {
      name: 'emailCanonical',
      type: 'text',
      index: true,
      access: addressAccess,
      admin: { description: 'Lower case, provider dots and +tags removed: for dedupe.' },
    },
    { name: 'postcode', type: 'text', access: addressAccess },
    { name: 'region', type: 'text' },
    { name: 'nation', type: 'text' },
    { name: 'consentUpdates', type: 'checkbox', defaultValue: false },
    {
      name: 'consentVersion',
      type: 'text',
      admin: { description: 'Version of the consent wording the signer saw.' },
    },
    { name: 'showName', type: 'checkbox', defaultValue: false },
    {
      name: 'role',
      type: 'text',
      maxLength: ROLE_MAX,
      admin: {
        description:
          'Open letters: the job and place a signatory chose to show with their name ("Night-shift nurse, Leeds"). Kept only when they chose to show their name.',
      },
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
    { name: 'confirmationsSent', type: 'number', defaultValue: 0 },
    { name: 'confirmedAt', type: 'date' },
    {
      name: 'pendingSince',
      type: 'date',
      index: true,
      admin: {
        readOnly: true,
        description:
          'When the latest confirmation link was sent (signing, or signing again while pending). Unconfirmed after 7 days, the record is deleted.',
      },
    },
    ...confirmEmailFields(),
    { name: 'ipHash', type: 'text', access: addressAccess, admin: { hidden: true } },
    {
      name: 'flags',
      type: 'text',
      hasMany: true,
      admin: { description: 'Silent fraud flags (honeypot, too fast, rate limit).' },
    },
    { name: 'anonymisedAt', type: 'date' },
  ],
}
