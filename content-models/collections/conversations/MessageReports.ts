import type { CollectionConfig } from 'payload'
import { REPORT_REASONS, REPORT_STATES } from '../../conversations'
import { isNetworkModerator } from '../../access/networkModerators'
import { nobody } from '../../access/nobody'
import { adminOnlyField } from '../../access/fieldAccess'

/**
 * A member's report of a message, for the network's moderators. Made through
 * /api/conversations/; closed by a moderation action. Gone with the message or the reporter.
 */
export const MessageReports: CollectionConfig = {
  slug: 'message-reports',
  admin: { group: 'Conversations', defaultColumns: ['reason', 'message', 'state', 'createdAt'] },
  access: { create: nobody, read: isNetworkModerator, update: nobody, delete: nobody },
  fields: [
    { name: 'message', type: 'relationship', relationTo: 'messages', required: true, index: true },
    { name: 'network', type: 'relationship', relationTo: 'networks', required: true, index: true },
    {
      name: 'reporter',
      type: 'relationship',
      relationTo: 'members',
      index: true,
      access: { read: adminOnlyField },
    },
    {
      name: 'reason',
      type: 'select',
      required: true,
      options: REPORT_REASONS.map((r) => ({ value: r.value, label: r.label })),
    },
    { name: 'note', type: 'textarea', maxLength: 500 },
    {
      name: 'state',
      type: 'select',
      required: true,
      defaultValue: 'open',
      index: true,
      options: REPORT_STATES.map((s) => ({ value: s, label: s })),
    },
  ],
}
