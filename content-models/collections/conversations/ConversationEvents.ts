import type { CollectionConfig } from 'payload'
import { CONVERSATION_EVENTS } from '../../conversations'
import { nobody } from '../../access/nobody'

/**
 * What happened in network conversations, in order: the feed every CMS process reads to tell
 * viewers live (with SQLite by id, with MongoDB through a change stream). Ids only, never text.
 * Written and read by the server alone.
 */
export const ConversationEvents: CollectionConfig = {
  slug: 'conversation-events',
  admin: { hidden: true },
  access: { create: nobody, read: nobody, update: nobody, delete: nobody },
  fields: [
    {
      name: 'kind',
      type: 'select',
      required: true,
      options: CONVERSATION_EVENTS.map((k) => ({ value: k, label: k })),
    },
    { name: 'network', type: 'text', required: true, index: true },
    { name: 'thread', type: 'text', index: true },
    { name: 'message', type: 'text' },
    /** For `left`: the member who no longer belongs to the network. */
    { name: 'member', type: 'text' },
  ],
}
