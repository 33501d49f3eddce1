import { handleEndpoints } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { couldBeId } from '../../cms/api/unknownRoutes'
import { make } from '../helpers/factories'
import { startHarness, type Harness } from '../helpers/harness'

let t: Harness
let adminToken = ''

/** Asks Payload's own router, as Next's route and the front server do. */
const api = async (method: string, path: string, token = adminToken) => {
  const response = await handleEndpoints({
    config: t.payload.config,
    request: new Request(`http://localhost:3000${path}`, {
      method,
      headers: token ? { Authorization: `JWT ${token}` } : {},
    }),
    payloadInstanceCacheKey: t.dir,
  })
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    body: (await response.json()) as Record<string, unknown>,
  }
}

beforeAll(async () => {
  t = await startHarness()
  const admin = await make.user(t.payload, ['admin'])
  adminToken =
    (
      await t.payload.login({
        collection: 'users',
        data: { email: admin.email, password: 'a-long-test-password' },
      })
    ).token ?? ''
})
afterAll(async () => {
  await t?.close()
})

describe('unknown or unsupported API routes', () => {
  it('answers 404 with a JSON error for the versions of a collection that keeps none (was 500)', async () => {
    for (const [method, path] of [
      ['GET', '/api/media/versions'],
      ['GET', '/api/media/versions/1'],
      ['POST', '/api/media/versions/1'],
      ['DELETE', '/api/media/versions'],
      ['GET', '/api/signatures/versions'],
    ]) {
      const answer = await api(method, path)
      expect({ method, path, status: answer.status, type: answer.type }).toEqual({
        method,
        path,
        status: 404,
        type: 'application/json',
      })
      expect(JSON.stringify(answer.body)).toMatch(/not found|No (media|signatures) record has the id/i)
    }
  })

  it('answers 404 to anonymous callers too, not 403', async () => {
    expect((await api('GET', '/api/media/versions', '')).status).toBe(404)
  })

  it('answers 404 naming the id for an id the database cannot hold (was 500 from SQL)', async () => {
    const answer = await api('GET', '/api/topics/abc')
    expect(answer.status).toBe(404)
    expect(answer.body).toEqual({
      errors: [
        {
          message:
            'No topics record has the id "abc", and no API route GET /api/topics/abc exists. Check the address.',
        },
      ],
    })
  })

  it("answers the site settings' versions (drafts) to staff only", async () => {
    expect((await api('GET', '/api/globals/site-settings/versions')).status).toBe(200)
    expect((await api('GET', '/api/globals/site-settings/versions', '')).status).toBe(403)
  })

  it('still answers the routes that exist: a versioned collection, a record by id, a missing record', async () => {
    const topic = await make.topic(t.payload, { title: 'Pay' })
    expect((await api('GET', '/api/guides/versions')).status).toBe(200)
    const found = await api('GET', `/api/topics/${topic.id}`)
    expect([found.status, found.body.title]).toEqual([200, 'Pay'])
    expect((await api('GET', '/api/topics/999999')).status).toBe(404)
  })
})

describe('telling whether a path could hold a record id', () => {
  it('accepts digits for numeric ids, 24-hex ObjectIds for MongoDB, any text for text ids', () => {
    expect([couldBeId('12', 'number'), couldBeId('versions', 'number'), couldBeId('1e3', 'number')]).toEqual([
      true,
      false,
      false,
    ])
    expect([couldBeId('64b7f0c2a1b2c3d4e5f60718', 'ObjectID'), couldBeId('abc', 'ObjectID')]).toEqual([
      true,
      false,
    ])
    expect([couldBeId('holiday-pay', 'text'), couldBeId('', 'text')]).toEqual([true, false])
  })
})
