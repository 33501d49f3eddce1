import { describe, expect, it } from 'vitest'
import { fastRouteOf } from '../../cms/endpoints/fastRoutes'
import { BodyError, clientIpFrom, fieldsOf } from '../../cms/endpoints/http'
import { countBodyOf, etagMatches } from '../../cms/petitions/counts'

describe('choosing a fast route', () => {
  it('takes POST …/sign and GET …/count, with the slug decoded', () => {
    expect(fastRouteOf('POST', '/api/public/petitions/fair-rotas/sign')).toEqual({ route: 'sign', slug: 'fair-rotas' })
    expect(fastRouteOf('GET', '/api/public/petitions/fair-rotas/count')).toEqual({ route: 'count', slug: 'fair-rotas' })
    expect(fastRouteOf('GET', '/api/public/petitions/fair%2Drotas/count')).toEqual({ route: 'count', slug: 'fair-rotas' })
  })

  it('leaves every other request to Payload’s router', () => {
    expect(fastRouteOf('OPTIONS', '/api/public/petitions/fair-rotas/sign')).toBeNull()
    expect(fastRouteOf('GET', '/api/public/petitions/fair-rotas/sign')).toBeNull()
    expect(fastRouteOf('POST', '/api/public/petitions/fair-rotas/count')).toBeNull()
    expect(fastRouteOf('POST', '/api/public/petitions//sign')).toBeNull()
    expect(fastRouteOf('POST', '/api/public/petitions/fair-rotas/sign/again')).toBeNull()
    expect(fastRouteOf('POST', '/api/public/join')).toBeNull()
    expect(fastRouteOf('GET', '/api/public/petitions/%E0%A4%A/count')).toBeNull()
  })
})

describe('the count’s ETag', () => {
  it('is the same for the same count and changes when the count does', () => {
    const count = { slug: 'a', count: 1, goal: 10, state: 'open', byNation: {}, byRegion: {} }
    expect(countBodyOf(count).etag).toBe(countBodyOf({ ...count }).etag)
    expect(countBodyOf({ ...count, count: 2 }).etag).not.toBe(countBodyOf(count).etag)
    expect(countBodyOf(null)).toMatchObject({ found: false })
  })

  it('matches If-None-Match lists, weak tags and "*"', () => {
    expect(etagMatches('"abc"', '"abc"')).toBe(true)
    expect(etagMatches('"x", W/"abc"', '"abc"')).toBe(true)
    expect(etagMatches('*', '"abc"')).toBe(true)
    expect(etagMatches('"abd"', '"abc"')).toBe(false)
    expect(etagMatches(undefined, '"abc"')).toBe(false)
  })
})

describe('reading a request', () => {
  it('reads a form (repeated fields become a list) and JSON alike', () => {
    expect(fieldsOf('application/x-www-form-urlencoded', 'name=Tom&networks=a&networks=b')).toEqual({ name: 'Tom', networks: ['a', 'b'] })
    expect(fieldsOf('application/json; charset=utf-8', '{"name":"Tom"}')).toEqual({ name: 'Tom' })
  })

  it('refuses JSON that is not an object (400) and a type it cannot read (415)', () => {
    expect(() => fieldsOf('application/json', '[1]')).toThrow(expect.objectContaining({ status: 400 }))
    expect(() => fieldsOf('text/plain', 'x')).toThrow(BodyError)
  })

  it('takes the client’s address from behind the trusted proxies only', () => {
    expect(clientIpFrom('203.0.113.9, 127.0.0.1', null, { TRUST_PROXY: '1' })).toBe('203.0.113.9')
    expect(clientIpFrom('6.6.6.6, 203.0.113.9, 127.0.0.1', null, { TRUST_PROXY: '1' })).toBe('203.0.113.9')
    expect(clientIpFrom('203.0.113.9, 127.0.0.1', null, {})).toBe('127.0.0.1')
    expect(clientIpFrom(null, '198.51.100.1', {})).toBe('198.51.100.1')
  })
})
