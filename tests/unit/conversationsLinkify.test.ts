/** Message bodies become text and safe links only: the island never renders a member's text as HTML. */
import { describe, expect, it } from 'vitest'
import { linkify, safeHref } from '../../site/src/islands/conversations/linkify'

/** The parts joined back: always the body exactly as typed. */
const joined = (body: string) =>
  linkify(body)
    .map((p) => p.text)
    .join('')

describe('linkify', () => {
  it('keeps a message without an address as one run of text', () => {
    expect(linkify('Anyone else on nights this week?')).toEqual([
      { text: 'Anyone else on nights this week?' },
    ])
  })

  it('makes an https address a link, without the full stop that ends the sentence', () => {
    expect(linkify('See https://www.acas.org.uk/holiday-pay.')).toEqual([
      { text: 'See ' },
      { text: 'https://www.acas.org.uk/holiday-pay', href: 'https://www.acas.org.uk/holiday-pay' },
      { text: '.' },
    ])
  })

  it('links http and https addresses, several in one message, in any case', () => {
    const parts = linkify(
      'HTTP://example.org/a and (https://example.org/b), then https://example.org/c?x=1#y',
    )
    expect(parts.filter((p) => p.href).map((p) => p.href)).toEqual([
      'http://example.org/a',
      'https://example.org/b',
      'https://example.org/c?x=1#y',
    ])
    expect(parts[parts.length - 1]).toEqual({
      text: 'https://example.org/c?x=1#y',
      href: 'https://example.org/c?x=1#y',
    })
  })

  it('keeps a bracket that belongs to the address', () => {
    expect(linkify('https://en.wikipedia.org/wiki/Strike_(work)')[0].href).toBe(
      'https://en.wikipedia.org/wiki/Strike_(work)',
    )
  })

  it('never links javascript:, data:, vbscript: or mailto: addresses', () => {
    for (const body of [
      'javascript:alert(document.cookie)',
      'JaVaScRiPt:alert(1)',
      'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
      'vbscript:msgbox(1)',
      'mailto:boss@example.org',
      '//evil.example/path',
    ])
      expect(linkify(body)).toEqual([{ text: body }])
  })

  it('shows HTML-looking input as the characters typed, linking only the http address inside it', () => {
    const body = '<a href="http://evil.example/x" onclick="steal()">pay rise</a><script>alert(1)</script>'
    const parts = linkify(body)
    expect(parts.filter((p) => p.href)).toEqual([
      { text: 'http://evil.example/x', href: 'http://evil.example/x' },
    ])
    expect(joined(body)).toBe(body)
    expect(parts[0]).toEqual({ text: '<a href="' })
  })

  it('does not link an address hidden after javascript: as anything but itself', () => {
    const parts = linkify('javascript:window.location="https://evil.example"')
    expect(parts.filter((p) => p.href).map((p) => p.href)).toEqual(['https://evil.example/'])
    expect(parts.every((p) => !p.href || p.href.startsWith('https://'))).toBe(true)
  })

  it('leaves an address with a user name in it as text (it shows one site and goes to another)', () => {
    expect(linkify('https://bank.example@evil.example/login')).toEqual([
      { text: 'https://bank.example@evil.example/login' },
    ])
  })

  it('does not start a link inside a word, and keeps line breaks', () => {
    expect(linkify('xhttps://example.org')).toEqual([{ text: 'xhttps://example.org' }])
    const body = 'Line one\nhttps://example.org\n\nLine three'
    expect(linkify(body).map((p) => p.href ?? null)).toEqual([null, 'https://example.org/', null])
    expect(joined(body)).toBe(body)
  })
})

describe('safeHref', () => {
  it('accepts only http and https addresses with a host', () => {
    expect(safeHref('https://example.org')).toBe('https://example.org/')
    expect(safeHref('http://example.org/a b')).toBe('http://example.org/a%20b')
    expect(safeHref('javascript:alert(1)')).toBeNull()
    expect(safeHref('data:text/html,hi')).toBeNull()
    expect(safeHref('ftp://example.org')).toBeNull()
    expect(safeHref('not a url')).toBeNull()
  })
})
