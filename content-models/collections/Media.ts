import path from 'node:path'
import type { CollectionConfig } from 'payload'
import { anyone } from '../access/anyone'
import { isEditorOrOrganiser } from '../access/isEditorOrOrganiser'
import { dataDir } from '../paths'

/** Images for content (union logos, guide illustrations), resized by sharp. Alt text is required. */
export const Media: CollectionConfig = {
  slug: 'media',
  admin: { group: 'Content', useAsTitle: 'alt' },
  access: {
    create: isEditorOrOrganiser,
    read: anyone,
    update: isEditorOrOrganiser,
    delete: isEditorOrOrganiser,
  },
  upload: {
    staticDir: path.join(dataDir(), 'media'),
    mimeTypes: ['image/png', 'image/jpeg', 'image/webp', 'image/svg+xml'],
    imageSizes: [
      { name: 'thumbnail', width: 320, withoutEnlargement: true },
      { name: 'card', width: 768, withoutEnlargement: true },
      { name: 'wide', width: 1536, withoutEnlargement: true },
    ],
    adminThumbnail: 'thumbnail',
    formatOptions: { format: 'webp', options: { quality: 80 } },
  },
  fields: [
    {
      name: 'alt',
      type: 'text',
      required: true,
      admin: {
        description:
          'Describe the image for someone who cannot see it. Write "decorative" only if it adds nothing.',
      },
    },
  ],
}
