import type { TextareaField } from 'payload'

/** One plain sentence, shown in lists and search results. */
export const summaryField = (overrides: Partial<TextareaField> = {}): TextareaField =>
  ({
    name: 'summary',
    type: 'textarea',
    required: true,
    maxLength: 300,
    admin: { description: 'One short sentence, shown in search results and lists.' },
    ...overrides,
  }) as TextareaField
