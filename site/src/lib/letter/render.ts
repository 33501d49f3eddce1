/**
 * Renders a parsed letter template to segments: the template's own words, the worker's values,
 * gaps still to fill in, and (for the blank letter) notes marking the optional parts. Segments are
 * plain data; each output (text, safe HTML, React text nodes, .docx) turns them into its own form,
 * so nothing a worker types is ever treated as markup.
 */
import type { SnapshotTemplate } from '../../../../content-models/snapshot'
import { type LetterNode, parseTemplate } from './parse'

export type Placeholder = SnapshotTemplate['placeholders'][number]
export type OptionalSection = SnapshotTemplate['optionalSections'][number]
/** What the renderer needs to know about a template. */
export type TemplateFields = Pick<SnapshotTemplate, 'placeholders' | 'optionalSections'>

/** A piece of a rendered letter. */
export type Segment =
  | { kind: 'text'; text: string }
  | { kind: 'value'; key: string; text: string }
  | { kind: 'gap'; key: string; label: string; required: boolean }
  | { kind: 'note'; text: string }

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
]

/**
 * A date typed in a date input (YYYY-MM-DD) as a letter writes it; anything else is kept as typed
 * (a browser without date inputs lets people type "next Friday").
 * @example formatDateValue('2026-11-29') // '29 November 2026'
 */
export const formatDateValue = (value: string): string => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim())
  if (!m) return value
  const [, y, mo, d] = m
  const month = MONTHS[Number(mo) - 1]
  if (!month || Number(d) < 1 || Number(d) > 31) return value
  return `${Number(d)} ${month} ${y}`
}

/**
 * The sections to include, made consistent: sections sharing a group are "either A or B", so
 * exactly one of each group is kept (the first chosen in template order, else the default, else the
 * first section). Unknown keys are dropped.
 */
export const normaliseChoices = (
  sections: readonly OptionalSection[],
  chosen: Iterable<string>,
): Set<string> => {
  const wanted = new Set(chosen)
  const out = new Set<string>()
  const groups = new Map<string, OptionalSection[]>()
  for (const s of sections) {
    if (!s.group) {
      if (wanted.has(s.key)) out.add(s.key)
      continue
    }
    groups.set(s.group, [...(groups.get(s.group) ?? []), s])
  }
  for (const members of groups.values()) {
    const pick = members.find((s) => wanted.has(s.key)) ?? members.find((s) => s.default) ?? members[0]
    out.add(pick.key)
  }
  return out
}

/** The sections included before the worker changes anything. */
export const defaultChoices = (sections: readonly OptionalSection[]): Set<string> =>
  normaliseChoices(
    sections,
    sections.filter((s) => s.default).map((s) => s.key),
  )

/** A value counts as given when it has more than spaces. */
const given = (v: string | undefined): v is string => typeof v === 'string' && v.trim() !== ''

/** Cleans a value for the letter: Windows line ends, trailing spaces, dates in words. */
const valueText = (raw: string, type: Placeholder['type']): string => {
  const text = raw
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t]+$/gm, '')
    .replace(/^\n+|\n+$/g, '')
  return type === 'date' ? formatDateValue(text) : text
}

/**
 * Joins neighbouring template words, squeezes runs of blank lines left by sections that were left
 * out, and trims the start and end of the letter. The worker's own values are left as typed.
 */
const tidy = (segments: Segment[]): Segment[] => {
  const merged: Segment[] = []
  for (const s of segments) {
    const last = merged[merged.length - 1]
    if (s.kind === 'text' && last?.kind === 'text') last.text += s.text
    else merged.push({ ...s })
  }
  for (const s of merged) if (s.kind === 'text') s.text = s.text.replace(/\n{3,}/g, '\n\n')
  const first = merged[0]
  if (first?.kind === 'text') first.text = first.text.replace(/^\s+/, '')
  const last = merged[merged.length - 1]
  if (last?.kind === 'text') last.text = last.text.replace(/\s+$/, '')
  return merged.filter((s) => s.kind !== 'text' || s.text !== '')
}

export type FillIn = {
  /** What the worker typed, by placeholder key. */
  values: Readonly<Record<string, string | undefined>>
  /** Keys of the optional sections to include (made consistent with normaliseChoices). */
  chosen: Iterable<string>
}

