import { describe, expect, it } from 'vitest'
import { checkTemplate, validateTemplateBody } from '../../content-models/validators/templatePlaceholders'

const declared = (...keys: string[]) => keys.map((key) => ({ key }))

describe('template placeholders', () => {
  it('accepts a template whose placeholders and sections are all declared and used', () => {
    expect(
      checkTemplate({
        body: 'Dear {{manager_name}},\n{{#want_meeting}}Please meet me on {{meeting_date}}.{{/want_meeting}}',
        subject: 'Grievance from {{your_name}}',
        placeholders: declared('manager_name', 'meeting_date', 'your_name'),
        optionalSections: declared('want_meeting'),
      }),
    ).toEqual([])
  })
  it('names a placeholder that is used but not declared', () => {
    expect(checkTemplate({ body: 'Dear {{boss}}', placeholders: [] })).toEqual([
      'Placeholder "boss" is used in the letter but not declared in the placeholder list.',
    ])
  })
  it('names a placeholder that is declared but never used', () => {
    expect(checkTemplate({ body: 'Dear manager', placeholders: declared('boss') })).toEqual([
      'Placeholder "boss" is declared but never used in the letter or subject.',
    ])
  })
  it('names a section that is opened but never closed', () => {
    expect(checkTemplate({ body: '{{#extra}}More', optionalSections: declared('extra') })).toContain(
      'Section "extra" is opened with {{#extra}} but never closed with {{/extra}}.',
    )
  })
  it('refuses a placeholder that is not lower_snake_case', () => {
    expect(checkTemplate({ body: 'Dear {{Boss Name}}' })[0]).toMatch(
      /"\{\{Boss Name\}\}" is not a valid placeholder/,
    )
  })
  it('gives Payload one message naming every problem', () => {
    expect(validateTemplateBody('Hi {{a}}', { data: { placeholders: declared('b') } })).toBe(
      'Placeholder "a" is used in the letter but not declared in the placeholder list. Placeholder "b" is declared but never used in the letter or subject.',
    )
    expect(validateTemplateBody('', { data: {} })).toMatch(/Body: write the letter/)
  })
})

describe('either/or groups of optional sections', () => {
  it('names a group that has only one section, since the worker could not choose', () => {
    expect(
      checkTemplate({
        body: '{{#a}}A{{/a}}{{#b}}B{{/b}}',
        optionalSections: [
          { key: 'a', group: 'which' },
          { key: 'b', group: null },
        ],
      }),
    ).toEqual([
      'Group "which" has only one section ("a"): either/or needs two or more sections with the same group, or leave the group empty.',
    ])
  })
  it('accepts a group of two sections', () => {
    expect(
      checkTemplate({
        body: '{{#a}}A{{/a}}{{#b}}B{{/b}}',
        optionalSections: [
          { key: 'a', group: 'which' },
          { key: 'b', group: 'which' },
        ],
      }),
    ).toEqual([])
  })
})
