/**
 * The conversation feed: every change a viewer must see (a message posted, hidden, shown or
 * removed; a member leaving a network) is a row in `conversation-events`, written in the same
 * request that made the change. Every CMS process reads the rows after the last one it saw, so
 * viewers connected to any process hear of a change made in any other: with SQLite by polling for
 * higher ids (one small query per process, however many viewers), with MongoDB through a change
 * stream on the collection. No broker: the database is the log.
 */
import type { Payload, Where } from 'payload'
import type { ConversationEventKind } from '../../content-models/conversations'
import type { ConversationEvent } from '../../content-models/payload-types'

/** One event, with every id as text (numbers with SQLite, ObjectIds with MongoDB). */
export type FeedEvent = {
  id: string
  kind: ConversationEventKind
  network: string
  thread: string | null
  message: string | null
  member: string | null
}

type Ref = string | number | null | undefined

const asText = (ref: Ref): string | null => (ref === null || ref === undefined ? null : String(ref))

const toFeedEvent = (row: ConversationEvent): FeedEvent => ({
  id: String(row.id),
  kind: row.kind,
  network: row.network,
  thread: row.thread ?? null,
  message: row.message ?? null,
  member: row.member ?? null,
})

/** Records a change for every viewer. Pass the request's `req` inside a hook or transaction. */
export const appendEvent = async (
  payload: Payload,
  event: { kind: ConversationEventKind; network: Ref; thread?: Ref; message?: Ref; member?: Ref },
): Promise<FeedEvent> => {
  const row = await payload.create({
    collection: 'conversation-events',
    data: {
      kind: event.kind,
      network: String(event.network),
      thread: asText(event.thread),
      message: asText(event.message),
      member: asText(event.member),
    },
    overrideAccess: true,
    depth: 0,
  })
  const appended = toFeedEvent(row)
  feedOf(payload).nudge()
  return appended
}

/** Whether ids grow with time (SQLite's integer keys), so "after" is a comparison of ids. */
const numericIds = (payload: Payload) => payload.db.defaultIDType === 'number'

/** The newest event's id, or '0' when there is none: where a page that was just read is up to. */
export const latestEventId = async (payload: Payload): Promise<string> => {
  const { docs } = await payload.find({
    collection: 'conversation-events',
    sort: numericIds(payload) ? '-id' : '-createdAt',
    limit: 1,
    depth: 0,
    pagination: false,
    overrideAccess: true,
  })
  return docs[0] ? String(docs[0].id) : '0'
}

/** Events after `after` (an id from this feed), oldest first, optionally for one thread only. */
export const eventsAfter = async (
  payload: Payload,
  after: string,
  { thread, limit = 1000 }: { thread?: string; limit?: number } = {},
): Promise<FeedEvent[]> => {
  let position: Where
  if (numericIds(payload)) {
    const n = Number(after)
    position = { id: { greater_than: Number.isSafeInteger(n) && n > 0 ? n : 0 } }
  } else {
    const seen =
      after === '0'
        ? null
        : await payload.findByID({
            collection: 'conversation-events',
            id: after,
            depth: 0,
            overrideAccess: true,
            disableErrors: true,
          })
    position = seen ? { createdAt: { greater_than: seen.createdAt } } : {}
  }
  const { docs } = await payload.find({
    collection: 'conversation-events',
    where: { and: [position, ...(thread ? [{ thread: { equals: thread } }] : [])] },
    sort: numericIds(payload) ? 'id' : 'createdAt',
    limit,
    depth: 0,
    pagination: false,
    overrideAccess: true,
  })
  return docs.map(toFeedEvent)
}

/** How often each process looks for new events while anyone is watching (CONVERSATION_POLL_MS). */
export const pollMs = (env: NodeJS.ProcessEnv = process.env): number => {
  const n = Number(env.CONVERSATION_POLL_MS || 250)
  return Number.isFinite(n) && n >= 20 && n <= 5000 ? n : 250
}

