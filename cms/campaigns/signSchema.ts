/** The sign endpoint's input: one zod schema for JSON and form posts alike. */
import { z } from 'zod'
import { checkbox, emailField, optionalText, postcodeField } from '../abuse/validation'
import { HONEYPOT_FIELD, STAMP_FIELD } from '../abuse/flags'
import { ROLE_MAX } from '../../content-models/collections/Petitions/kinds'

export const signSchema = z.object({
  /** The signer's name. Shown publicly (first name only) only if they ask and the petition allows it. */
  name: z
    .string({ error: 'Enter your name.' })
    .trim()
    .min(1, { message: 'Enter your name.' })
    .max(100, { message: 'Enter a name of up to 100 characters.' }),
  email: emailField(),
  /** Optional: gives the region for the counts. */
  postcode: postcodeField(),
  /** Optional: updates about this petition by email. */
  consentUpdates: checkbox(),
  /** Optional: show first name and area on the petition page (an open letter: name and role). */
  showName: checkbox(),
  /** Open letters, optional: the job and place shown with the name ("Night-shift nurse, Leeds"). */
  role: optionalText(
    ROLE_MAX,
    `Enter your role in up to ${ROLE_MAX} characters, like "Night-shift nurse, Leeds", or leave it empty.`,
  ).refine(
    (v) => !v || ![...v].some((c) => c.charCodeAt(0) < 32 || c === '\u007f' || c === '<' || c === '>'),
    {
      message: 'Enter your role as plain words, like "Night-shift nurse, Leeds", or leave it empty.',
    },
  ),
  [HONEYPOT_FIELD]: optionalText(500, 'Leave this empty.'),
  [STAMP_FIELD]: optionalText(100, 'Leave this as it is.'),
})

export type SignInput = z.output<typeof signSchema>
