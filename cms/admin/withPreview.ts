import type { CollectionConfig } from 'payload'
import { isPublicCollection } from '../../content-models/constants'

/**
 * Preview on every public collection: Payload's Preview button opens the real page of the saved
 * draft (cms/api/preview.ts, staff signed in only), and a box in the sidebar makes a signed,
 * expiring link for a reviewer who has no account (cms/admin/components/PreviewLink.tsx).
 */
export const withPreview = (c: CollectionConfig): CollectionConfig =>
  isPublicCollection(c.slug)
    ? {
        ...c,
        admin: {
          ...c.admin,
          preview: (doc, { req }) =>
            doc?.id ? `${req.payload.config.serverURL}/api/preview/${c.slug}/${String(doc.id)}` : null,
        },
        fields: [
          ...c.fields,
          {
            name: 'previewLink',
            type: 'ui',
            admin: {
              position: 'sidebar',
              components: { Field: '/admin/components/PreviewLink#PreviewLink' },
            },
          },
        ],
      }
    : c
