import type { CollectionConfig } from 'payload'
import { MODERATION_ACTIONS } from '../../conversations'
import { hasRole } from '../../access/roles'
import { isNetworkModerator } from '../../access/networkModerators'
import { nobody } from '../../access/nobody'

/**
 * The moderation log, and the way to moderate: an organiser of the network (or an admin) creates
 * an action with its reason, and the CMS applies it (cms/conversations/moderate.ts) and keeps the
 * entry. Entries are never edited; the retention job deletes them after MODERATION_LOG_MONTHS.
 */
export const ModerationActions: CollectionConfig = {
  slug: 'moderation-actions',
  admin: {
    group: 'Conversations',
    useAsTitle: 'action',
    defaultColumns: ['action', 'network', 'reason', 'actor', 'createdAt'],
  },
  access: {
    create: ({ req }) => hasRole(req.user, 'admin', 'organiser'),
    read: isNetworkModerator,
    update: nobody,
    delete: nobody,
  },
  fields: [
    {
      name: 'action',
      type: 'select',
      required: true,
      options: MODERATION_ACTIONS.map((a) => ({ value: a.value, label: a.label })),
    },
    {
      name: 'message',
      type: 'relationship',
      relationTo: 'messages',
      admin: { description: 'For hide, show, remove and mute: the message (mute acts on its author).' },
    },
    {
      name: 'report',
      type: 'relationship',
      relationTo: 'message-reports',
      admin: { description: 'The report this deals with, if any: it is closed.' },
    },
    {
      name: 'member',
      type: 'relationship',
      relationTo: 'members',
      admin: { description: 'For approve, refuse, unmute and remove-member: the member.' },
    },
    {
      name: 'network',
      type: 'relationship',
      relationTo: 'networks',
      index: true,
      admin: { description: 'Filled in from the message when there is one.' },
    },
    { name: 'reason', type: 'textarea', required: true, maxLength: 1000 },
    { name: 'mutedUntil', type: 'date', admin: { description: 'For mute: until when (empty: 7 days).' } },
    /** What the log keeps after the message is gone: its id. */
    {
      name: 'messageKey',
      type: 'text',
      admin: { readOnly: true, description: 'The message’s id, kept after it is removed.' },
    },
    { name: 'actor', type: 'relationship', relationTo: 'users', admin: { readOnly: true } },
  ],
}
