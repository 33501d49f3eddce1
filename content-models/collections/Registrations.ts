import type { CollectionBeforeChangeHook, CollectionConfig } from 'payload'
import { randomUUID } from 'node:crypto'
import { REGISTRATION_STATES, REGISTRATION_STATE_VALUES } from '../constants'
import { isOrganiser } from '../access/isOrganiser'
import { nobody } from '../access/nobody'

type Ref = number | string | { id: number | string } | null | undefined

const idOf = (ref: Ref) => (ref && typeof ref === 'object' ? ref.id : ref)

/**
 * The key that makes (member, session) unique among registrations that are not cancelled: both ids
 * while not cancelled, `cancelled:<registration id>` once cancelled (never null: MongoDB's unique
 * index counts nulls as equal). SQL that cancels a registration must set it the same way.
 * @example activeKeyOf({ member: 12, session: 3, state: 'registered' }) // '12:3'
 */
export const activeKeyOf = (r: { id?: Ref; member: Ref; session: Ref; state: unknown }): string =>
  r.state === REGISTRATION_STATES.CANCELLED
    ? `cancelled:${idOf(r.id) ?? randomUUID()}`
    : `${idOf(r.member)}:${idOf(r.session)}`

const setActiveKey: CollectionBeforeChangeHook = ({ data, originalDoc }) => ({
  ...data,
  activeKey: activeKeyOf({ ...originalDoc, ...data }),
})

/**
 * A member's place on a training session, or on its waiting list. Written only by the server
 * (registering, cancelling, moving up the list); organisers and admins read them.
 */
export const Registrations: CollectionConfig = {
  slug: 'registrations',
  admin: {
    group: 'People',
    defaultColumns: ['session', 'member', 'state', 'position', 'createdAt'],
  },
  access: { create: nobody, read: isOrganiser, update: nobody, delete: nobody },
  hooks: { beforeChange: [setActiveKey] },
  indexes: [{ fields: ['session', 'state'] }],
  fields: [
    { name: 'member', type: 'relationship', relationTo: 'members', required: true, index: true },
    { name: 'session', type: 'relationship', relationTo: 'training-sessions', required: true, index: true },
    {
      name: 'state',
      type: 'select',
      required: true,
      defaultValue: REGISTRATION_STATES.REGISTERED,
      options: REGISTRATION_STATE_VALUES.map((s) => ({ value: s, label: s[0].toUpperCase() + s.slice(1) })),
    },
    {
      name: 'position',
      type: 'number',
      admin: { description: 'Place on the waiting list (lower moves up first).' },
    },
    { name: 'cancelledAt', type: 'date', admin: { readOnly: true } },
    {
      name: 'remindedAt',
      type: 'date',
      admin: { readOnly: true, description: 'When the reminder before the session was sent.' },
    },
    {
      name: 'movedUpAt',
      type: 'date',
      admin: { readOnly: true, description: 'When a place freed up and this registration got it.' },
    },
    /** sha256 of the cancel link's token; never in an API answer. */
    { name: 'cancelTokenHash', type: 'text', index: true, hidden: true },
    /** member:session while not cancelled (see activeKeyOf); never in an API answer. */
    { name: 'activeKey', type: 'text', unique: true, hidden: true },
  ],
}
