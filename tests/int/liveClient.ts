/**
 * A thread's live stream read as a browser's EventSource reads it: GET with the member's cookie
 * and the site's Origin, the body parsed into server-sent events as they arrive.
 */
import { site } from './accountClient'

export type LiveEvent = { event: string; id: string; data: unknown }

export type LiveStream = {
  status: number
  events: LiveEvent[]
  /** Resolves with the first event (after those already seen) that matches, or rejects after `ms`. */
  next: (match: (e: LiveEvent) => boolean, ms?: number) => Promise<LiveEvent>
  /** Resolves when the server ends the stream. */
  ended: Promise<void>
  close: () => void
}

/** Parses the complete events in `buffer`; returns them and what is left over. */
export const parseEvents = (buffer: string): { events: LiveEvent[]; rest: string } => {
  const blocks = buffer.split('\n\n')
  const rest = blocks.pop() ?? ''
  const events = blocks.flatMap((block) => {
    let event = 'message'
    let id = ''
    const data: string[] = []
    for (const line of block.split('\n')) {
      if (line.startsWith('event:')) event = line.slice(6).trim()
      else if (line.startsWith('id:')) id = line.slice(3).trim()
      else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''))
    }
    if (!data.length) return []
    const text = data.join('\n')
    let parsed: unknown = text
    try {
      parsed = JSON.parse(text)
    } catch {
      // Plain text data.
    }
    return [{ event, id, data: parsed }]
  })
  return { events, rest }
}

/** Opens a thread's live stream. */
export const openLive = async (
  url: string,
  cookie: string | null,
  { lastEventId, after }: { lastEventId?: string; after?: string } = {},
): Promise<LiveStream> => {
  const controller = new AbortController()
  const res = await fetch(`${url}${after ? `?after=${after}` : ''}`, {
    signal: controller.signal,
    headers: {
      Origin: site(),
      Accept: 'text/event-stream',
      ...(cookie ? { Cookie: cookie } : {}),
      ...(lastEventId ? { 'Last-Event-ID': lastEventId } : {}),
    },
  })
  const events: LiveEvent[] = []
  const waiters: (() => void)[] = []
  let endedResolve: () => void = () => {}
  const ended = new Promise<void>((r) => (endedResolve = r))
  if (res.ok && res.body) {
    const reader = res.body.pipeThrough(new TextDecoderStream()).getReader()
    void (async () => {
      let buffer = ''
      try {
        for (;;) {
          const { value, done } = await reader.read()
          if (done) break
          const parsed = parseEvents(buffer + value)
          buffer = parsed.rest
          events.push(...parsed.events)
          for (const w of waiters.splice(0)) w()
        }
      } catch {
        // Aborted by close().
      }
      endedResolve()
    })()
  } else endedResolve()
  let seen = 0
  const next = (match: (e: LiveEvent) => boolean, ms = 3000) =>
    new Promise<LiveEvent>((resolve, reject) => {
      const look = () => {
        for (; seen < events.length; seen++)
          if (match(events[seen])) {
            clearTimeout(timer)
            resolve(events[seen++])
            return
          }
        waiters.push(look)
      }
      const timer = setTimeout(() => {
        // A waiter that gave up must not take a later event from the next one.
        const at = waiters.indexOf(look)
        if (at >= 0) waiters.splice(at, 1)
        reject(new Error(`No matching live event in ${ms} ms; got ${JSON.stringify(events)}`))
      }, ms)
      look()
    })
  return { status: res.status, events, next, ended, close: () => controller.abort() }
}
