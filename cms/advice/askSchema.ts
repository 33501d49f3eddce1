/**
 * What a question to an adviser carries (the ask form and the member's ask), and a follow-up.
 * Plain text only: text is kept as typed and always shown escaped, never as HTML.
 */
import { z } from 'zod'
import { NATIONS } from '../../content-models/constants'
import { EMPLOYMENT_STATUSES, QUESTION_MAX_CHARS } from '../../content-models/conversations'
import { HONEYPOT_FIELD, STAMP_FIELD } from '../abuse/flags'
import { checkbox, emailField, optionalText } from '../abuse/validation'

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

/** Whether text holds control characters other than tabs and line breaks: no person types them. */
const hasControl = (v: string) =>
  [...v].some((c) => {
    const n = c.charCodeAt(0)
    return (n < 32 && n !== 9 && n !== 10 && n !== 13) || n === 127
  })

/** The words of a question or follow-up: required, at most QUESTION_MAX_CHARS. */
export const questionText = (what: string) =>
  z
    .string({ error: `Say ${what}.` })
    .trim()
    .min(1, { message: `Say ${what}.` })
    .max(QUESTION_MAX_CHARS, {
      message: `Use at most ${QUESTION_MAX_CHARS.toLocaleString('en-GB')} characters. Keep it to what happened; an adviser will ask if they need more.`,
    })
    .refine((v) => !hasControl(v), { message: 'Use plain text only.' })

const oneOf = <T extends readonly { value: string }[]>(list: T, message: string) =>
  z.enum(list.map((x) => x.value) as [T[number]['value'], ...T[number]['value'][]], { error: message })

const optionalSlug = (message: string) =>
  z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z.string({ error: message }).trim().max(120, { message }).regex(SLUG, { message }).optional(),
  )

/** A question, from the ask form (JSON or a plain form). */
export const askSchema = z.object({
  whatHappened: questionText('what happened'),
  nation: oneOf(NATIONS, 'Choose where you work: England and Wales, Scotland, or Northern Ireland.'),
  employmentStatus: oneOf(EMPLOYMENT_STATUSES, 'Choose how you work, or “I am not sure”.'),
  topic: optionalSlug('Choose a topic from the list, or leave it empty.'),
  fromGuide: optionalSlug('The guide this came from was not recognised. Ask from /ask/ instead.'),
  /** For "you have a reply" only; optional. */
  email: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    emailField().optional(),
  ),
  /** A signed-in member: email me when there is a reply. */
  notify: checkbox().optional(),
  [HONEYPOT_FIELD]: optionalText(500, 'Leave this field empty.'),
  [STAMP_FIELD]: optionalText(200, 'The form stamp was not recognised.'),
})
export type AskInput = z.output<typeof askSchema>

/** A follow-up from the asker. */
export const followUpSchema = z.object({ body: questionText('what you want to add') })

/** A private reply link's token as sent back to us: 43 base64url characters (32 bytes). */
export const tokenSchema = z.object({
  token: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]{43}$/),
})
