/**
 * A raw HTTP/1.1 client over one keep-alive TCP socket, for tests that attack the servers with
 * bytes no ordinary client would send: it writes whatever it is given and reads back whole
 * responses (by Content-Length, chunked framing, or until the server closes), and says whether the
 * server closed the connection, reset it, or left it hanging.
 */
import net from 'node:net'

/** One response as read off the wire. */
export type RawResponse = { status: number; headers: Record<string, string>; body: Buffer }

/** How a connection stood when reading stopped. */
export type ConnectionState = 'open' | 'closed' | 'reset' | 'hung'

/**
 * What came back for a batch of requests. `garbled`: bytes that do not start a response came
 * where one should (an extra 400 for a body found bad after its request was answered, say), and
 * nothing after them was read.
 */
export type Exchange = { responses: RawResponse[]; state: ConnectionState; garbled: boolean }

const CRLF2 = Buffer.from('\r\n\r\n')

/** Reads a chunked body from `buf` at `at`; the body and where it ends, or null when incomplete. */
const readChunked = (buf: Buffer, at: number): { body: Buffer; end: number } | null => {
  const parts: Buffer[] = []
  for (;;) {
    const eol = buf.indexOf('\r\n', at)
    if (eol < 0) return null
    const size = parseInt(buf.subarray(at, eol).toString('latin1'), 16)
    if (Number.isNaN(size)) return { body: Buffer.alloc(0), end: buf.length }
    if (size === 0) {
      // The last chunk, then trailers (usually none) up to an empty line.
      const end = buf.indexOf(CRLF2, eol)
      return end < 0 ? null : { body: Buffer.concat(parts), end: end + 4 }
    }
    if (buf.length < eol + 2 + size + 2) return null
    parts.push(buf.subarray(eol + 2, eol + 2 + size))
    at = eol + 2 + size + 2
  }
}

/** A keep-alive connection to `url` that sends raw bytes and reads whole responses. */
export class RawConnection {
  private buf = Buffer.alloc(0)
  private parsed: RawResponse[] = []
  /** Methods of the requests still waiting for an answer (HEAD answers have no body). */
  private methods: string[] = []
  private ended: 'closed' | 'reset' | null = null
  private garbled = false
  private wake: (() => void) | null = null

  private constructor(readonly socket: net.Socket) {
    socket.on('data', (chunk: Buffer) => {
      this.buf = Buffer.concat([this.buf, chunk])
      this.parse()
      this.wake?.()
    })
    socket.on('error', () => (this.ended ??= 'reset'))
    socket.on('close', () => {
      this.ended ??= 'closed'
      this.parse(true)
      this.wake?.()
    })
  }

  /** Opens a connection to an http:// URL's host and port. */
  static open(url: string): Promise<RawConnection> {
    const { hostname, port } = new URL(url)
    return new Promise((resolve, reject) => {
      const socket = net.connect(Number(port), hostname, () => resolve(new RawConnection(socket)))
      socket.setNoDelay(true)
      socket.once('error', reject)
    })
  }

  /** Whether the server has closed or reset this connection. */
  get isEnded() {
    return this.ended !== null || this.socket.destroyed
  }

  /** Notes the methods of requests about to be written, in order (answers to HEAD have no body). */
  expect(methods: string[]) {
    this.methods.push(...methods)
  }

  /** Writes bytes, noting the method of each request they hold. */
  write(bytes: Buffer | string, methods: string[] = []) {
    this.expect(methods)
    if (!this.socket.destroyed && this.socket.writable) this.socket.write(bytes)
  }

  private parse(atClose = false) {
    while (!this.garbled) {
      const head = this.buf.indexOf(CRLF2)
      if (head < 0) return
      const lines = this.buf.subarray(0, head).toString('latin1').split('\r\n')
      const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(lines[0])?.[1] ?? NaN)
      if (Number.isNaN(status)) {
        this.garbled = true
        return
      }
      const headers: Record<string, string> = {}
      for (const line of lines.slice(1)) {
        const i = line.indexOf(':')
        if (i > 0) headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim()
      }
      const start = head + 4
      if (status >= 100 && status < 200) {
        this.buf = this.buf.subarray(start)
        continue
      }
      const method = this.methods[0]
      let body: Buffer
      let end: number
      if (method === 'HEAD' || status === 204 || status === 304) {
        body = Buffer.alloc(0)
        end = start
      } else if (headers['content-length'] !== undefined) {
        end = start + Number(headers['content-length'])
        if (this.buf.length < end) return
        body = this.buf.subarray(start, end)
      } else if (/chunked/i.test(headers['transfer-encoding'] ?? '')) {
        const chunked = readChunked(this.buf, start)
        if (!chunked) return
        ;({ body, end } = chunked)
      } else {
        if (!atClose) return
        body = this.buf.subarray(start)
        end = this.buf.length
      }
      this.methods.shift()
      this.parsed.push({ status, headers, body: Buffer.from(body) })
      this.buf = this.buf.subarray(end)
    }
  }

  /**
   * Waits for `count` responses; stops early if the server closes or resets the connection, and
   * reports 'hung' after `timeoutMs` with neither.
   */
  async read(count: number, timeoutMs = 2000): Promise<Exchange> {
    const deadline = Date.now() + timeoutMs
    while (this.parsed.length < count && !this.ended && !this.garbled && Date.now() < deadline) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, deadline - Date.now())
        this.wake = () => {
          clearTimeout(timer)
          resolve()
        }
      })
      this.wake = null
    }
    const responses = this.parsed.splice(0, count)
    const state: ConnectionState =
      responses.length === count ? (this.ended ?? 'open') : (this.ended ?? 'hung')
    return { responses, state, garbled: this.garbled }
  }

  /** Waits up to `ms` for the server to close the connection; whether it did. */
  async waitEnded(ms: number): Promise<boolean> {
    const deadline = Date.now() + ms
    while (!this.isEnded && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10))
    return this.isEnded
  }

  /** Closes the connection from our side. */
  destroy() {
    this.socket.destroy()
  }
}

/** A few keep-alive connections to one server, reopened when the server closes one. */
export class ConnectionPool {
  private idle: RawConnection[] = []
  constructor(readonly url: string) {}

  /** A connection that the server has not closed. */
  async take(): Promise<RawConnection> {
    for (let c = this.idle.pop(); c; c = this.idle.pop()) if (!c.isEnded) return c
    return RawConnection.open(this.url)
  }

  /** Gives a connection back for the next request (dropped if the server closed it). */
  give(c: RawConnection) {
    if (c.isEnded) c.destroy()
    else this.idle.push(c)
  }

  closeAll() {
    for (const c of this.idle.splice(0)) c.destroy()
  }
}
