import type { Field } from 'payload'

/** Where a record's confirmation email stands: owed (not sent yet), sent, or failed (gave up). */
export const CONFIRM_EMAIL_STATES = { OWED: 'owed', SENT: 'sent', FAILED: 'failed' } as const

/**
 * The fields that keep a confirmation email owed in the record itself until it is sent, so a
 * slow or failing email service never loses one (cms/email/owedEmail.ts and sendOwed.ts send and retry).
 */
export const confirmEmailFields = (): Field[] => [
  {
    name: 'confirmEmailState',
    type: 'select',
    index: true,
    options: Object.values(CONFIRM_EMAIL_STATES).map((s) => ({ value: s, label: s })),
    admin: {
      description:
        'The confirmation email: owed (not sent yet), sent, or failed (gave up after several tries). Empty when none is due.',
    },
  },
  {
    name: 'confirmEmailAttempts',
    type: 'number',
    defaultValue: 0,
    admin: { description: 'Failed tries to send the confirmation email.' },
  },
  {
    name: 'confirmEmailNextAt',
    type: 'date',
    admin: {
      hidden: true,
      description: 'When the email worker may next try (also holds off other workers while one tries).',
    },
  },
  {
    name: 'confirmEmailError',
    type: 'text',
    admin: { readOnly: true, description: 'Why the last try to send the confirmation email failed.' },
  },
]
