import type { CollectionConfig } from 'payload'
import { SECTORS } from '../constants'
import { publishedOrStaff } from '../access/publishedOrStaff'
import { isEditorOrOrganiser } from '../access/isEditorOrOrganiser'
import { adminOnlyField, staffOnlyField } from '../access/fieldAccess'
import { slugField } from '../fields/slug'
import { hasRole } from '../access/roles'
import { DEFAULT_MESSAGE_RETENTION, MESSAGE_RETENTION } from '../conversations'

/** Peer support networks. No personal contact details are ever stored here: joining is by signup. */
export const Networks: CollectionConfig = {
  slug: 'networks',
  admin: { useAsTitle: 'name', group: 'Campaigns', defaultColumns: ['name', 'sector', 'region'] },
  access: {
    create: isEditorOrOrganiser,
    read: publishedOrStaff,
    update: isEditorOrOrganiser,
    delete: isEditorOrOrganiser,
  },
  fields: [
    { name: 'name', type: 'text', required: true },
    slugField('name'),
    { name: 'description', type: 'textarea', required: true },
    {
      name: 'sector',
      type: 'select',
      required: true,
      options: SECTORS.map((s) => ({ value: s.value, label: s.label })),
    },
    {
      name: 'employer',
      type: 'text',
      access: {
        // A hidden employer is readable by staff only, so the public API never reveals it.
        read: ({ req, doc }) =>
          hasRole(req.user, 'admin', 'editor', 'reviewer', 'organiser') || !doc?.hideEmployer,
      },
    },
    {
      name: 'hideEmployer',
      type: 'checkbox',
      defaultValue: false,
      admin: { description: "Keep the employer off public pages, for members' safety." },
    },
    { name: 'region', type: 'text', required: true },
    {
      name: 'meets',
      type: 'textarea',
      admin: { description: 'How and when it meets, without names or contact details.' },
    },
    { name: 'relatedUnion', type: 'relationship', relationTo: 'unions' },
    { name: 'internalNotes', type: 'textarea', access: { read: staffOnlyField } },
    {
      name: 'organisers',
      type: 'relationship',
      relationTo: 'users',
      hasMany: true,
      // Only admins choose moderators: an organiser or editor could otherwise make themselves one.
      access: { read: staffOnlyField, create: adminOnlyField, update: adminOnlyField },
      admin: {
        description: 'Staff who moderate its conversations (organisers; admins always can). Set by admins.',
      },
    },
    {
      name: 'messageRetention',
      type: 'select',
      defaultValue: DEFAULT_MESSAGE_RETENTION,
      options: MESSAGE_RETENTION.map((r) => ({ value: r.value, label: r.label })),
      admin: { description: 'How long messages in its conversations are kept, then deleted for everyone.' },
    },
    {
      name: 'requireApproval',
      type: 'checkbox',
      defaultValue: false,
      admin: {
        description: 'New members wait until an organiser approves them before they can read or post.',
      },
    },
    {
      name: 'guidelines',
      type: 'textarea',
      admin: {
        description: 'Rules of this network, shown after the community guidelines before a first post.',
      },
    },
  ],
}
