import type { CollectionConfig } from 'payload'
import { isEditor } from '../access/isEditor'
import { isEditorOrReviewer } from '../access/isEditorOrReviewer'
import { publishedOrStaff } from '../access/publishedOrStaff'
import { nationsField } from '../fields/nations'
import { markReviewedField, reviewFields, reviewWorkflowFields } from '../fields/review'
import { markReviewed } from './guides/hooks/markReviewed'
import { slugField } from '../fields/slug'
import { sourcesField } from '../fields/sources'
import { summaryField } from '../fields/summary'
import { topicsField } from '../fields/topics'
import { validateTemplateBody } from '../validators/templatePlaceholders'

/** Letter and email templates a worker fills in on their own device. */
export const Templates: CollectionConfig = {
  slug: 'templates',
  admin: {
    useAsTitle: 'title',
    group: 'Content',
    defaultColumns: ['title', 'kind', '_status', 'lastReviewed', 'reviewDue', 'updatedAt'],
  },
  access: { create: isEditor, read: publishedOrStaff, update: isEditorOrReviewer, delete: isEditor },
  versions: { drafts: { autosave: { interval: 2000 } }, maxPerDoc: 50 },
  hooks: { beforeChange: [markReviewed] },
  fields: [
    { name: 'title', type: 'text', required: true },
    slugField(),
    summaryField(),
    {
      name: 'kind',
      type: 'select',
      required: true,
      defaultValue: 'letter',
      options: [
        { value: 'letter', label: 'Letter' },
        { value: 'email', label: 'Email' },
      ],
    },
    {
      name: 'subject',
      type: 'text',
      admin: {
        condition: (data) => data?.kind === 'email',
        description: 'Email subject; may use placeholders.',
      },
    },
    topicsField(),
    ...nationsField(),
    { name: 'guidance', type: 'richText', admin: { description: 'When and how to use it.' } },
    {
      name: 'body',
      type: 'textarea',
      required: true,
      validate: validateTemplateBody,
      admin: {
        description:
          'The letter. {{key}} is a placeholder; {{#section}}…{{/section}} is an optional section. Every placeholder used must be declared below, and every one declared must be used.',
      },
    },
    {
      name: 'placeholders',
      type: 'array',
      fields: [
        {
          name: 'key',
          type: 'text',
          required: true,
          admin: { description: 'lower_snake_case, as used in {{key}}.' },
        },
        { name: 'label', type: 'text', required: true },
        { name: 'hint', type: 'text' },
        { name: 'example', type: 'text' },
        { name: 'required', type: 'checkbox', defaultValue: true },
        { name: 'multiline', type: 'checkbox', defaultValue: false },
        {
          name: 'type',
          type: 'select',
          defaultValue: 'text',
          options: [
            { value: 'text', label: 'Text' },
            { value: 'date', label: 'Date' },
          ],
        },
      ],
    },
    {
      name: 'optionalSections',
      type: 'array',
      admin: {
        description:
          'Parts a worker can include or leave out. Sections sharing a group are "use either A or B".',
      },
      fields: [
        { name: 'key', type: 'text', required: true },
        { name: 'label', type: 'text', required: true },
        { name: 'group', type: 'text' },
        { name: 'default', type: 'checkbox', defaultValue: false },
      ],
    },
    { name: 'relatedGuides', type: 'relationship', relationTo: 'guides', hasMany: true },
    sourcesField(),
    markReviewedField(),
    ...reviewFields(),
    ...reviewWorkflowFields(),
  ],
}
