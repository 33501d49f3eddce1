/** Letter templates: parsing once, rendering what the worker typed, gaps, sections and escaping. */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { SnapshotTemplate } from '../../content-models/snapshot'
import {
  blankLetterHtml,
  blankLetterText,
  defaultChoices,
  fieldsUsed,
  formatDateValue,
  missingRequired,
  normaliseChoices,
  parseTemplate,
  renderBlank,
  renderLetter,
  segmentsToHtml,
  segmentsToLines,
  segmentsToText,
  type TemplateFields,
} from '../../site/src/lib/letter'

const fixtures = JSON.parse(
  readFileSync('tests/fixtures/snapshot/templates.json', 'utf8'),
) as SnapshotTemplate[]
const grievance = fixtures.find((t) => t.slug === 'raise-a-grievance')!
const holiday = fixtures.find((t) => t.slug === 'holiday-pay-claim')!

const field = (key: string, label: string, extra: Partial<TemplateFields['placeholders'][number]> = {}) => ({
  key,
  label,
  hint: null,
  example: null,
  required: true,
  multiline: false,
  type: 'text' as const,
  ...extra,
})
const section = (key: string, label: string, group: string | null = null, dflt = false) => ({
  key,
  label,
  group,
  default: dflt,
})
const text = (body: string, t: TemplateFields, values: Record<string, string>, chosen: string[] = []) =>
  segmentsToText(renderLetter(parseTemplate(body), t, { values, chosen }))

describe('parsing a template', () => {
  it('splits words, placeholders and optional sections into a tree', () => {
    expect(parseTemplate('Dear {{name}},\n{{#extra}}\nMore from {{name}}.\n{{/extra}}\nBye')).toEqual([
      { type: 'text', text: 'Dear ' },
      { type: 'field', key: 'name' },
      { type: 'text', text: ',\n' },
      {
        type: 'section',
        key: 'extra',
        openAlone: true,
        closeAlone: true,
        children: [
          { type: 'text', text: 'More from ' },
          { type: 'field', key: 'name' },
          { type: 'text', text: '.\n' },
        ],
      },
      { type: 'text', text: 'Bye' },
    ])
  })

  it('keeps a stray closing tag as words instead of failing', () => {
    expect(
      segmentsToText(
        renderLetter(
          parseTemplate('A {{/nope}} B'),
          { placeholders: [], optionalSections: [] },
          { values: {}, chosen: [] },
        ),
      ),
    ).toBe('A {{/nope}} B')
  })

  it('lists the placeholders in use, only in included sections when asked', () => {
    const nodes = parseTemplate(holiday.body)
    expect(fieldsUsed(nodes)).toContain('leaving_date')
    expect(fieldsUsed(nodes, new Set(['holiday_underpaid']))).not.toContain('leaving_date')
    expect(fieldsUsed(nodes, new Set(['untaken_on_leaving']))).toContain('leaving_date')
  })
})

describe('rendering a filled-in letter', () => {
  const t = {
    placeholders: [
      field('name', 'Your name'),
      field('boss', 'Their name'),
      field('note', 'A note', { required: false }),
    ],
    optionalSections: [],
  }

  it('puts the same value in every place a placeholder is repeated', () => {
    expect(
      text('{{name}}\n\nDear {{boss}},\n\nYours,\n{{name}}', t, { name: 'Priya Shah', boss: 'Mr Lee' }),
    ).toBe('Priya Shah\n\nDear Mr Lee,\n\nYours,\nPriya Shah')
  })

  it('shows a missing value as a visible gap with its label, and lists the required ones missing', () => {
    const segments = renderLetter(parseTemplate('Dear {{boss}}, from {{name}}. {{note}}'), t, {
      values: { name: '   ' },
      chosen: [],
    })
    expect(segmentsToText(segments)).toBe('Dear [Their name], from [Your name]. [A note]')
    expect(missingRequired(segments)).toEqual(['boss', 'name'])
  })

  it('writes a date from a date input in words', () => {
    const dated = { placeholders: [field('when', 'Date', { type: 'date' })], optionalSections: [] }
    expect(text('On {{when}}.', dated, { when: '2026-11-29' })).toBe('On 29 November 2026.')
    expect(formatDateValue('2026-01-05')).toBe('5 January 2026')
    expect(formatDateValue('next Friday')).toBe('next Friday')
    expect(formatDateValue('2026-13-01')).toBe('2026-13-01')
  })

  it('keeps the lines of a multi-line value and tidies Windows line ends', () => {
    expect(text('{{name}}\nEnd', t, { name: 'Flat 2\r\n9 Castle Street\r\n' })).toBe(
      'Flat 2\n9 Castle Street\nEnd',
    )
  })

  it('leaves out an optional section with its lines, and includes it when chosen', () => {
    const s = { placeholders: [field('name', 'Your name')], optionalSections: [section('extra', 'Extra')] }
    const body = 'Hello.\n\n{{#extra}}\nAn extra paragraph.\n{{/extra}}\n\nBye {{name}}'
    expect(text(body, s, { name: 'Ann' })).toBe('Hello.\n\nBye Ann')
    expect(text(body, s, { name: 'Ann' }, ['extra'])).toBe('Hello.\n\nAn extra paragraph.\n\nBye Ann')
  })

  it('includes exactly one section of an either/or group', () => {
    const s = {
      placeholders: [],
      optionalSections: [section('a', 'A', 'g', true), section('b', 'B', 'g'), section('c', 'C')],
    }
    expect([...normaliseChoices(s.optionalSections, [])]).toEqual(['a'])
    expect([...normaliseChoices(s.optionalSections, ['b', 'a', 'c'])].sort()).toEqual(['a', 'c'])
    expect([...normaliseChoices(s.optionalSections, ['b', 'c'])].sort()).toEqual(['b', 'c'])
    expect([...defaultChoices(s.optionalSections)]).toEqual(['a'])
    const body = '{{#a}}\nA\n{{/a}}\n{{#b}}\nB\n{{/b}}\nEnd'
    expect(text(body, s, {}, ['a', 'b'])).toBe('A\nEnd')
    expect(text(body, s, {}, ['b'])).toBe('B\nEnd')
  })

  it("renders the grievance letter with Priya's details and no braces left", () => {
    const letter = text(
      grievance.body,
      grievance,
      {
        your_name: 'Priya Shah',
        your_address: '3 Mill Lane\nLeeds LS1 1AA',
        job_title: 'Picker',
        letter_date: '2026-11-29',
        recipient_name: 'Sam Green',
        employer_name: 'Quickdrop Logistics Ltd',
        complaint_details: 'My shifts were cut.',
        outcome_wanted: 'My shifts back.',
      },
      [...defaultChoices(grievance.optionalSections)],
    )
    expect(
      letter.startsWith(
        'Priya Shah\n3 Mill Lane\nLeeds LS1 1AA\n\n29 November 2026\n\nTo: Sam Green\nQuickdrop Logistics Ltd',
      ),
    ).toBe(true)
    expect(letter).toContain('I intend to bring a companion')
    expect(letter).not.toContain('informally')
    expect(letter).not.toMatch(/\{\{|\}\}|\n{3,}/)
    expect(letter.endsWith('Yours sincerely,\n\nPriya Shah')).toBe(true)
  })
})

