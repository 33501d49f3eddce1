import { describe, expect, it } from 'vitest'
import { idTypeOf, parseRecordId } from '../../cms/members/recordId'

const OBJECT_ID = '65a1f0c2e4b0a1b2c3d4e5f6'

describe('record ids of both databases', () => {
  it('reads SQLite ids as whole numbers, from a link or a number', () => {
    expect(parseRecordId('42')).toBe(42)
    expect(parseRecordId(42)).toBe(42)
    expect(parseRecordId('9007199254740991')).toBe(9007199254740991)
  })

  it('reads MongoDB ObjectIds as lower-case strings', () => {
    expect(parseRecordId(OBJECT_ID)).toBe(OBJECT_ID)
    expect(parseRecordId(OBJECT_ID.toUpperCase())).toBe(OBJECT_ID)
  })

  it('refuses anything else cleanly, with null', () => {
    for (const bad of [
      '',
      '0',
      '-1',
      '1.5',
      '01',
      '1e3',
      ' 42',
      '42 ',
      'abc',
      `${OBJECT_ID}0`,
      OBJECT_ID.slice(1),
      'zz'.repeat(12),
      '99999999999999999',
      0,
      -3,
      1.5,
      NaN,
      null,
      undefined,
      {},
      [1],
    ]) {
      expect(parseRecordId(bad), String(bad)).toBeNull()
    }
  })

  it("takes only the database's own kind of id when told which it is", () => {
    expect(parseRecordId('42', 'number')).toBe(42)
    expect(parseRecordId(OBJECT_ID, 'number')).toBeNull()
    expect(parseRecordId(OBJECT_ID, 'text')).toBe(OBJECT_ID)
    expect(parseRecordId('42', 'text')).toBeNull()
    expect(parseRecordId(42, 'text')).toBeNull()
  })

  it("names a database's kind of id from Payload's adapter", () => {
    expect(idTypeOf({ db: { defaultIDType: 'number' } })).toBe('number')
    expect(idTypeOf({ db: { defaultIDType: 'text' } })).toBe('text')
  })
})
