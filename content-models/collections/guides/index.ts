import type { CollectionConfig } from 'payload'
import { isEditor } from '../../access/isEditor'
import { isEditorOrReviewer } from '../../access/isEditorOrReviewer'
import { publishedOrStaff } from '../../access/publishedOrStaff'
import { nationsField } from '../../fields/nations'
import { markReviewedField, reviewFields, reviewWorkflowFields } from '../../fields/review'
import { slugField } from '../../fields/slug'
import { sourcesField } from '../../fields/sources'
import { summaryField } from '../../fields/summary'
import { topicsField } from '../../fields/topics'
import { markReviewed } from './hooks/markReviewed'

/** How-to guides on workers' rights, written for a reading age of about 9. */
export const Guides: CollectionConfig = {
  slug: 'guides',
  admin: {
    useAsTitle: 'title',
    group: 'Content',
    defaultColumns: ['title', '_status', 'lastReviewed', 'reviewDue', 'updatedAt'],
    components: { beforeListTable: ['/admin/components/GuidesReviewNotice#GuidesReviewNotice'] },
  },
  access: { create: isEditor, read: publishedOrStaff, update: isEditorOrReviewer, delete: isEditor },
  versions: { drafts: { autosave: { interval: 2000 } }, maxPerDoc: 50 },
  hooks: { beforeChange: [markReviewed] },
  fields: [
    { name: 'title', type: 'text', required: true, admin: { description: 'The words a worker would use.' } },
    slugField(),
    summaryField(),
    topicsField(),
    ...nationsField(),
    {
      name: 'alsoSearchedAs',
      type: 'text',
      hasMany: true,
      admin: {
        description:
          'Words workers type for this, like "sacked" or "off sick". Search finds the guide by them.',
      },
    },
    {
      name: 'keyFacts',
      type: 'array',
      admin: { description: 'Two to five short facts for the key-facts box.' },
      fields: [{ name: 'fact', type: 'text', required: true }],
    },
    {
      name: 'body',
      type: 'richText',
      required: true,
      admin: { description: 'Its headings make the contents list.' },
    },
    {
      name: 'steps',
      type: 'array',
      admin: { description: 'What to do, step by step.' },
      fields: [
        { name: 'title', type: 'text', required: true },
        { name: 'body', type: 'richText' },
      ],
    },
    { name: 'relatedGuides', type: 'relationship', relationTo: 'guides', hasMany: true },
    { name: 'relatedTemplates', type: 'relationship', relationTo: 'templates', hasMany: true },
    sourcesField(),
    markReviewedField(),
    ...reviewFields(),
    ...reviewWorkflowFields(),
    { name: 'publishedAt', type: 'date', admin: { position: 'sidebar' } },
  ],
}
