import type { CollectionConfig } from 'payload'
import { isAdmin } from '../../access/isAdmin'
import { nobody } from '../../access/nobody'

/**
 * Every export of people's email addresses (admins only, with a reason): who, when, why, what and
 * how many rows. Written only by the export endpoint (cms/api/organise.ts); nobody edits or
 * deletes an entry through the API.
 */
export const ExportLog: CollectionConfig = {
  slug: 'export-log',
  admin: {
    group: 'System',
    useAsTitle: 'kind',
    defaultColumns: ['createdAt', 'user', 'kind', 'scope', 'rows', 'reason'],
  },
  access: { create: nobody, read: isAdmin, update: nobody, delete: nobody },
  fields: [
    { name: 'user', type: 'relationship', relationTo: 'users', required: true },
    {
      name: 'kind',
      type: 'select',
      required: true,
      options: [
        { value: 'members', label: 'Members who agreed to emails' },
        { value: 'signers', label: 'Signers who agreed to updates' },
      ],
    },
    /** The network's or petition's slug, or empty for every member. */
    { name: 'scope', type: 'text' },
    { name: 'reason', type: 'textarea', required: true },
    { name: 'rows', type: 'number', required: true },
  ],
}
