/** The register-by-email form's input (a first-timer, not signed in): one zod schema for JSON and form posts. */
import { z } from 'zod'
import { HONEYPOT_FIELD, STAMP_FIELD } from '../abuse/flags'
import { emailField, optionalText } from '../abuse/validation'

export const registerSchema = z.object({
  firstName: z
    .string({ error: 'Enter your first name.' })
    .trim()
    .min(1, { message: 'Enter your first name.' })
    .max(60, { message: 'Enter a first name of up to 60 characters.' }),
  email: emailField(),
  [HONEYPOT_FIELD]: optionalText(500, 'Leave this empty.'),
  [STAMP_FIELD]: optionalText(100, 'Leave this as it is.'),
})

export type RegisterInput = z.output<typeof registerSchema>
