/**
 * A minimal HTTP/1.1 client for the signatures load bench (signatures-load.ts): cheaper per
 * request than fetch or node:http, so the load generator leaves the cores to the server.
 */
import net from 'node:net'

/** An HTTP answer: status, raw head and body. */
export type Reply = { status: number; head: string; body: Buffer }
const EMPTY: Buffer = Buffer.alloc(0)

/**
 * One keep-alive HTTP/1.1 connection, one request at a time (as a browser's connection works),
 * with a minimal reader for the answer (status line, headers, a Content-Length or chunked body).
 * The load generator shares the cores with the server, so it must cost far less per request than
 * the server does, which fetch and node:http do not (README, "Benchmarks"); the CPU this costs is
 * printed with the results.
 */
export class Connection {
  constructor(private readonly port: number) {}

  private socket: net.Socket | null = null
  private buffer: Buffer = EMPTY
  private waiting: { resolve: (r: Reply) => void; reject: (e: Error) => void } | null = null

  private connect(): net.Socket {
    const socket = net.connect(this.port, '127.0.0.1')
    socket.setNoDelay(true)
    socket.on('data', (chunk: Buffer) => this.read(chunk))
    const fail = (error: Error) => {
      if (this.socket === socket) this.socket = null
      this.buffer = EMPTY
      const w = this.waiting
      this.waiting = null
      w?.reject(error)
    }
    socket.on('error', fail)
    socket.on('close', () => fail(new Error('The server closed the connection.')))
    this.socket = socket
    return socket
  }

  send(
    method: string,
    pathname: string,
    headers: Record<string, string> = {},
    body?: string,
  ): Promise<Reply> {
    const socket = this.socket ?? this.connect()
    let head = `${method} ${pathname} HTTP/1.1\r\nHost: 127.0.0.1:${this.port}\r\n`
    for (const name in headers) head += `${name}: ${headers[name]}\r\n`
    if (body !== undefined) head += `Content-Length: ${Buffer.byteLength(body)}\r\n`
    return new Promise<Reply>((resolve, reject) => {
      this.waiting = { resolve, reject }
      socket.write(`${head}\r\n${body ?? ''}`)
    })
  }

  private read(chunk: Buffer) {
    const buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk
    this.buffer = buffer
    const headEnd = buffer.indexOf('\r\n\r\n')
    if (headEnd < 0) return
    const head = buffer.toString('latin1', 0, headEnd)
    const status = Number(head.slice(9, 12))
    let body: Buffer = EMPTY
    let next = headEnd + 4
    const length = /\r\ncontent-length: *(\d+)/i.exec(head)
    if (length) {
      const end = next + Number(length[1])
      if (buffer.length < end) return
      body = buffer.subarray(next, end)
      next = end
    } else if (/\r\ntransfer-encoding: *chunked/i.test(head)) {
      const parts: Buffer[] = []
      for (;;) {
        const lineEnd = buffer.indexOf('\r\n', next)
        if (lineEnd < 0) return
        const size = parseInt(buffer.toString('latin1', next, lineEnd), 16)
        if (buffer.length < lineEnd + 4 + size) return
        if (size === 0) {
          next = lineEnd + 4
          break
        }
        parts.push(buffer.subarray(lineEnd + 2, lineEnd + 2 + size))
        next = lineEnd + 4 + size
      }
      body = Buffer.concat(parts)
    }
    this.buffer = buffer.subarray(next)
    const w = this.waiting
    this.waiting = null
    w?.resolve({ status, head, body })
  }

  close() {
    this.socket?.destroy()
    this.socket = null
  }
}
