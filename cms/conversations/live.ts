/**
 * Viewers of threads, live: each open thread page holds one server-sent-events stream (better-sse,
 * cms/edge/liveRoute.ts), registered here. One listener on this process's feed fans each event
 * out to the viewers of its thread, reading the message once and shaping it per viewer (a hidden
 * message reaches only its author; nobody else ever gets its text back). A member who leaves or
 * is removed from a network has their streams for it closed at once.
 */
import type { Payload } from 'payload'
import type { Message } from '../../content-models/payload-types'
import { type FeedEvent, eventsAfter, feedOf } from './feed'
import { idTypeOf, parseRecordId } from '../members/recordId'
import { messageView } from './views'

/** One open stream. `push` sends an event with the feed position as its id. */
export type Viewer = {
  memberId: string
  networkId: string
  threadId: string
  push: (event: 'message' | 'removed' | 'closed', data: unknown, id: string) => void
  close: () => void
}

/** Why a stream was closed by us, for the island to say. */
export const CLOSED_LEFT = 'You are no longer a member of this network, so this conversation has closed.'

type Hub = { viewers: Map<string, Set<Viewer>>; unlisten: (() => void) | null; queue: Promise<void> }

const hubs = new WeakMap<Payload, Hub>()

const hubOf = (payload: Payload): Hub => {
  let hub = hubs.get(payload)
  if (!hub) hubs.set(payload, (hub = { viewers: new Map(), unlisten: null, queue: Promise.resolve() }))
  return hub
}

/** The messages a batch of events is about, in one query (a removed one is simply absent). */
const readMessages = async (payload: Payload, events: FeedEvent[]): Promise<Map<string, Message>> => {
  const ids = [
    ...new Set(
      events.flatMap((e) =>
        e.kind === 'removed' || e.kind === 'left' || e.kind === 'thread' ? [] : [e.message ?? ''],
      ),
    ),
  ].flatMap((text) => parseRecordId(text, idTypeOf(payload)) ?? [])
  if (!ids.length) return new Map()
  const { docs } = await payload.find({
    collection: 'messages',
    where: { id: { in: ids } },
    depth: 0,
    limit: ids.length,
    pagination: false,
    overrideAccess: true,
  })
  return new Map(docs.map((m) => [String(m.id), m]))
}

/** Sends one event to some viewers, each seeing what they may, from messages already read. */
const deliver = (event: FeedEvent, viewers: Iterable<Viewer>, messages: Map<string, Message>) => {
  if (event.kind === 'left') {
    for (const v of viewers)
      if (v.memberId === event.member && v.networkId === event.network) {
        v.push('closed', { reason: CLOSED_LEFT }, event.id)
        v.close()
      }
    return
  }
  if (event.kind === 'thread' || !event.message) return
  const message = event.kind === 'removed' ? undefined : messages.get(event.message)
  for (const v of viewers) {
    const view = message ? messageView(message, v.memberId) : null
    if (view) v.push('message', view, event.id)
    else v.push('removed', { id: event.message }, event.id)
  }
}

/** Sends events to some viewers: one query for their messages, then every push in one go. */
export const sendEvents = async (payload: Payload, events: FeedEvent[], viewers: Viewer[]) => {
  if (!viewers.length || !events.length) return
  const messages = await readMessages(payload, events)
  for (const event of events) deliver(event, viewers, messages)
}

/**
 * A batch from the feed, to every viewer it concerns. Batches are handled one after another (a
 * later one never overtakes), and all of a batch's writes go out in the same tick, so Node sends
 * each viewer one write per batch rather than one per event.
 */
const onEvents = (payload: Payload, hub: Hub) => (events: FeedEvent[]) => {
  hub.queue = hub.queue.then(async () => {
    try {
      const messages = await readMessages(payload, events)
      for (const event of events) {
        // A member leaving reaches their streams on every thread of the network.
        const viewers =
          event.kind === 'left'
            ? [...hub.viewers.values()].flatMap((set) => [...set])
            : (hub.viewers.get(event.thread ?? '') ?? [])
        deliver(event, viewers, messages)
      }
    } catch (error) {
      payload.logger.error({ err: error, msg: `Sending ${events.length} conversation events failed` })
    }
  })
}

/**
 * Registers a viewer: events after `after` (the Last-Event-ID the browser sent, the position the
 * page was read at, or the feed's newest) are sent first, then everything live. Returns how to unregister.
 */
export const watchThread = async (payload: Payload, viewer: Viewer, after: string): Promise<() => void> => {
  const hub = hubOf(payload)
  // Live events that arrive while the missed ones are read are only counted: the feed is read
  // again after the catch-up, and `sent` drops what was already sent, so the order holds.
  const sent = new Set<string>()
  let caughtUp = false
  let arrivedMeanwhile = 0
  const guarded: Viewer = {
    ...viewer,
    push: (event, data, id) => {
      if (sent.has(id)) return
      sent.add(id)
      if (sent.size > 5000) sent.clear()
      viewer.push(event, data, id)
    },
  }
  const live: Viewer = {
    ...guarded,
    push: (event, data, id) => {
      if (caughtUp) guarded.push(event, data, id)
      else arrivedMeanwhile++
    },
  }
  let set = hub.viewers.get(viewer.threadId)
  if (!set) hub.viewers.set(viewer.threadId, (set = new Set()))
  set.add(live)
  hub.unlisten ??= feedOf(payload).listen(onEvents(payload, hub))
  const catchUp = async () =>
    sendEvents(payload, await eventsAfter(payload, after, { thread: viewer.threadId, limit: 2000 }), [
      guarded,
    ])
  await catchUp()
  caughtUp = true
  if (arrivedMeanwhile) await catchUp()
  return () => {
    set.delete(live)
    if (!set.size) hub.viewers.delete(viewer.threadId)
    if (!hub.viewers.size && hub.unlisten) {
      hub.unlisten()
      hub.unlisten = null
    }
  }
}

/** How many streams are open on this process (for the benchmark and the logs). */
export const viewerCount = (payload: Payload): number =>
  [...hubOf(payload).viewers.values()].reduce((n, set) => n + set.size, 0)

/** Ends every open stream (the server is shutting down; browsers reconnect elsewhere). */
export const closeAllViewers = (payload: Payload) => {
  for (const set of hubOf(payload).viewers.values()) for (const v of set) v.close()
}
