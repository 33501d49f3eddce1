import type { TextField } from 'payload'
import { slugify, SLUG_PATTERN } from '../validators/slug'

/**
 * A URL slug, unique in its collection, filled from `from` (the title) when left empty.
 * Public URLs are built from it and get shared, so it is validated strictly.
 * @example slugField() // -> { name: 'slug', ... }
 */
export const slugField = (from = 'title', overrides: Partial<TextField> = {}): TextField =>
  ({
    name: 'slug',
    type: 'text',
    required: true,
    unique: true,
    index: true,
    admin: {
      position: 'sidebar',
      description:
        'The address of the page: lower-case words joined by hyphens. Filled from the title if left empty.',
    },
    hooks: {
      beforeValidate: [
        ({ value, data }) => {
          if (typeof value === 'string' && value.trim() !== '') return value.trim()
          const source = data?.[from]
          return typeof source === 'string' ? slugify(source) : value
        },
      ],
    },
    validate: (value: unknown) =>
      typeof value === 'string' && SLUG_PATTERN.test(value)
        ? true
        : 'Slug: use lower-case letters, numbers and single hyphens, for example "holiday-pay".',
    ...overrides,
  }) as TextField