type Listener = (events: FeedEvent[]) => void

/** One watcher per Payload instance: it reads new events while anyone listens and hands them on. */
export type Feed = { listen: (listener: Listener) => () => void; nudge: () => void; stop: () => void }

const feeds = new WeakMap<Payload, Feed>()

/** This process's watcher of the feed. */
export const feedOf = (payload: Payload): Feed => {
  let feed = feeds.get(payload)
  if (!feed)
    feeds.set(
      payload,
      // Chosen by the adapter this Payload runs on, not by the environment: growing ids (SQLite)
      // are polled; ObjectIds (MongoDB) come through a change stream.
      (feed = numericIds(payload) ? pollingFeed(payload) : changeStreamFeed(payload)),
    )
  return feed
}

const deliver = (payload: Payload, listeners: Set<Listener>, events: FeedEvent[]) => {
  for (const listener of listeners) {
    try {
      listener(events)
    } catch (error) {
      payload.logger.error({ err: error, msg: 'A conversation viewer failed on an event' })
    }
  }
}

/** SQLite (or any database with growing ids): one query for ids above the last one seen. */
const pollingFeed = (payload: Payload): Feed => {
  const listeners = new Set<Listener>()
  let last: string | null = null
  let timer: NodeJS.Timeout | null = null
  let running = false
  let again = false
  const poll = async () => {
    if (running) return void (again = true)
    running = true
    try {
      last ??= await latestEventId(payload)
      const events = await eventsAfter(payload, last)
      if (events.length) {
        last = events[events.length - 1].id
        deliver(payload, listeners, events)
      }
    } catch (error) {
      payload.logger.warn({ err: error, msg: 'Reading the conversation feed failed; trying again' })
    } finally {
      running = false
      if (again && listeners.size) {
        again = false
        void poll()
      }
    }
  }
  const stop = () => {
    if (timer) clearInterval(timer)
    timer = null
    last = null
  }
  return {
    listen: (listener) => {
      listeners.add(listener)
      if (!timer) {
        void poll()
        timer = setInterval(() => void poll(), pollMs())
        timer.unref()
      }
      return () => {
        listeners.delete(listener)
        if (!listeners.size) stop()
      }
    },
    nudge: () => {
      if (timer) void poll()
    },
    stop,
  }
}

type Watchable = {
  watch: (pipeline: object[]) => {
    on: (event: string, fn: (value: unknown) => void) => void
    close: () => Promise<void>
  }
}

/** MongoDB (a replica set): a change stream on the events collection pushes each new event. */
const changeStreamFeed = (payload: Payload): Feed => {
  const listeners = new Set<Listener>()
  let stream: ReturnType<Watchable['watch']> | null = null
  const open = () => {
    // eslint-disable-next-line no-restricted-syntax -- the mongoose adapter keeps each collection's Model in db.collections; Payload's type for db does not say so
    const model = (payload.db as unknown as { collections: Record<string, Watchable> }).collections[
      'conversation-events'
    ]
    stream = model.watch([{ $match: { operationType: 'insert' } }])
    stream.on('change', (change) => {
      const doc = (change as { fullDocument?: ConversationEvent & { _id?: unknown } }).fullDocument
      if (doc) deliver(payload, listeners, [{ ...toFeedEvent(doc), id: String(doc._id ?? doc.id) }])
    })
    stream.on('error', (error) => {
      payload.logger.warn({ err: error, msg: 'The conversation change stream failed; reopening' })
      stream = null
      setTimeout(() => listeners.size && !stream && open(), 1000).unref()
    })
  }
  return {
    listen: (listener) => {
      listeners.add(listener)
      if (!stream) open()
      return () => {
        listeners.delete(listener)
        if (!listeners.size && stream) void stream.close().catch(() => undefined)
        if (!listeners.size) stream = null
      }
    },
    nudge: () => undefined,
    stop: () => {
      if (stream) void stream.close().catch(() => undefined)
      stream = null
    },
  }
}
