import type { CollectionConfig } from 'payload'
import { publishedOrStaff } from '../access/publishedOrStaff'
import { isEditor } from '../access/isEditor'
import { slugField } from '../fields/slug'

/** Groups of guides, each with its own page (/topics/<slug>/). */
export const Topics: CollectionConfig = {
  slug: 'topics',
  admin: { useAsTitle: 'title', group: 'Content', defaultColumns: ['title', 'slug', 'order'] },
  access: { create: isEditor, read: publishedOrStaff, update: isEditor, delete: isEditor },
  defaultSort: 'order',
  fields: [
    { name: 'title', type: 'text', required: true },
    slugField(),
    {
      name: 'description',
      type: 'textarea',
      admin: { description: 'One or two sentences shown on the topic page.' },
    },
    {
      name: 'order',
      type: 'number',
      defaultValue: 100,
      admin: { position: 'sidebar', description: 'Lower comes first.' },
    },
  ],
}
