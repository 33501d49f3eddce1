import { describe, expect, it } from 'vitest'
import { errorForLog, scrubPersonal, storedErrorText } from '../../cms/email/scrub'

describe('scrubbing personal data from logs and stored errors', () => {
  it('replaces email addresses, with or without a display name, and URL-encoded ones', () => {
    expect(scrubPersonal('Resend said "Invalid `to` field: tom.smith+x@example.org"')).toBe(
      'Resend said "Invalid `to` field: [address]"',
    )
    expect(scrubPersonal('to "Tom Smith" <tom@example.org>, sara@mail.co.uk')).toBe('to [address], [address]')
    expect(scrubPersonal('GET /api/x?email=tom%40example.org&y=1')).toBe('GET /api/x?email=[address]&y=1')
    expect(scrubPersonal('550 5.1.1 <Sara.K@Example.ORG>: Recipient address rejected')).toBe(
      '550 5.1.1 <[address]>: Recipient address rejected',
    )
  })

  it('redacts tokens in confirm, unsubscribe, erase and keep paths, keeping the kind and the record id', () => {
    expect(scrubPersonal('POST /api/public/confirm/member/Zx9_abc-123')).toBe(
      'POST /api/public/confirm/member/[token]',
    )
    expect(
      scrubPersonal('GET http://cms/api/public/erase/signature/65a1f0c2e4b0a1b2c3d4e5f6/Ab_c-d?x=1'),
    ).toBe('GET http://cms/api/public/erase/signature/65a1f0c2e4b0a1b2c3d4e5f6/[token]?x=1')
    expect(scrubPersonal('/api/public/unsubscribe/member/7/tok /api/public/keep/member/8/tok2')).toBe(
      '/api/public/unsubscribe/member/7/[token] /api/public/keep/member/8/[token]',
    )
  })

  it('leaves text without personal data as it was, including package paths in stacks', () => {
    const text =
      'Email 1a2b-xyz not sent: Resend could not be reached (HTTP 503) at node_modules/@payloadcms/db-sqlite/dist/index.js:12'
    expect(scrubPersonal(text)).toBe(text)
  })

  it('logs an error by type, status and scrubbed message, stack and cause', () => {
    const cause = Object.assign(new Error('The to address tom@example.org is not verified'), {
      statusCode: 403,
    })
    const error = new Error('Email to tom@example.org not sent', { cause })
    const logged = errorForLog(error)
    expect(logged).toMatchObject({
      type: 'Error',
      message: 'Email to [address] not sent',
      cause: { type: 'Error', message: 'The to address [address] is not verified', statusCode: 403 },
    })
    expect(JSON.stringify(logged)).not.toContain('tom@example.org')
    expect(logged.stack).toContain('Email to [address] not sent')
    expect(errorForLog('sara@example.org refused')).toEqual({ type: 'string', message: '[address] refused' })
  })

  it('stores at most 500 characters of a scrubbed error', () => {
    expect(storedErrorText(new Error(`bounce for tom@example.org ${'x'.repeat(600)}`))).toMatch(
      /^bounce for \[address\] x+$/,
    )
    expect(storedErrorText(new Error('x'.repeat(600)))).toHaveLength(500)
  })
})
