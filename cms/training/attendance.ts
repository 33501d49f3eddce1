/**
 * The attendance sheet organisers print for a session: the first names of everyone with a place,
 * in alphabetical order, and an empty column to tick. Names only: no addresses or other details.
 */
import type { Payload } from 'payload'
import { toCsv } from '../members/export'
import { refId, type RecordId } from '../members/recordId'
import { REGISTRATION_STATES as S } from './states'

/**
 * The sheet as CSV, or null when there is no such session.
 * @example await attendanceCsv(payload, 3) // 'Name,Attended\r\nAmir,\r\nSam,\r\n'
 */
export const attendanceCsv = async (payload: Payload, sessionId: RecordId): Promise<string | null> => {
  const session = await payload.findByID({
    collection: 'training-sessions',
    id: sessionId,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
    select: { title: true },
  })
  if (!session) return null
  const rows = await payload.find({
    collection: 'registrations',
    where: { and: [{ session: { equals: session.id } }, { state: { equals: S.REGISTERED } }] },
    limit: 0,
    pagination: false,
    depth: 0,
    overrideAccess: true,
    select: { member: true },
  })
  const ids = rows.docs.map((r) => refId(r.member))
  const members = ids.length
    ? await payload.find({
        collection: 'members',
        where: { id: { in: ids } },
        limit: 0,
        pagination: false,
        depth: 0,
        overrideAccess: true,
        select: { firstName: true },
      })
    : { docs: [] }
  const names = members.docs.map((m) => m.firstName).sort((a, b) => a.localeCompare(b, 'en-GB'))
  return toCsv(
    ['Name', 'Attended'],
    names.map((n) => [n, '']),
  )
}
