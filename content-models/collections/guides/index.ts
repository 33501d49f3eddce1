import type { CollectionConfig, Field } from 'payload'
import { isEditor } from '../../access/isEditor'
import { isEditorOrReviewer } from '../../access/isEditorOrReviewer'
import { publishedOrStaff } from '../../access/publishedOrStaff'
import { nationsField } from '../../fields/nations'
import { reviewFields } from '../../fields/review'
import { slugField } from '../../fields/slug'
import { sourcesField } from '../../fields/sources'
import { summaryField } from '../../fields/summary'
import { topicsField } from '../../fields/topics'
import { isReviewerField } from '../../access/isReviewerField'
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
    {
      name: 'markReviewed',
      type: 'checkbox',
      virtual: true,
      label: 'Mark as reviewed today',
      access: { create: isReviewerField, update: isReviewerField },
      admin: {
        position: 'sidebar',
        description:
          'For legal reviewers: tick and save when you have checked every fact. Sets the review date, you as reviewer, and the next review in 6 months.',
      },
    },
    ...reviewFields().map((f): Field =>
      'name' in f && (f.name === 'reviewedBy' || f.name === 'lastReviewed')
        ? ({ ...f, access: { create: isReviewerField, update: isReviewerField } } as Field)
        : f,
    ),
    { name: 'publishedAt', type: 'date', admin: { position: 'sidebar' } },
  ],
}
