/**
 * fast-check arbitraries for one malformed HTTP/1.1 request: bad request lines (methods, `//[`, `%`,
 * very long paths, NUL, non-ASCII), bad headers (duplicate Content-Length, Content-Length with
 * Transfer-Encoding, bad chunk sizes, huge headers, bad Host), bad bodies (random bytes, bad JSON,
 * wrong types, oversized, gzip claimed but not), framed by length, chunked, or both.
 *
 * Every request is framed so that a server reading it as HTTP/1.1 says, consumes exactly the bytes
 * sent: a following request on the same connection is then either answered or the server has
 * closed the connection. edgeAttacks.ts puts them together into attacks on one connection.
 */
import fc from 'fast-check'

/** Asking to switch protocols (the servers answer and close the connection). */
export const UPGRADE_HEADERS = 'Connection: keep-alive, Upgrade\r\nUpgrade: websocket'

/** An Expect header, as curl sends with any body over 1 KB. */
export const EXPECT_CONTINUE = 'Expect: 100-continue'

/** Bytes as written on the wire (one byte per character). */
const b = (s: string) => Buffer.from(s, 'latin1')
/** Text as UTF-8 bytes. */
const u = (s: string) => Buffer.from(s, 'utf8')

const METHODS = ['GET', 'POST', 'HEAD', 'PUT', 'DELETE', 'OPTIONS', 'PATCH']
const BAD_METHODS = [
  'get',
  'G ET',
  'FOO',
  'PRI',
  'TRACE',
  'CONNECT',
  '',
  'POST\0',
  'ÄÖ',
  'GET\tX',
  'M'.repeat(300),
]

const weirdTarget = fc.oneof(
  fc.constantFrom(
    '//[',
    '/%',
    '/%zz',
    '/%00',
    '/\0',
    '/é',
    '/\x80\xff',
    '*',
    'http://evil.test/x',
    '//evil.test/',
    '/..%2f..%2fetc/passwd',
    '/a b',
    '/a?b=%',
    '/%2e%2e/%2e%2e/',
    '/\\..\\..\\x',
    '',
  ),
  fc.integer({ min: 1000, max: 20_000 }).map((n) => `/${'a'.repeat(n)}`),
  fc.uint8Array({ minLength: 1, maxLength: 40 }).map((a) => `/${Buffer.from(a).toString('latin1')}`),
  fc.string({ unit: 'grapheme', maxLength: 30 }).map((s) => `/${s}`),
)

/** Request targets: the server's own paths, sometimes with junk appended, or something weird. */
export const targets = (paths: string[]) =>
  fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom(...paths) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(
          fc.constantFrom(...paths),
          fc.constantFrom('%', '%zz', '/[', '?%=%', '/..', '//', '?a=1&a=2', '%00', '/é'),
        )
        .map(([p, x]) => p + x),
    },
    { weight: 3, arbitrary: weirdTarget },
  )

const version = fc.oneof(
  { weight: 12, arbitrary: fc.constant('HTTP/1.1') },
  { weight: 1, arbitrary: fc.constantFrom('HTTP/1.0', 'HTTP/2.0', 'HTTP/9.9', 'HTP/1.1', 'HTTP/1.1 x', '') },
)

const badHeader = fc.oneof(
  fc.constantFrom(
    'Host: a\r\nHost: b',
    'Content-Type: application/json; charset=utf-7',
    'Content-Type: multipart/form-data; boundary=x',
    'Content-Type: text/plain',
    'Content-Type: application/xml',
    'Content-Type: ',
    'Content-Encoding: gzip',
    'Content-Encoding: br, gzip',
    'Accept: text/html',
    'Accept-Encoding: br;q=2, *;q=-1',
    'Origin: http://evil.test',
    'Range: bytes=5-1, 0-',
    'Range: bytes=-99999999999999999999',
    'If-None-Match: *',
    'If-Modified-Since: yesterday',
    'X-Forwarded-For: not-an-address',
    'X-Forwarded-For: ::1, 300.1.1.1, , ',
    'Forwarded: for="[::1]:x"',
    'Connection: close',
    'No-Colon-Here',
    'Bad Name: x',
    ': empty-name',
    'X-Nul: a\0b',
    'X-Folded: a\r\n b',
    'X-Non-Ascii: \xe9\xff',
    EXPECT_CONTINUE,
    'Expect: 417-nope',
    UPGRADE_HEADERS,
  ),
  fc.integer({ min: 8_000, max: 40_000 }).map((n) => `X-Huge: ${'h'.repeat(n)}`),
  fc
    .integer({ min: 100, max: 300 })
    .map((n) => Array.from({ length: n }, (_, i) => `X-Many-${i}: y`).join('\r\n')),
)

/** Host headers, good and bad. */
const host = fc.oneof(
  { weight: 8, arbitrary: fc.constant('Host: localhost') },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '',
      'Host:',
      'Host: ',
      'Host: a b',
      'Host: \xe9.test',
      'Host: x:99999',
      `Host: ${'h'.repeat(3000)}`,
      'Host: [::1',
      'Host: [::1]:8080',
      'Host: a/b',
      'Host: a@b',
    ),
  },
)

