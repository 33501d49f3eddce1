import type { CollectionConfig } from 'payload'
import { CONFIRMATION_STATES } from '../constants'
import { isOrganiser } from '../access/isOrganiser'
import { nobody } from '../access/nobody'

/**
 * Where a signature's confirmation email stands. The answer to the signer does not wait for a slow
 * email service: the row is stored as owed, and a worker sends what is still owed, with retries.
 */
export const CONFIRM_EMAIL_STATES = { OWED: 'owed', SENT: 'sent', FAILED: 'failed' } as const

/**
 * Petition signatures: personal data. Created only by the public sign endpoint (which checks
 * its input), read only by organisers and admins, never by editors or anonymous people.
 */
export const Signatures: CollectionConfig = {
  slug: 'signatures',
  admin: { group: 'People', useAsTitle: 'name', defaultColumns: ['name', 'petition', 'state', 'createdAt'] },
  access: { create: nobody, read: isOrganiser, update: isOrganiser, delete: isOrganiser },
  indexes: [{ fields: ['petition', 'emailCanonical'], unique: true }],
  fields: [
    { name: 'petition', type: 'relationship', relationTo: 'petitions', required: true, index: true },
    { name: 'name', type: 'text' },
    { name: 'email', type: 'email' },
    { name: 'emailCanonical', type: 'text', index: true, admin: { description: 'Lower case, provider dots and +tags removed: for dedupe.' } },
    { name: 'postcode', type: 'text' },
    { name: 'region', type: 'text' },
    { name: 'nation', type: 'text' },
    { name: 'consentUpdates', type: 'checkbox', defaultValue: false },
    { name: 'consentVersion', type: 'text', admin: { description: 'Version of the consent wording the signer saw.' } },
    { name: 'showName', type: 'checkbox', defaultValue: false },
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
      name: 'confirmEmailState',
      type: 'select',
      index: true,
      options: Object.values(CONFIRM_EMAIL_STATES).map((s) => ({ value: s, label: s })),
      admin: { description: 'The confirmation email: owed (not sent yet), sent, or failed (gave up after several tries). Empty when none is due.' },
    },
    { name: 'confirmEmailAttempts', type: 'number', defaultValue: 0, admin: { description: 'Failed tries to send the confirmation email.' } },
    { name: 'confirmEmailNextAt', type: 'date', admin: { hidden: true, description: 'When the email worker may next try (also holds off other workers while one tries).' } },
    { name: 'confirmEmailError', type: 'text', admin: { readOnly: true, description: 'Why the last try to send the confirmation email failed.' } },
    { name: 'ipHash', type: 'text', admin: { hidden: true } },
    { name: 'flags', type: 'text', hasMany: true, admin: { description: 'Silent fraud flags (honeypot, too fast, rate limit).' } },
    { name: 'anonymisedAt', type: 'date' },
  ],
}
