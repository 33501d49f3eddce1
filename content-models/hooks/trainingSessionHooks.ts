import { APIError, type CollectionBeforeChangeHook, type CollectionBeforeDeleteHook } from 'payload'
import { REGISTRATION_STATES } from '../constants'

/**
 * Setting a session's status to Cancelled stamps `cancelledAt` (read-only in the admin): the
 * training job then emails everyone registered or waiting, once each (cms/training/notices.ts).
 * Setting it back clears the stamp; people already told stay told.
 */
export const stampCancelled: CollectionBeforeChangeHook = ({ data, originalDoc }) => {
  const status = data.status ?? originalDoc?.status
  if (status === 'cancelled' && !(data.cancelledAt ?? originalDoc?.cancelledAt))
    return { ...data, cancelledAt: new Date().toISOString() }
  if (status !== 'cancelled' && (data.cancelledAt ?? originalDoc?.cancelledAt))
    return { ...data, cancelledAt: null }
  return data
}

/**
 * A session people still hold places or spots on cannot be deleted: cancel it first, so everyone is
 * told. Its other registrations (cancelled, or never confirmed) go with it.
 */
export const keepSessionsWithPlaces: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const { totalDocs } = await req.payload.count({
    collection: 'registrations',
    where: {
      and: [
        { session: { equals: id } },
        { state: { in: [REGISTRATION_STATES.REGISTERED, REGISTRATION_STATES.WAITING] } },
      ],
    },
    overrideAccess: true,
    req,
  })
  if (totalDocs > 0)
    throw new APIError(
      `${totalDocs} ${totalDocs === 1 ? 'person has a place or is' : 'people have places or are'} on the waiting list for this session, so it cannot be deleted. ` +
        'Set its status to "Cancelled" and save first: everyone is emailed. Then you can delete it.',
      409,
      { registrations: totalDocs },
      true,
    )
  await req.payload.delete({
    collection: 'registrations',
    where: { session: { equals: id } },
    overrideAccess: true,
    req,
  })
}
