/**
 * Shared pieces of the public endpoints' zod schemas: form values arrive as strings (a checkbox
 * is "on"), JSON values as booleans and arrays, and both must give the same result. Errors name
 * each bad field and say what would be accepted.
 */
import { z } from 'zod'
import { parsePostcode, POSTCODE_HINT } from '../members/postcode'

/** A checkbox: true for true, "on", "yes", "true" or "1"; anything else is false. */
export const checkbox = () =>
  z.preprocess(
    (v) =>
      v === true || (typeof v === 'string' && ['on', 'yes', 'true', '1'].includes(v.trim().toLowerCase())),
    z.boolean(),
  )

/** A required box: it must be ticked. */
export const requiredBox = (message: string) => checkbox().refine((v) => v, { message })

/** Empty strings count as "not given", so an untouched optional field is not an error. */
export const optionalText = (max: number, message: string) =>
  z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z.string({ error: message }).trim().max(max, { message }).optional(),
  )

/** A person's email address. */
export const emailField = () =>
  z
    .string({ error: 'Enter your email address, like name@example.com.' })
    .trim()
    .min(1, { message: 'Enter your email address, like name@example.com.' })
    .max(254, { message: 'Enter an email address of up to 254 characters.' })
    .regex(/^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[a-z]{2,}$/i, {
      message: 'Enter a full email address, like name@example.com.',
    })

/** An optional UK postcode (full, or just the first part). */
export const postcodeField = () =>
  z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z
      .string({ error: `Enter ${POSTCODE_HINT}, or leave it empty.` })
      .trim()
      .max(10, { message: `Enter ${POSTCODE_HINT}, or leave it empty.` })
      .refine((v) => parsePostcode(v) !== null, { message: `Enter ${POSTCODE_HINT}, or leave it empty.` })
      .optional(),
  )

/** A list that may arrive as one form value, several, or a JSON array. */
export const listOf = <T extends z.ZodType>(item: T, max: number, message: string) =>
  z.preprocess(
    (v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v.filter((x) => x !== '') : [v]),
    z.array(item, { error: message }).max(max, { message }),
  )

/** The field errors of a failed parse: { field: message }, first message per field. */
export type FieldErrors = Record<string, string>

/** Turns zod issues into one plain message per field. */
export const fieldErrors = (error: z.ZodError): FieldErrors => {
  const out: FieldErrors = {}
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? 'form')
    out[field] ??= issue.message
  }
  return out
}

/** The outcome of checking input: the data, or errors naming each bad field. */
export type Checked<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors }

/** Runs a schema and returns data or field errors. */
export const check = <S extends z.ZodType>(schema: S, input: unknown): Checked<z.output<S>> => {
  const result = schema.safeParse(input)
  return result.success ? { ok: true, data: result.data } : { ok: false, errors: fieldErrors(result.error) }
}
