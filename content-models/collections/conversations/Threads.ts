import type { CollectionConfig } from 'payload'
import { THREAD_TITLE_MAX_CHARS } from '../../conversations'
import { isNetworkModerator } from '../../access/networkModerators'
import { nobody } from '../../access/nobody'
import { adminOnlyField } from '../../access/fieldAccess'

/**
 * A conversation in a network: a title and its messages (the first one opens it). Members reach
 * threads only through /api/conversations/ (cms/conversations), for networks they belong to;
 * in the admin, organisers see the threads of the networks they organise.
 */
export const Threads: CollectionConfig = {
  slug: 'threads',
  admin: {
    group: 'Conversations',
    useAsTitle: 'title',
    defaultColumns: ['title', 'network', 'authorName', 'messageCount', 'lastMessageAt'],
  },
  // Removed only by a moderation action (with its reason, in the log, live for viewers), by their
  // author, or by retention: never by a plain delete.
  access: { create: nobody, read: isNetworkModerator, update: nobody, delete: nobody },
  indexes: [{ fields: ['network', 'lastMessageAt'] }],
  fields: [
    { name: 'network', type: 'relationship', relationTo: 'networks', required: true, index: true },
    { name: 'title', type: 'text', required: true, maxLength: THREAD_TITLE_MAX_CHARS },
    /** Who started it: read by admins only, so organisers see the display name as members do. */
    {
      name: 'author',
      type: 'relationship',
      relationTo: 'members',
      index: true,
      access: { read: adminOnlyField },
    },
    {
      name: 'authorName',
      type: 'text',
      required: true,
      admin: { description: 'Their display name in this network.' },
    },
    { name: 'messageCount', type: 'number', defaultValue: 0, admin: { readOnly: true } },
    { name: 'lastMessageAt', type: 'date', index: true, admin: { readOnly: true } },
  ],
}
