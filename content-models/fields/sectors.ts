import type { SelectField } from 'payload'
import { SECTORS } from '../constants'

/** Sectors of work, from the shared list. */
export const sectorsField = (overrides: Partial<SelectField> = {}): SelectField =>
  ({
    name: 'sectors',
    type: 'select',
    hasMany: true,
    options: SECTORS.map((s) => ({ value: s.value, label: s.label })),
    ...overrides,
  }) as SelectField