describe('escaping', () => {
  const t = { placeholders: [field('name', 'Your <name>')], optionalSections: [] }
  const nasty = '<img src=x onerror=alert(1)> & "quotes" {{name}}'

  it('keeps what a worker types as text in HTML, never markup', () => {
    const html = segmentsToHtml(
      renderLetter(parseTemplate('Hi {{name}}'), t, { values: { name: nasty }, chosen: [] }),
    )
    expect(html).toBe('Hi &lt;img src=x onerror=alert(1)&gt; &amp; &quot;quotes&quot; {{name}}')
  })

  it('does not treat braces typed by the worker as placeholders', () => {
    expect(text('Hi {{name}}', t, { name: '{{name}} {{#x}}' })).toBe('Hi {{name}} {{#x}}')
  })

  it('escapes labels in gaps and the blank letter', () => {
    expect(blankLetterHtml({ body: 'Hi {{name}}', ...t })).toBe(
      'Hi <span class="placeholder">[Your &lt;name&gt;]</span>',
    )
  })
})

describe('the blank letter', () => {
  it('shows every gap and marks optional and either/or parts', () => {
    const blank = blankLetterText(holiday)
    expect(blank).toContain('Dear [Who you are writing to],')
    expect(blank).toContain(
      '[Use this or the other choice: I took holiday but was paid too little or nothing]\nI took paid holiday',
    )
    expect(blank).toContain(
      '[Optional: I am sending evidence with this letter]\nI am sending copies of these documents with this letter: [What you are sending with the letter]\n[End of optional part]',
    )
    expect(blank).not.toMatch(/\{\{|\n{3,}/)
  })

  it('splits into lines for paragraphs, keeping gaps whole', () => {
    const lines = segmentsToLines(
      renderBlank(parseTemplate('A {{name}}\nB'), {
        placeholders: [field('name', 'N')],
        optionalSections: [],
      }),
    )
    expect(lines.map((l) => l.map((s) => (s.kind === 'gap' ? `[${s.label}]` : s.text)).join(''))).toEqual([
      'A [N]',
      'B',
    ])
  })
})

describe('every seeded template', async () => {
  const { loadTemplates } = await import('../../cms/seed/loadSeedData')
  const seeded = await loadTemplates('scripts/seed-data/templates')
  const asFields = (t: (typeof seeded)[number]): TemplateFields => ({
    placeholders: t.placeholders.map((p) => ({
      key: p.key,
      label: p.label,
      hint: p.hint ?? null,
      example: p.example ?? null,
      required: p.required ?? true,
      multiline: p.multiline ?? false,
      type: p.type ?? 'text',
    })),
    optionalSections: (t.optionalSections ?? []).map((s) => ({
      key: s.key,
      label: s.label,
      group: s.group ?? null,
      default: s.default ?? false,
    })),
  })

  it.each(seeded.map((t) => [t.slug, t] as const))(
    '%s fills in from its examples with no gaps, braces or runs of blank lines',
    (_slug, t) => {
      const fields = asFields(t)
      const examples = Object.fromEntries(fields.placeholders.map((p) => [p.key, p.example ?? 'x']))
      const groups = new Map<string, number>()
      for (const s of fields.optionalSections)
        if (s.group) groups.set(s.group, (groups.get(s.group) ?? 0) + 1)
      expect([...groups.values()].every((n) => n >= 2)).toBe(true)
      const all = fields.optionalSections.map((s) => s.key)
      for (const chosen of [[], all, [...defaultChoices(fields.optionalSections)]]) {
        const letter = text(t.body, fields, examples, chosen)
        expect(letter).not.toMatch(/\{\{|\}\}|\n{3,}|\[[A-Z][^\]]*\]/)
      }
      expect(
        blankLetterText({
          ...fields,
          body: t.body,
          subject: t.subject ?? null,
          kind: t.kind as 'letter' | 'email',
        }),
      ).not.toMatch(/\{\{|\n{3,}/)
    },
  )
})
