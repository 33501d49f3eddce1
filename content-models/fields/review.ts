import type { Field } from 'payload'

/**
 * When content was last checked by a legal reviewer, by whom, when it is next due, and the public
 * change history. Every guide shows when it was last reviewed.
 */
export const reviewFields = (): Field[] => [
  {
    name: 'lastReviewed',
    type: 'date',
    admin: { position: 'sidebar', date: { pickerAppearance: 'dayOnly' } },
  },
  {
    name: 'reviewDue',
    type: 'date',
    index: true,
    admin: {
      position: 'sidebar',
      date: { pickerAppearance: 'dayOnly' },
      description: 'When a reviewer should check it again.',
    },
  },
  {
    name: 'reviewedBy',
    type: 'relationship',
    relationTo: 'users',
    admin: { position: 'sidebar' },
  },
  {
    name: 'history',
    type: 'array',
    admin: { description: 'Public change history: what changed and when.' },
    fields: [
      { name: 'date', type: 'date', required: true, admin: { date: { pickerAppearance: 'dayOnly' } } },
      { name: 'note', type: 'text', required: true },
    ],
  },
]
