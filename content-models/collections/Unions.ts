import type { CollectionConfig } from 'payload'
import { AFFILIATIONS } from '../constants'
import { publishedOrStaff } from '../access/publishedOrStaff'
import { isEditor } from '../access/isEditor'
import { nationsField } from '../fields/nations'
import { sectorsField } from '../fields/sectors'
import { slugField } from '../fields/slug'
import { sourcesField } from '../fields/sources'
import { validateHttpUrl } from '../validators/url'

/** The union directory behind the union finder. */
export const Unions: CollectionConfig = {
  slug: 'unions',
  admin: { useAsTitle: 'name', group: 'Directory', defaultColumns: ['name', 'shortName', 'affiliations'] },
  access: { create: isEditor, read: publishedOrStaff, update: isEditor, delete: isEditor },
  defaultSort: 'name',
  fields: [
    { name: 'name', type: 'text', required: true },
    { name: 'shortName', type: 'text' },
    slugField('name'),
    { name: 'logo', type: 'upload', relationTo: 'media' },
    { name: 'website', type: 'text', required: true, validate: validateHttpUrl('Website') },
    { name: 'joinUrl', type: 'text', validate: validateHttpUrl('Join link') },
    { name: 'description', type: 'textarea', required: true },
    sectorsField(),
    {
      name: 'occupations',
      type: 'text',
      hasMany: true,
      admin: { description: 'Job words a worker would type.' },
    },
    ...nationsField(),
    {
      name: 'affiliations',
      type: 'select',
      hasMany: true,
      options: AFFILIATIONS.map((a) => ({ value: a.value, label: a.label })),
    },
    { name: 'independent', type: 'checkbox', admin: { description: 'Holds a certificate of independence.' } },
    {
      name: 'certificationOfficerListed',
      type: 'checkbox',
      admin: { description: "On the Certification Officer's list." },
    },
    { name: 'recognisedEmployers', type: 'text', hasMany: true },
    { name: 'membership', type: 'number', min: 0 },
    { name: 'membershipYear', type: 'number', min: 1800, max: 2100 },
    sourcesField(),
  ],
}
