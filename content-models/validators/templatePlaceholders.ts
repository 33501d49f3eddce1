/**
 * Placeholder syntax of letter templates:
 * - `{{key}}` a value the worker types;
 * - `{{#section}} … {{/section}}` an optional section they include or leave out.
 * Keys are lower_snake_case.
 */
const TAG = /\{\{\s*([#/]?)\s*([^{}]*?)\s*\}\}/g
const KEY = /^[a-z][a-z0-9_]*$/

export type TemplateShape = {
  body?: string | null
  subject?: string | null
  placeholders?: { key?: string | null }[] | null
  optionalSections?: { key?: string | null; group?: string | null }[] | null
}

/** Keys used in a text, split into placeholders and sections, with syntax problems found. */
export const scanTemplate = (text: string) => {
  const placeholders = new Set<string>()
  const sections = new Set<string>()
  const problems: string[] = []
  const open: string[] = []
  for (const match of text.matchAll(TAG)) {
    const [, mark, key] = match
    if (!KEY.test(key)) {
      problems.push(
        `"{{${mark}${key}}}" is not a valid placeholder: use lower_snake_case, like {{employer_name}}.`,
      )
      continue
    }
    if (mark === '#') {
      sections.add(key)
      open.push(key)
    } else if (mark === '/') {
      const last = open.pop()
      if (last !== key)
        problems.push(
          `Section "${key}" is closed with {{/${key}}} but ${last ? `"${last}" is the one open` : 'was never opened'}.`,
        )
    } else {
      placeholders.add(key)
    }
  }
  for (const key of open)
    problems.push(`Section "${key}" is opened with {{#${key}}} but never closed with {{/${key}}}.`)
  return { placeholders, sections, problems }
}

/**
 * Every problem with a template's placeholders, in words an editor can act on; empty when fine.
 * @example checkTemplate({ body: 'Dear {{boss}}', placeholders: [] })
 * // ['Placeholder "boss" is used in the letter but not declared in the placeholder list.']
 */
export const checkTemplate = (t: TemplateShape): string[] => {
  const body = scanTemplate(t.body ?? '')
  const subject = scanTemplate(t.subject ?? '')
  const errors = [...body.problems, ...subject.problems.map((p) => `Subject: ${p}`)]
  const used = new Set([...body.placeholders, ...subject.placeholders])
  const declared = (t.placeholders ?? []).map((p) => p.key ?? '').filter(Boolean)
  const declaredSections = (t.optionalSections ?? []).map((s) => s.key ?? '').filter(Boolean)
  for (const key of used) {
    if (!declared.includes(key))
      errors.push(`Placeholder "${key}" is used in the letter but not declared in the placeholder list.`)
  }
  for (const key of declared) {
    if (!used.has(key))
      errors.push(`Placeholder "${key}" is declared but never used in the letter or subject.`)
  }
  for (const key of body.sections) {
    if (!declaredSections.includes(key))
      errors.push(
        `Optional section "${key}" is used in the letter but not declared in the optional sections.`,
      )
  }
  for (const key of declaredSections) {
    if (!body.sections.has(key))
      errors.push(`Optional section "${key}" is declared but never used in the letter.`)
  }
  const groups = new Map<string, string[]>()
  for (const s of t.optionalSections ?? [])
    if (s.group && s.key) groups.set(s.group, [...(groups.get(s.group) ?? []), s.key])
  for (const [group, keys] of groups) {
    if (keys.length < 2)
      errors.push(
        `Group "${group}" has only one section ("${keys[0]}"): either/or needs two or more sections with the same group, or leave the group empty.`,
      )
  }
  return errors
}

/** Payload validator for the template body field. */
export const validateTemplateBody = (
  value: unknown,
  { data }: { data?: Partial<TemplateShape> },
): true | string => {
  if (typeof value !== 'string' || value.trim() === '') return 'Body: write the letter; it cannot be empty.'
  const errors = checkTemplate({ ...data, body: value })
  return errors.length === 0 ? true : errors.join(' ')
}
