/**
 * Ids of records in both databases: SQLite's whole numbers and MongoDB's ObjectIds (24 hex
 * characters). Every id that comes from outside (a link, a job, a form) is read here, so a bad
 * one is refused cleanly before it reaches the database.
 */

/** An id of a signature or member: a number on SQLite, an ObjectId string on MongoDB. */
export type RecordId = number | string

/** How the database names its ids: Payload's `db.defaultIDType` ('number' for SQLite, 'text' for MongoDB). */
export type IdType = 'number' | 'text'

const OBJECT_ID = /^[0-9a-f]{24}$/i
const WHOLE_NUMBER = /^[1-9][0-9]{0,15}$/

/**
 * Reads an id from a link or a stored value: a positive whole number (SQLite) or a 24-hex
 * ObjectId (MongoDB, returned in lower case). With `idType`, only that database's kind is taken.
 * @returns the id, or null for anything else (empty, negative, decimals, other text)
 * @example parseRecordId('42') // 42
 * @example parseRecordId('65A1F0C2E4B0A1B2C3D4E5F6') // '65a1f0c2e4b0a1b2c3d4e5f6'
 * @example parseRecordId('42', 'text') // null
 */
export const parseRecordId = (value: unknown, idType?: IdType): RecordId | null => {
  if (typeof value === 'number')
    return idType !== 'text' && Number.isSafeInteger(value) && value > 0 ? value : null
  if (typeof value !== 'string') return null
  if (idType !== 'text' && WHOLE_NUMBER.test(value)) {
    const n = Number(value)
    if (Number.isSafeInteger(n)) return n
  }
  if (idType !== 'number' && OBJECT_ID.test(value)) return value.toLowerCase()
  return null
}

/** The id kind of a Payload's database, for parseRecordId. */
export const idTypeOf = (payload: { db: { defaultIDType?: unknown } }): IdType =>
  payload.db.defaultIDType === 'text' ? 'text' : 'number'

/** The id of a relationship value, whether populated or not. */
export const refId = (ref: RecordId | { id: RecordId }): RecordId => (typeof ref === 'object' ? ref.id : ref)
