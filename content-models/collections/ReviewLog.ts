import type { CollectionConfig } from 'payload'
import { isEditorOrReviewer } from '../access/isEditorOrReviewer'
import { nobody } from '../access/nobody'
import { REVIEW_LOG_ACTIONS, REVIEWED_COLLECTIONS } from '../fields/review'

/**
 * What happened in the legal review of guides and letters: requests, approvals, changes sent
 * back, typo fixes and admins' overrides, with who and when. Written only by the server
 * (cms/review); nobody edits or deletes it through the API.
 */
export const ReviewLog: CollectionConfig = {
  slug: 'review-log',
  labels: { singular: 'Review log entry', plural: 'Review log' },
  admin: {
    group: 'Content',
    useAsTitle: 'docTitle',
    defaultColumns: ['createdAt', 'action', 'docTitle', 'by', 'note'],
  },
  access: { create: nobody, read: isEditorOrReviewer, update: nobody, delete: nobody },
  defaultSort: '-createdAt',
  fields: [
    {
      name: 'action',
      type: 'select',
      required: true,
      index: true,
      options: REVIEW_LOG_ACTIONS.map((a) => ({ value: a, label: a.replace('-', ' ') })),
    },
    {
      name: 'docCollection',
      type: 'select',
      required: true,
      options: REVIEWED_COLLECTIONS.map((c) => ({ value: c, label: c })),
    },
    { name: 'docId', type: 'number', required: true, index: true },
    { name: 'docTitle', type: 'text' },
    { name: 'by', type: 'relationship', relationTo: 'users' },
    { name: 'note', type: 'textarea', admin: { description: 'The comment, or the override reason.' } },
    {
      name: 'fingerprint',
      type: 'text',
      admin: { description: 'Fingerprint of the legal fields at the time.' },
    },
  ],
}
