/** The join (sign-up) endpoint's input: one zod schema for JSON and form posts alike. */
import { z } from 'zod'
import { SECTORS } from '../../content-models/constants'
import { HONEYPOT_FIELD, STAMP_FIELD } from '../abuse/flags'
import { checkbox, emailField, listOf, optionalText, requiredBox } from '../abuse/validation'

const SLUG = /^[a-z0-9][a-z0-9-]{0,99}$/
const sectorValues = SECTORS.map((s) => s.value) as [string, ...string[]]

export const joinSchema = z.object({
  firstName: z
    .string({ error: 'Enter your first name.' })
    .trim()
    .min(1, { message: 'Enter your first name.' })
    .max(60, { message: 'Enter a first name of up to 60 characters.' }),
  email: emailField(),
  /** Optional: a postcode (we keep only its first part) or the name of an area. */
  postcode: optionalText(60, 'Enter a postcode or area of up to 60 characters, or leave it empty.'),
  /** Optional: the sector they work in. */
  sector: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.enum(sectorValues, { error: 'Choose a sector from the list, or leave it empty.' }).optional(),
  ),
  /** Optional: networks to join, by slug. */
  networks: listOf(
    z.string().regex(SLUG, { message: 'Choose networks from the list.' }),
    20,
    'Choose up to 20 networks from the list.',
  ),
  /** Optional: a training session, by slug. */
  session: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z
      .string({ error: 'Choose a training session from the list, or leave it empty.' })
      .regex(SLUG, { message: 'Choose a training session from the list, or leave it empty.' })
      .optional(),
  ),
  consentEmail: requiredBox(
    'Tick the box to say we may email you. We need it to send you the link to confirm.',
  ),
  /** Optional, and never needed to join: the union-interest consent (UK GDPR Art. 9), stored only when ticked. */
  consentUnionInterest: checkbox(),
  [HONEYPOT_FIELD]: optionalText(500, 'Leave this empty.'),
  [STAMP_FIELD]: optionalText(100, 'Leave this as it is.'),
})

export type JoinInput = z.output<typeof joinSchema>
