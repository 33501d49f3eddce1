import type { CollectionConfig } from 'payload'
import { MESSAGE_MAX_CHARS, MESSAGE_STATES } from '../../conversations'
import { isNetworkModerator } from '../../access/networkModerators'
import { nobody } from '../../access/nobody'
import { adminOnlyField } from '../../access/fieldAccess'

/**
 * One message in a thread, as plain text. Posted, deleted by its author and moderated only through
 * the server's rules (cms/conversations): hiding or removing one is a moderation action, logged with
 * its reason. Deleted by the network's retention job when older than the network keeps messages.
 */
export const Messages: CollectionConfig = {
  slug: 'messages',
  admin: {
    group: 'Conversations',
    useAsTitle: 'body',
    defaultColumns: ['body', 'authorName', 'thread', 'state', 'createdAt'],
  },
  // Removed only by a moderation action (with its reason, in the log, live for viewers), by their
  // author, or by retention: never by a plain delete.
  access: { create: nobody, read: isNetworkModerator, update: nobody, delete: nobody },
  indexes: [{ fields: ['thread', 'createdAt'] }],
  fields: [
    { name: 'thread', type: 'relationship', relationTo: 'threads', required: true, index: true },
    { name: 'network', type: 'relationship', relationTo: 'networks', required: true, index: true },
    {
      name: 'author',
      type: 'relationship',
      relationTo: 'members',
      index: true,
      access: { read: adminOnlyField },
    },
    { name: 'authorName', type: 'text', required: true },
    { name: 'body', type: 'textarea', required: true, maxLength: MESSAGE_MAX_CHARS },
    {
      name: 'state',
      type: 'select',
      required: true,
      defaultValue: 'visible',
      index: true,
      options: MESSAGE_STATES.map((s) => ({ value: s, label: s[0].toUpperCase() + s.slice(1) })),
    },
    { name: 'hiddenReason', type: 'text', admin: { readOnly: true } },
    {
      name: 'sharedContact',
      type: 'text',
      virtual: true,
      admin: {
        readOnly: true,
        description:
          'The author’s first name and email: shown to moderators only when the author chose to share them with this network’s organisers.',
      },
    },
  ],
}
