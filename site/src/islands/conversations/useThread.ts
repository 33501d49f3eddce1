/**
 * One open thread: its messages (oldest first) and, while it is open, the live stream
 * (EventSource with the session cookie). `message` events add or replace a message, `removed` ones
 * take it away, `closed` stops the stream for good and says why. The browser reconnects by itself
 * with Last-Event-ID; a message seen twice is kept once (by id). New messages from others are put
 * into `announcement`, for a polite live region.
 */
import { useCallback, useEffect, useState } from 'react'
import type { MessageView, ThreadView } from '../../../../content-models/conversationsApi'
import { callApi } from '../account/accountApi'
import { removeMessage, upsertMessage, type Answer } from './talkState'
import { talkPaths } from './useTalk'

/** Whether new messages are arriving by themselves. */
export type LiveState = 'connecting' | 'live' | 'reconnecting' | 'stopped'

export type ThreadState =
  | { phase: 'loading' }
  | { phase: 'missing' }
  | { phase: 'failed'; message: string }
  | { phase: 'open'; view: ThreadView }

const parse = <T>(event: MessageEvent): T | null => {
  try {
    return JSON.parse(String(event.data)) as T
  } catch {
    return null
  }
}

/** A short line for screen readers about a new message. */
const announce = (m: MessageView) =>
  `New message from ${m.authorName}: ${m.body.length > 140 ? `${m.body.slice(0, 140)}…` : m.body}`

/** Opens the live stream of a thread after `after` and feeds its events to the callbacks; returns a closer. */
const openLive = (
  url: string,
  on: {
    message: (m: MessageView) => void
    removed: (id: string | number) => void
    closed: (reason: string) => void
    state: (s: LiveState) => void
  },
): (() => void) => {
  const source = new EventSource(url, { withCredentials: true })
  source.addEventListener('open', () => on.state('live'))
  source.addEventListener('error', () =>
    on.state(source.readyState === EventSource.CLOSED ? 'stopped' : 'reconnecting'),
  )
  source.addEventListener('message', (e) => {
    const m = parse<MessageView>(e)
    if (m && m.id !== undefined) on.message(m)
  })
  source.addEventListener('removed', (e) => {
    const r = parse<{ id: string | number }>(e)
    if (r && r.id !== undefined) on.removed(r.id)
  })
  source.addEventListener('closed', (e) => {
    source.close()
    on.closed(parse<{ reason?: string }>(e)?.reason ?? 'This conversation is closed to you.')
  })
  return () => source.close()
}

export const useThread = (api: string, id: string, refuse: (answer: Answer) => boolean) => {
  const [state, setState] = useState<ThreadState>({ phase: 'loading' })
  const [live, setLive] = useState<LiveState>('connecting')
  const [closed, setClosed] = useState<string | null>(null)
  // A count beside the words, so the same words twice ("Your reply was posted.") are still a change.
  const [announced, setAnnounced] = useState({ text: '', n: 0 })
  const setAnnouncement = useCallback((text: string) => setAnnounced((a) => ({ text, n: a.n + 1 })), [])

  const update = useCallback((change: (messages: MessageView[]) => MessageView[]) => {
    setState((s) =>
      s.phase === 'open' ? { ...s, view: { ...s.view, messages: change(s.view.messages) } } : s,
    )
  }, [])

  useEffect(() => {
    let stop = () => {}
    let gone = false
    setState({ phase: 'loading' })
    setClosed(null)
    setLive('connecting')
    void callApi<ThreadView>(api, talkPaths.thread(id), 'GET', undefined, 'include', 'no-store').then(
      (answer) => {
        if (gone || refuse(answer)) return
        if (answer.status === 404) return setState({ phase: 'missing' })
        if (answer.status !== 200 || answer.body.status !== 'ok')
          return setState({ phase: 'failed', message: answer.body.message ?? 'We could not open it.' })
        setState({ phase: 'open', view: answer.body })
        const seen = new Set(answer.body.messages.map((m) => String(m.id)))
        const after = encodeURIComponent(answer.body.lastEventId ?? '')
        stop = openLive(`${api}${talkPaths.live(id)}?after=${after}`, {
          message: (m) => {
            if (!seen.has(String(m.id))) {
              seen.add(String(m.id))
              if (!m.mine) setAnnouncement(announce(m))
            }
            update((list) => upsertMessage(list, m))
          },
          removed: (removedId) => update((list) => removeMessage(list, removedId)),
          closed: (reason) => {
            setClosed(reason)
            setLive('stopped')
          },
          state: setLive,
        })
      },
    )
    return () => {
      gone = true
      stop()
    }
  }, [api, id, refuse, update, setAnnouncement])

  return {
    state,
    live,
    closed,
    /** What the polite live region says now (a no-break space is added every other time). */
    announcement: announced.n % 2 ? `${announced.text}\u00a0` : announced.text,
    setAnnouncement,
    add: (m: MessageView) => update((list) => upsertMessage(list, m)),
    remove: (messageId: string | number) => update((list) => removeMessage(list, messageId)),
    setFollowing: (following: boolean) =>
      setState((s) =>
        s.phase === 'open' ? { ...s, view: { ...s.view, thread: { ...s.view.thread, following } } } : s,
      ),
  }
}
