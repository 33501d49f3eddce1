import type { Access, CollectionConfig, Field, Where } from 'payload'
import { hasRole } from '../access/roles'
import { isOrganiser } from '../access/isOrganiser'
import { SupporterUpdateDeliveries } from './supporterUpdates/Deliveries'
import { ExportLog } from './supporterUpdates/ExportLog'
import { countUnsubscribedSince, startSendingWhenQueued, updateStateRules } from './supporterUpdates/hooks'
import { UPDATE_LIMITS, UPDATE_STATES } from './supporterUpdates/states'

export { UPDATE_STATES } from './supporterUpdates/states'

/** Admins: any update. Organisers: drafts only (once queued, an update is the sender's). */
const draftsOrAdmin: Access = ({ req }): boolean | Where => {
  if (hasRole(req.user, 'admin')) return true
  if (!hasRole(req.user, 'organiser')) return false
  return { state: { equals: UPDATE_STATES.DRAFT } }
}

/** A count the sender keeps: shown to organisers, written by nobody through the API. */
const count = (name: string, description: string): Field => ({
  name,
  type: 'number',
  defaultValue: 0,
  access: { create: () => false, update: () => false },
  admin: { readOnly: true, description },
})

/**
 * An update to a petition's supporters, written in the admin by an organiser and sent by email to
 * the petition's confirmed signers who asked for updates, with a one-click unsubscribe. The
 * organiser never sees an address: the update shows counts only.
 */
export const SupporterUpdates: CollectionConfig = {
  slug: 'supporter-updates',
  admin: {
    group: 'Campaigns',
    useAsTitle: 'subject',
    defaultColumns: ['subject', 'petition', 'state', 'recipients', 'sent', 'failed', 'queuedAt'],
    description:
      'Write an update, then set State to "queued" and save to send it. Only counts are shown: never who.',
    hidden: ({ user }) => !hasRole(user, 'admin', 'organiser'),
  },
  access: { create: isOrganiser, read: isOrganiser, update: draftsOrAdmin, delete: draftsOrAdmin },
  hooks: {
    beforeChange: [updateStateRules],
    afterChange: [startSendingWhenQueued],
    afterRead: [countUnsubscribedSince],
  },
  fields: [
    { name: 'petition', type: 'relationship', relationTo: 'petitions', required: true, index: true },
    { name: 'subject', type: 'text', required: true, maxLength: UPDATE_LIMITS.subject },
    /** A sentence or two above the update, optional. */
    { name: 'intro', type: 'textarea', maxLength: UPDATE_LIMITS.intro },
    /** Plain text: paragraphs split on blank lines; nothing in it is run as HTML. */
    { name: 'body', type: 'textarea', required: true, maxLength: UPDATE_LIMITS.body },
    {
      name: 'state',
      type: 'select',
      required: true,
      index: true,
      defaultValue: UPDATE_STATES.DRAFT,
      options: [
        { value: UPDATE_STATES.DRAFT, label: 'Draft' },
        { value: UPDATE_STATES.QUEUED, label: 'Queued: send it' },
        { value: UPDATE_STATES.SENDING, label: 'Sending' },
        { value: UPDATE_STATES.SENT, label: 'Sent' },
      ],
      admin: {
        position: 'sidebar',
        description: 'Choose "Queued: send it" and save to send. It cannot be changed after that.',
      },
    },
    { name: 'queuedAt', type: 'date', admin: { readOnly: true, position: 'sidebar' } },
    {
      name: 'queuedBy',
      type: 'relationship',
      relationTo: 'users',
      admin: { readOnly: true, position: 'sidebar' },
    },
    { name: 'finishedAt', type: 'date', admin: { readOnly: true, position: 'sidebar' } },
    count('recipients', 'Confirmed signers who asked for updates when it was queued.'),
    count('sent', 'Emails handed to the email service.'),
    count('failed', 'Emails that failed after every try.'),
    count('skipped', 'Signers who unsubscribed or were erased before their email went.'),
    count('uncertain', 'Emails cut off by a crash while being handed over: not sent again.'),
    {
      name: 'milestoneKey',
      type: 'text',
      unique: true,
      access: { create: () => false, update: () => false },
      admin: {
        readOnly: true,
        position: 'sidebar',
        condition: (data) => Boolean(data?.milestoneKey),
        description:
          'Written by the platform when a milestone was reached (petition id and count): one per milestone.',
      },
    },
    {
      name: 'unsubscribedSince',
      type: 'number',
      virtual: true,
      admin: { readOnly: true, description: 'Signers it reached who have since unsubscribed.' },
    },
  ],
}

/** The updates, each email's delivery row, and the log of admins' address exports: registered together. */
export const supporterUpdateCollections = [SupporterUpdates, SupporterUpdateDeliveries, ExportLog]
