/**
 * Opening a signed link (unsubscribe, erase, keep): the id read for either database, the record
 * found, and the link's signature checked against it. Plain, so it is tested with string ids.
 */
import { parseRecordId, type IdType, type RecordId } from './recordId'
import { checkLinkToken, type LinkPurpose, type RecordKind } from './tokens'

/** What a link needs of its record. */
export type LinkedRecord = { id: RecordId; emailCanonical?: string | null }

/**
 * The record a signed link points at, or null when the id is not an id of this database, the
 * record is gone, or the token was not made for this record and purpose.
 * @example await openLink({ secret, kind: 'member', purpose: 'erase', id: '65a1…', token, idType: 'text', find })
 */
export const openLink = async <T extends LinkedRecord>({
  secret,
  kind,
  purpose,
  id,
  token,
  idType,
  find,
}: {
  secret: string
  kind: RecordKind
  purpose: LinkPurpose
  id: unknown
  token: string
  idType?: IdType
  /** Reads one record by id; null (or a throw) when there is none. */
  find: (id: RecordId) => Promise<T | null | undefined>
}): Promise<T | null> => {
  const parsed = parseRecordId(id, idType)
  if (parsed === null || !token || token.length > 100) return null
  const record = await find(parsed).catch(() => null)
  if (!record || !checkLinkToken(secret, token, purpose, kind, record.id, record.emailCanonical)) return null
  return record
}
