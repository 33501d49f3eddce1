import { describe, expect, it } from 'vitest'
import { BodyError, fieldsOf } from '../../cms/api/http'
import { countBodyOf, etagMatches } from '../../cms/campaigns/counts'

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
    expect(fieldsOf('application/x-www-form-urlencoded', 'name=Tom&networks=a&networks=b')).toEqual({
      name: 'Tom',
      networks: ['a', 'b'],
    })
    expect(fieldsOf('application/json; charset=utf-8', '{"name":"Tom"}')).toEqual({ name: 'Tom' })
  })

  it('refuses JSON that is not an object (400) and a type it cannot read (415)', () => {
    expect(() => fieldsOf('application/json', '[1]')).toThrow(expect.objectContaining({ status: 400 }))
    expect(() => fieldsOf('text/plain', 'x')).toThrow(BodyError)
  })
})
