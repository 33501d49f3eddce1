import type { ArrayField } from 'payload'
import { validateHttpUrl } from '../validators/url'

/** Official sources for the facts stated (title and https link), shown on the page. */
export const sourcesField = (overrides: Partial<ArrayField> = {}): ArrayField => ({
  name: 'sources',
  type: 'array',
  admin: { description: 'Official pages the facts come from (GOV.UK, Acas, nidirect, legislation.gov.uk…).' },
  fields: [
    { name: 'title', type: 'text', required: true },
    { name: 'url', type: 'text', required: true, validate: validateHttpUrl('Source URL') },
  ],
  ...overrides,
})
