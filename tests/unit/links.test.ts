/** Signed links (unsubscribe, erase, keep) with the ids of both databases, opened against an in-memory table. */
import { describe, expect, it } from 'vitest'
import { openLink, type LinkedRecord } from '../../cms/members/links'
import type { RecordId } from '../../cms/members/recordId'
import { checkLinkToken, linkToken, links } from '../../cms/members/tokens'

const secret = 'unit-test-secret'
const MONGO_ID = '65a1f0c2e4b0a1b2c3d4e5f6'
const table = new Map<RecordId, LinkedRecord>([
  [MONGO_ID, { id: MONGO_ID, emailCanonical: 'tom@example.org' }],
  [7, { id: 7, emailCanonical: 'sara@example.org' }],
])
const find = async (id: RecordId) => table.get(id) ?? null

describe('signed links with string and number ids', () => {
  it('signs and checks a link for a MongoDB string id, for each purpose', () => {
    for (const purpose of ['unsubscribe', 'erase', 'keep'] as const) {
      const token = linkToken(secret, purpose, 'member', MONGO_ID, 'tom@example.org')
      expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/)
      expect(checkLinkToken(secret, token, purpose, 'member', MONGO_ID, 'tom@example.org')).toBe(true)
      expect(
        checkLinkToken(secret, token, purpose, 'member', '65a1f0c2e4b0a1b2c3d4e5f7', 'tom@example.org'),
      ).toBe(false)
      expect(checkLinkToken(secret, token, purpose, 'signature', MONGO_ID, 'tom@example.org')).toBe(false)
    }
    expect(
      checkLinkToken(
        secret,
        linkToken(secret, 'keep', 'member', MONGO_ID, 'tom@example.org'),
        'erase',
        'member',
        MONGO_ID,
        'tom@example.org',
      ),
    ).toBe(false)
  })

  it('puts string ids into the unsubscribe, erase and keep addresses as they are', () => {
    const to = links('https://cms.example/')
    expect(to.erase('signature', MONGO_ID, 'tok')).toBe(
      `https://cms.example/api/public/erase/signature/${MONGO_ID}/tok`,
    )
    expect(to.unsubscribe('member', MONGO_ID, 'tok')).toBe(
      `https://cms.example/api/public/unsubscribe/member/${MONGO_ID}/tok`,
    )
    expect(to.keep(MONGO_ID, 'tok')).toBe(`https://cms.example/api/public/keep/member/${MONGO_ID}/tok`)
  })

  it('opens an erase link to a MongoDB record, and an unsubscribe link to an SQLite one', async () => {
    const erase = linkToken(secret, 'erase', 'member', MONGO_ID, 'tom@example.org')
    expect(
      await openLink({
        secret,
        kind: 'member',
        purpose: 'erase',
        id: MONGO_ID,
        token: erase,
        idType: 'text',
        find,
      }),
    ).toEqual({ id: MONGO_ID, emailCanonical: 'tom@example.org' })
    const unsubscribe = linkToken(secret, 'unsubscribe', 'member', 7, 'sara@example.org')
    expect(
      await openLink({
        secret,
        kind: 'member',
        purpose: 'unsubscribe',
        id: '7',
        token: unsubscribe,
        idType: 'number',
        find,
      }),
    ).toEqual({ id: 7, emailCanonical: 'sara@example.org' })
  })

  it('reads an upper-case ObjectId from a link as the stored lower-case one', async () => {
    const token = linkToken(secret, 'erase', 'member', MONGO_ID, 'tom@example.org')
    expect(
      await openLink({
        secret,
        kind: 'member',
        purpose: 'erase',
        id: MONGO_ID.toUpperCase(),
        token,
        idType: 'text',
        find,
      }),
    ).not.toBeNull()
  })

  it('refuses a wrong token, a wrong purpose, an id of the other database and a malformed id without looking anything up', async () => {
    const looked: RecordId[] = []
    const spyFind = async (id: RecordId) => (looked.push(id), table.get(id) ?? null)
    const erase = linkToken(secret, 'erase', 'member', MONGO_ID, 'tom@example.org')
    expect(
      await openLink({
        secret,
        kind: 'member',
        purpose: 'unsubscribe',
        id: MONGO_ID,
        token: erase,
        idType: 'text',
        find: spyFind,
      }),
    ).toBeNull()
    expect(
      await openLink({
        secret,
        kind: 'member',
        purpose: 'erase',
        id: MONGO_ID,
        token: 'x'.repeat(32),
        idType: 'text',
        find: spyFind,
      }),
    ).toBeNull()
    expect(looked).toEqual([MONGO_ID, MONGO_ID])
    for (const id of ['7', "1' OR 1=1", '../7', '', '65a1f0c2e4b0a1b2c3d4e5f']) {
      expect(
        await openLink({
          secret,
          kind: 'member',
          purpose: 'erase',
          id,
          token: erase,
          idType: 'text',
          find: spyFind,
        }),
      ).toBeNull()
    }
    expect(looked).toHaveLength(2)
  })

  it('treats a database error while looking up as an unknown link', async () => {
    const token = linkToken(secret, 'erase', 'member', MONGO_ID, 'tom@example.org')
    const failing = async () => {
      throw new Error('Cast to ObjectId failed')
    }
    expect(
      await openLink({
        secret,
        kind: 'member',
        purpose: 'erase',
        id: MONGO_ID,
        token,
        idType: 'text',
        find: failing,
      }),
    ).toBeNull()
  })
})
