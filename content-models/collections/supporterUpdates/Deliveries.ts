import type { CollectionConfig } from 'payload'
import { isAdmin } from '../../access/isAdmin'
import { nobody } from '../../access/nobody'
import { DELIVERY_STATES } from './states'

/**
 * One email of an update to one signer: the claim that makes sending resumable without sending
 * twice (unique per update and signature). Written only by the sender (cms/campaigns/updates);
 * read by admins only (it points at a signature, so at an address). Organisers see counts on the
 * update instead.
 */
export const SupporterUpdateDeliveries: CollectionConfig = {
  slug: 'supporter-update-deliveries',
  admin: { group: 'Campaigns', hidden: true },
  access: { create: nobody, read: isAdmin, update: nobody, delete: isAdmin },
  indexes: [{ fields: ['supporterUpdate', 'signature'], unique: true }],
  fields: [
    {
      name: 'supporterUpdate',
      type: 'relationship',
      relationTo: 'supporter-updates',
      required: true,
      index: true,
    },
    /** Null once the signature is erased: the delivery is then skipped. */
    { name: 'signature', type: 'relationship', relationTo: 'signatures' },
    {
      name: 'state',
      type: 'select',
      required: true,
      index: true,
      defaultValue: DELIVERY_STATES.QUEUED,
      options: Object.values(DELIVERY_STATES).map((s) => ({ value: s, label: s })),
    },
    /** Tries so far (a failed try goes back to queued until UPDATE_SEND_TRIES). */
    { name: 'attempts', type: 'number', defaultValue: 0 },
    /** Not before this time (back-off after a failure). */
    { name: 'nextAt', type: 'date' },
    /** When a sender claimed it (state sending): a claim older than the lease was cut off by a crash. */
    { name: 'claimedAt', type: 'date' },
    { name: 'sentAt', type: 'date' },
    /** The email service's error, addresses replaced by [address]. */
    { name: 'error', type: 'text' },
  ],
}
