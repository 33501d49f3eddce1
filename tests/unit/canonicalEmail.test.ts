import { describe, expect, it } from 'vitest'
import { canonicalEmail } from '../../cms/members/canonicalEmail'
import { looksLikeWorkEmail } from '../../content-models/validators/workEmail'

describe('canonicalEmail', () => {
  it('lower-cases and trims every address', () => {
    expect(canonicalEmail('  Tom.Smith@Example.ORG ')).toBe('tom.smith@example.org')
  })
  it('removes dots and +tags for Gmail, and treats googlemail.com as gmail.com', () => {
    expect(canonicalEmail('Tom.Smith+petitions@GoogleMail.com')).toBe('tomsmith@gmail.com')
    expect(canonicalEmail('t.o.m.smith@gmail.com')).toBe('tomsmith@gmail.com')
  })
  it('removes only +tags where the provider keeps dots', () => {
    expect(canonicalEmail('tom.smith+x@outlook.com')).toBe('tom.smith@outlook.com')
  })
  it('keeps dots and plus signs for providers that may treat them as different people', () => {
    expect(canonicalEmail('tom.smith+x@example.org')).toBe('tom.smith+x@example.org')
  })
})

describe('looksLikeWorkEmail', () => {
  it('warns about an employer domain and public-sector addresses', () => {
    expect(looksLikeWorkEmail('sam@quickdrop.co.uk')).toBe(true)
    expect(looksLikeWorkEmail('sam.jones@nhs.net')).toBe(true)
    expect(looksLikeWorkEmail('sam@leeds.gov.uk')).toBe(true)
  })
  it('does not warn about personal providers', () => {
    expect(looksLikeWorkEmail('sam@gmail.com')).toBe(false)
    expect(looksLikeWorkEmail('sam@btinternet.com')).toBe(false)
  })
})
