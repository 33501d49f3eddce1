/**
 * One viewer of a thread's live stream, as a browser's EventSource holds it: GET with the
 * member's cookie and the site's Origin, kept open, its body read as server-sent events. Each
 * event is handed on with the time its bytes arrived (before parsing, so parsing in this process
 * does not count against the server). node:http, with an agent that never queues a connection:
 * the bench holds hundreds open at once.
 */
import http from 'node:http'

/** Keep-alive, no limit on open sockets (the default agent's queue would hold viewers back). */
const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity })

/** A `message` event's data (MessageView JSON), its feed position, and when it arrived (performance.now()). */
export type Received = { data: string; id: string; at: number }

/** An open stream: its status, how many events came out of feed order, and how to close it. */
export type Viewer = {
  status: number
  /** Events whose feed position was lower than one already received. */
  outOfOrder: () => number
  /** True once the server ended the stream. */
  ended: () => boolean
  close: () => void
}

/** Splits complete events out of `buffer`; `message` events go to `onMessage`. Returns what is left. */
const readEvents = (buffer: string, at: number, onMessage: (r: Received) => void): string => {
  let start = 0
  for (;;) {
    const end = buffer.indexOf('\n\n', start)
    if (end < 0) return buffer.slice(start)
    let event = 'message'
    let id = ''
    let data = ''
    for (const line of buffer.slice(start, end).split('\n')) {
      if (line.startsWith('event:')) event = line.slice(6).trim()
      else if (line.startsWith('id:')) id = line.slice(3).trim()
      else if (line.startsWith('data:')) data += (data ? '\n' : '') + line.slice(5).replace(/^ /, '')
    }
    if (event === 'message' && data) onMessage({ data, id, at })
    start = end + 2
  }
}

/** Opens a stream; resolves once the server has answered (any status; a non-200 is closed at once). */
export const openViewer = (
  url: string,
  headers: { cookie: string; origin: string },
  onMessage: (r: Received) => void,
): Promise<Viewer> =>
  new Promise((resolve, reject) => {
    let outOfOrder = 0
    let last = -1
    let ended = false
    const request = http.get(
      url,
      {
        agent,
        headers: { Accept: 'text/event-stream', Cookie: headers.cookie, Origin: headers.origin },
      },
      (res) => {
        const status = res.statusCode ?? 0
        const close = () => {
          ended = true
          request.destroy()
        }
        resolve({ status, outOfOrder: () => outOfOrder, ended: () => ended, close })
        if (status !== 200) return close()
        res.setEncoding('utf8')
        let buffer = ''
        res.on('data', (chunk: string) => {
          const at = performance.now()
          buffer = readEvents(buffer + chunk, at, (r) => {
            const position = Number(r.id)
            if (position < last) outOfOrder++
            else last = position
            onMessage(r)
          })
        })
        res.on('end', () => (ended = true))
        res.on('error', () => (ended = true))
      },
    )
    request.on('error', (error) => {
      ended = true
      reject(error)
    })
  })