/** Bodies that are never a valid signature or sign-up (no field holds an email address). */
export const junkBody = fc.oneof(
  fc.uint8Array({ maxLength: 600 }).map((a) => Buffer.from(a)),
  fc
    .constantFrom(
      '{',
      '{"name":',
      '[]',
      'null',
      '"x"',
      '1e999999',
      '{"__proto__":{"x":1}}',
      '{"name":"Tom","email":"no-at-sign"}',
      'name=Tom&email=%',
      'email=a%40b&email=c',
      '\ufeff{}',
      'a=1&'.repeat(3000),
    )
    .map(u),
  fc
    .dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 3 }))
    .map((o) => u(JSON.stringify({ ...o, email: 'not an email' }))),
  fc.integer({ min: 64 * 1024 + 1, max: 200 * 1024 }).map((n) => Buffer.alloc(n, 'x')),
  fc.integer({ min: 16 * 1024 + 1, max: 64 * 1024 }).map((n) => u(`{"name":"${'n'.repeat(n)}"}`)),
)

/** A body as a valid chunked encoding, split at random sizes. */
const chunked = (body: Buffer, sizes: number[]) => {
  const parts: Buffer[] = []
  let at = 0
  for (const size of sizes) {
    if (at >= body.length) break
    const piece = body.subarray(at, at + size)
    parts.push(b(`${piece.length.toString(16)}\r\n`), piece, b('\r\n'))
    at += piece.length
  }
  if (at < body.length) parts.push(b(`${(body.length - at).toString(16)}\r\n`), body.subarray(at), b('\r\n'))
  parts.push(b('0\r\n\r\n'))
  return Buffer.concat(parts)
}

/** Chunked encodings a strict parser must refuse (the data never runs short, so nothing stalls). */
const badChunks = fc
  .constantFrom(
    'zz\r\nabc\r\n0\r\n\r\n',
    '-1\r\nabc\r\n0\r\n\r\n',
    'fffffffffffffffffff\r\nx\r\n0\r\n\r\n',
    '3\r\nabcdef\r\n0\r\n\r\n',
    '3;\0\r\nabc\r\n0\r\n\r\n',
    '3 \r\nabc\r\n0\r\n\r\n',
    '0x3\r\nabc\r\n0\r\n\r\n',
    '3\nabc\n0\n\n',
    '3\r\nabc0\r\n\r\n',
  )
  .map(b)

const framings = ['length', 'chunked', 'none', 'cl-and-te', 'two-lengths', 'bad-chunks', 'smuggle'] as const

/** One complete request: its bytes, its method and what kind it is. */
export const request = (paths: string[], extraHeaders: () => string[] = () => []) =>
  fc
    .record({
      method: fc.oneof(
        { weight: 10, arbitrary: fc.constantFrom(...METHODS) },
        { weight: 1, arbitrary: fc.constantFrom(...BAD_METHODS) },
      ),
      target: targets(paths),
      version,
      host,
      headers: fc.array(badHeader, { maxLength: 2 }),
      framing: fc.constantFrom(...framings),
      body: junkBody,
      sizes: fc.array(fc.integer({ min: 1, max: 5000 }), { minLength: 1, maxLength: 4 }),
      bad: badChunks,
      lengths: fc.tuple(fc.nat(50), fc.nat(50)),
    })
    .map((r) => {
      const head = [`${r.method} ${r.target} ${r.version}`, r.host, ...extraHeaders(), ...r.headers].filter(
        Boolean,
      )
      let body: Buffer = Buffer.alloc(0)
      if (r.framing === 'length') {
        body = r.body
        head.push(`Content-Length: ${body.length}`)
      } else if (r.framing === 'chunked') {
        body = chunked(r.body, r.sizes)
        head.push('Transfer-Encoding: chunked')
      } else if (r.framing === 'cl-and-te') {
        // Both framings consume the same bytes, so only the server's choice to refuse is tested.
        body = chunked(r.body, r.sizes)
        head.push(`Content-Length: ${body.length}`, 'Transfer-Encoding: chunked')
      } else if (r.framing === 'two-lengths') {
        body = Buffer.alloc(Math.max(...r.lengths), 'y')
        head.push(`Content-Length: ${r.lengths[0]}`, `Content-Length: ${r.lengths[1]}`)
      } else if (r.framing === 'bad-chunks') {
        body = r.bad
        head.push('Transfer-Encoding: chunked')
      } else if (r.framing === 'smuggle') {
        body = chunked(b('GET /smuggled HTTP/1.1\r\nHost: x\r\nX-Forwarded-For: 6.6.6.6\r\n\r\n'), r.sizes)
        head.push('Transfer-Encoding: chunked')
      }
      return {
        bytes: Buffer.concat([b(`${head.join('\r\n')}\r\n\r\n`), body]),
        method: r.method,
        kind: `${r.method.slice(0, 8)} ${r.framing}`,
      }
    })
