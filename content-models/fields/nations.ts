import type { Field, SelectField } from 'payload'
import { NATIONS } from '../constants'

/**
 * Which UK nations' law a piece of content describes, plus a plain note on where it differs.
 * Every guide shows this ("This guide covers England, Wales and Scotland").
 */
export const nationsField = (overrides: Partial<SelectField> = {}): Field[] => [
  {
    name: 'nations',
    type: 'select',
    hasMany: true,
    required: true,
    options: NATIONS.map((n) => ({ value: n.value, label: n.label })),
    admin: { description: 'The nations whose law this describes. Northern Ireland often differs.' },
    ...overrides,
  } as SelectField,
  {
    name: 'nationsNote',
    type: 'textarea',
    admin: { description: 'Plain words on where the law differs, for example in Northern Ireland.' },
  },
]
