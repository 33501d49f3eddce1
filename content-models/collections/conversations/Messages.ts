import type { CollectionConfig } from 'payload'
import { MESSAGE_MAX_CHARS, MESSAGE_STATES } from '../../conversations'
import { isAdmin } from '../../access/isAdmin'
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
  access: { create: nobody, read: isNetworkModerator, update: nobody, delete: isAdmin },
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
  ],
}
