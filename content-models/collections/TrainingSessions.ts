import type { CollectionConfig } from 'payload'
import { SESSION_FORMATS, SESSION_STATES } from '../constants'
import { publishedOrStaff } from '../access/publishedOrStaff'
import { isEditorOrOrganiser } from '../access/isEditorOrOrganiser'
import { staffOnlyField } from '../access/fieldAccess'
import { isOrganiserField } from '../access/isOrganiserField'
import { keepSessionsWithPlaces, stampCancelled } from '../hooks/trainingSessionHooks'
import { slugField } from '../fields/slug'
import { summaryField } from '../fields/summary'
import { topicsField } from '../fields/topics'
import { validateHttpUrl } from '../validators/url'

/** Training sessions; times are stored in UTC and shown in Europe/London. */
export const TrainingSessions: CollectionConfig = {
  slug: 'training-sessions',
  admin: { useAsTitle: 'title', group: 'Campaigns', defaultColumns: ['title', 'start', 'format', 'status'] },
  access: {
    create: isEditorOrOrganiser,
    read: publishedOrStaff,
    update: isEditorOrOrganiser,
    delete: isEditorOrOrganiser,
  },
  hooks: { beforeChange: [stampCancelled], beforeDelete: [keepSessionsWithPlaces] },
  defaultSort: 'start',
  fields: [
    { name: 'title', type: 'text', required: true },
    slugField(),
    summaryField(),
    { name: 'description', type: 'richText' },
    {
      name: 'format',
      type: 'select',
      required: true,
      defaultValue: 'online',
      options: SESSION_FORMATS.map((f) => ({ value: f.value, label: f.label })),
    },
    {
      name: 'start',
      type: 'date',
      required: true,
      index: true,
      admin: { date: { pickerAppearance: 'dayAndTime' } },
    },
    {
      name: 'end',
      type: 'date',
      required: true,
      admin: { date: { pickerAppearance: 'dayAndTime' } },
      validate: (value: unknown, { siblingData }: { siblingData?: { start?: string } }) => {
        if (!value) return 'End: enter when the session finishes.'
        if (siblingData?.start && new Date(String(value)) <= new Date(siblingData.start))
          return 'End: must be after the start.'
        return true
      },
    },
    { name: 'venue', type: 'text' },
    { name: 'address', type: 'textarea' },
    {
      name: 'region',
      type: 'text',
      admin: { description: 'For example "Online", "Scotland", "North West England".' },
    },
    {
      name: 'accessibility',
      type: 'textarea',
      admin: { description: 'Step-free access, captions, BSL, quiet room…' },
    },
    {
      name: 'capacity',
      type: 'number',
      min: 1,
      admin: {
        description: 'Places; leave empty for no limit. Registrations past it join the waiting list.',
      },
    },
    {
      name: 'joiningLink',
      type: 'text',
      validate: validateHttpUrl('Joining link'),
      // Only registered people get it (in their reminder): never on the public page or in the snapshot.
      access: { read: staffOnlyField },
      admin: {
        condition: (data) => data?.format !== 'in-person',
        description: 'The video call link. Sent to registered people only, never shown on the site.',
      },
    },
    {
      name: 'registration',
      type: 'select',
      required: true,
      defaultValue: 'platform',
      options: [
        { value: 'platform', label: 'Through our signup form' },
        { value: 'external', label: 'An external link' },
      ],
    },
    {
      name: 'externalUrl',
      type: 'text',
      validate: validateHttpUrl('Registration link'),
      admin: { condition: (data) => data?.registration === 'external' },
    },
    { name: 'facilitator', type: 'text' },
    topicsField(),
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'scheduled',
      options: SESSION_STATES.map((s) => ({ value: s, label: s[0].toUpperCase() + s.slice(1) })),
    },
    {
      name: 'registrations',
      type: 'join',
      collection: 'registrations',
      on: 'session',
      // People: organisers and admins only, never the public API or the snapshot.
      access: { read: isOrganiserField },
      admin: {
        defaultColumns: ['member', 'state', 'position', 'createdAt'],
        description: 'Who has a place, and the waiting list in order.',
      },
    },
    {
      name: 'cancelledAt',
      type: 'date',
      admin: {
        readOnly: true,
        condition: (data) => data?.status === 'cancelled',
        description: 'When the session was cancelled (everyone registered is emailed).',
      },
    },
    {
      name: 'cancelReason',
      type: 'textarea',
      admin: {
        condition: (data) => data?.status === 'cancelled',
        description: 'Why it was cancelled, in a sentence: it goes in the email to everyone registered.',
      },
    },
  ],
}
