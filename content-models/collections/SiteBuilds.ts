import type { CollectionConfig } from 'payload'
import { BUILD_STATES } from '../constants'
import { isAdmin } from '../access/isAdmin'
import { isStaff } from '../access/isStaff'
import { nobody } from '../access/nobody'

/** One record per static site build: its status, timings and error. Written by the build job. */
export const SiteBuilds: CollectionConfig = {
  slug: 'site-builds',
  admin: {
    group: 'System',
    useAsTitle: 'buildId',
    defaultColumns: ['buildId', 'status', 'trigger', 'durationMs', 'createdAt'],
  },
  access: { create: nobody, read: isStaff, update: nobody, delete: isAdmin },
  defaultSort: '-createdAt',
  fields: [
    { name: 'buildId', type: 'text', required: true, index: true },
    {
      name: 'status',
      type: 'select',
      required: true,
      index: true,
      defaultValue: 'queued',
      options: BUILD_STATES.map((s) => ({ value: s, label: s })),
    },
    {
      name: 'trigger',
      type: 'select',
      defaultValue: 'manual',
      options: ['start', 'publish', 'manual', 'daily', 'retry'].map((s) => ({ value: s, label: s })),
    },
    {
      name: 'reason',
      type: 'text',
      admin: { description: 'What changed, for example "guides/holiday-pay published".' },
    },
    {
      name: 'purgeOlder',
      type: 'checkbox',
      defaultValue: false,
      admin: {
        readOnly: true,
        description:
          'Someone was erased from a page: once this build is live, every older kept build and snapshot is deleted.',
      },
    },
    {
      name: 'live',
      type: 'checkbox',
      defaultValue: false,
      admin: { description: 'This build is the one being served.' },
    },
    { name: 'startedAt', type: 'date' },
    { name: 'finishedAt', type: 'date' },
    { name: 'durationMs', type: 'number' },
    {
      name: 'timings',
      type: 'json',
      admin: { description: 'Milliseconds per step: export, build, index, check, switch.' },
    },
    { name: 'pages', type: 'number' },
    { name: 'error', type: 'textarea' },
  ],
}
