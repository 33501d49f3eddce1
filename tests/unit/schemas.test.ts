import { describe, expect, it } from 'vitest'
import { check } from '../../cms/abuse/validation'
import { checkFormStamp, issueFormStamp } from '../../cms/abuse/formStamp'
import { FLAGS, formFlags } from '../../cms/abuse/flags'
import { joinSchema } from '../../cms/members/joinSchema'
import { signSchema } from '../../cms/campaigns/signSchema'

describe('the sign schema', () => {
  it('accepts a form post (strings, a ticked box is "on") and JSON alike', () => {
    const form = check(signSchema, {
      name: ' Tom ',
      email: 'tom@example.org',
      postcode: 'm1 1ae',
      consentUpdates: 'on',
    })
    const asJson = check(signSchema, {
      name: 'Tom',
      email: 'tom@example.org',
      postcode: 'm1 1ae',
      consentUpdates: true,
    })
    expect(form).toEqual(asJson)
    expect(form).toMatchObject({ ok: true, data: { name: 'Tom', consentUpdates: true, showName: false } })
  })
  it('treats an empty postcode as not given', () => {
    expect(check(signSchema, { name: 'Tom', email: 'tom@example.org', postcode: '' })).toMatchObject({
      ok: true,
    })
  })
  it('names each bad field and says what is accepted', () => {
    const result = check(signSchema, { name: '', email: 'tom@', postcode: 'nowhere' })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(Object.keys(result.errors).sort()).toEqual(['email', 'name', 'postcode'])
    expect(result.errors.email).toMatch(/like name@example\.com/)
    expect(result.errors.postcode).toMatch(/UK postcode like "M1 1AE"/)
  })
})

describe('the join schema', () => {
  const good = {
    firstName: 'Sara',
    email: 'sara@example.org',
    consentEmail: 'on',
    consentUnionInterest: 'on',
  }
  it('needs the email consent, named, and never the union-interest consent', () => {
    const result = check(joinSchema, { firstName: 'Sara', email: 'sara@example.org' })
    expect(result.ok).toBe(false)
    if (!result.ok) expect(Object.keys(result.errors).sort()).toEqual(['consentEmail'])
    expect(
      check(joinSchema, { firstName: 'Sara', email: 'sara@example.org', consentEmail: 'on' }),
    ).toMatchObject({
      ok: true,
      data: { consentUnionInterest: false },
    })
  })
  it('reads one network or several from a form, and a JSON array', () => {
    expect(check(joinSchema, { ...good, networks: 'warehouse-workers' })).toMatchObject({
      data: { networks: ['warehouse-workers'] },
    })
    expect(check(joinSchema, { ...good, networks: ['a', 'b'] })).toMatchObject({
      data: { networks: ['a', 'b'] },
    })
    expect(check(joinSchema, { ...good })).toMatchObject({ data: { networks: [] } })
  })
  it('refuses a sector that is not on the list', () => {
    const result = check(joinSchema, { ...good, sector: 'pirates' })
    expect(result).toMatchObject({ ok: false, errors: { sector: expect.stringMatching(/from the list/) } })
  })
})

describe('honeypot and minimum fill time', () => {
  const secret = 'test-secret'
  it('accepts a stamp older than the minimum fill time and flags a quicker one', () => {
    const stamp = issueFormStamp(secret, 1_000_000)
    expect(checkFormStamp(secret, stamp, 1_000_000 + 10_000, 3)).toBe('ok')
    expect(checkFormStamp(secret, stamp, 1_000_000 + 1_000, 3)).toBe('too-fast')
  })
  it('spots a made-up stamp', () => {
    expect(checkFormStamp(secret, `${Date.now() - 60_000}.abcdefabcdefabcdefabcd`)).toBe('forged')
    expect(checkFormStamp(secret, issueFormStamp('another-secret', Date.now() - 60_000))).toBe('forged')
  })
  it('flags a filled honeypot silently, beside the stamp verdict', () => {
    expect(
      formFlags(
        { honeypot: 'http://spam.example', stamp: issueFormStamp(secret, Date.now() - 60_000) },
        secret,
      ),
    ).toEqual([FLAGS.HONEYPOT])
    expect(formFlags({}, secret)).toEqual([FLAGS.NO_STAMP])
  })
})