/**
 * The letter as the worker has filled it in: included sections only, values in place (dates in
 * words), and a gap for every value not given yet.
 * @example renderLetter(parseTemplate('Dear {{name}}'), fields, { values: {}, chosen: [] })
 * // [{ kind: 'text', text: 'Dear ' }, { kind: 'gap', key: 'name', label: 'Their name', required: true }]
 */
export const renderLetter = (nodes: LetterNode[], t: TemplateFields, fill: FillIn): Segment[] => {
  const byKey = new Map(t.placeholders.map((p) => [p.key, p]))
  const chosen = normaliseChoices(t.optionalSections, fill.chosen)
  const out: Segment[] = []
  const walk = (list: LetterNode[]) => {
    for (const n of list) {
      if (n.type === 'text') out.push({ kind: 'text', text: n.text })
      else if (n.type === 'section') {
        if (chosen.has(n.key)) walk(n.children)
      } else {
        const p = byKey.get(n.key)
        const raw = fill.values[n.key]
        if (given(raw)) out.push({ kind: 'value', key: n.key, text: valueText(raw, p?.type ?? 'text') })
        else out.push({ kind: 'gap', key: n.key, label: p?.label ?? n.key, required: p?.required ?? true })
      }
    }
  }
  walk(nodes)
  return tidy(out)
}

/**
 * The blank letter: every gap shown, every optional section included and marked with notes, for
 * the page without JavaScript and the blank .docx/.txt files.
 */
export const renderBlank = (nodes: LetterNode[], t: TemplateFields): Segment[] => {
  const byKey = new Map(t.placeholders.map((p) => [p.key, p]))
  const sections = new Map(t.optionalSections.map((s) => [s.key, s]))
  const out: Segment[] = []
  const walk = (list: LetterNode[]) => {
    for (const n of list) {
      if (n.type === 'text') out.push({ kind: 'text', text: n.text })
      else if (n.type === 'field') {
        const p = byKey.get(n.key)
        out.push({ kind: 'gap', key: n.key, label: p?.label ?? n.key, required: p?.required ?? true })
      } else {
        const s = sections.get(n.key)
        out.push({
          kind: 'note',
          text: `[${s?.group ? 'Use this or the other choice' : 'Optional'}: ${s?.label ?? n.key}]`,
        })
        if (n.openAlone) out.push({ kind: 'text', text: '\n' })
        walk(n.children)
        out.push({ kind: 'note', text: '[End of optional part]' })
        if (n.closeAlone) out.push({ kind: 'text', text: '\n' })
      }
    }
  }
  walk(nodes)
  return tidy(out)
}

/** How a gap reads in plain text. */
export const gapText = (label: string) => `[${label}]`

/** The letter as plain text; gaps read "[label]". */
export const segmentsToText = (segments: readonly Segment[]): string =>
  segments.map((s) => (s.kind === 'gap' ? gapText(s.label) : s.text)).join('')

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }
/** Escapes text for HTML, so it can only ever be text. */
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ESC[c])

/** The letter as safe HTML (every piece escaped), gaps and notes marked with classes. */
export const segmentsToHtml = (segments: readonly Segment[]): string =>
  segments
    .map((s) => {
      if (s.kind === 'gap') return `<span class="placeholder">${escapeHtml(gapText(s.label))}</span>`
      if (s.kind === 'note') return `<span class="optional-note">${escapeHtml(s.text)}</span>`
      return escapeHtml(s.text)
    })
    .join('')

/** Splits segments into lines (at each line break, inside values too), for paragraphs in .docx. */
export const segmentsToLines = (segments: readonly Segment[]): Segment[][] => {
  const lines: Segment[][] = [[]]
  for (const s of segments) {
    if (s.kind === 'gap') {
      lines[lines.length - 1].push(s)
      continue
    }
    s.text.split('\n').forEach((part, i) => {
      if (i > 0) lines.push([])
      if (part) lines[lines.length - 1].push({ ...s, text: part })
    })
  }
  return lines
}

/** Keys of required values that are still gaps, in the order they first appear. */
export const missingRequired = (segments: readonly Segment[]): string[] => [
  ...new Set(segments.flatMap((s) => (s.kind === 'gap' && s.required ? [s.key] : []))),
]

/** A template parsed once, with its subject (emails), ready to render many times. */
export type ParsedTemplate = { body: LetterNode[]; subject: LetterNode[] | null }

/** Parses a template's body and subject. */
export const parseLetter = (t: { body: string; subject?: string | null }): ParsedTemplate => ({
  body: parseTemplate(t.body),
  subject: t.subject ? parseTemplate(t.subject) : null,
})
