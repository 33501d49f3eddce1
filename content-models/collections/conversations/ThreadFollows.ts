import type { CollectionConfig } from 'payload'
import { nobody } from '../../access/nobody'

/**
 * A member following a thread: at most one email an hour says there are new replies, with no
 * message text, and one click unfollows. Written and read by the server alone.
 */
export const ThreadFollows: CollectionConfig = {
  slug: 'thread-follows',
  admin: { hidden: true },
  access: { create: nobody, read: nobody, update: nobody, delete: nobody },
  indexes: [{ fields: ['thread', 'member'], unique: true }],
  fields: [
    { name: 'thread', type: 'relationship', relationTo: 'threads', required: true, index: true },
    { name: 'member', type: 'relationship', relationTo: 'members', required: true, index: true },
    /** The last time we emailed them about this thread. */
    { name: 'notifiedAt', type: 'date', index: true },
    /** The newest message they had seen or been told about: later ones by others are "new". */
    { name: 'seenUpTo', type: 'date' },
    /** sha256 of the one-click unfollow link's token. */
    { name: 'unfollowTokenHash', type: 'text', index: true, hidden: true },
  ],
}
