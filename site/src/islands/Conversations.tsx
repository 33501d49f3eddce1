/**
 * A network's conversations, for its members: a static shell on the site (/networks/<slug>/talk/),
 * this island inside it. It asks the CMS (with the CMS's session cookie; the site sets none) what
 * the reader may see: sign in, join, wait for approval, or the threads. A thread opens at
 * `#thread-<id>` so Back returns to the list. Parts are in conversations/.
 */
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react'
import type { ThreadSummary } from '../../../content-models/conversationsApi'
import { routeOf, threadHash, type Route, type TalkPhase } from './conversations/talkState'
import { ThreadList } from './conversations/ThreadList'
import { ThreadPage } from './conversations/ThreadPage'
import { useTalk } from './conversations/useTalk'

export type ConversationsProps = {
  /** The CMS's API, `${CMS_URL}/api`. */
  api: string
  slug: string
  name: string
}

/** The route in the address bar, following Back and Forward. */
const useRoute = (): Route => {
  const [route, setRoute] = useState<Route>(() => routeOf(window.location.hash))
  useEffect(() => {
    const follow = () => setRoute(routeOf(window.location.hash))
    window.addEventListener('hashchange', follow)
    return () => window.removeEventListener('hashchange', follow)
  }, [])
  return route
}

const Notice = ({ title, children, alert }: { title: string; children: ReactNode; alert?: boolean }) => (
  <div role={alert ? 'alert' : 'status'} className="talk-notice">
    <h2>{title}</h2>
    {children}
  </div>
)

/** What the page says to someone who cannot see the conversations (yet); the page draws the signed-out one. */
export function Refused({
  state,
  slug,
  name,
}: {
  state: Exclude<TalkPhase, { phase: 'ready' }>
  slug: string
  name: string
}) {
  switch (state.phase) {
    case 'checking':
      return <p role="status">Checking whether you are signed in…</p>
    case 'signed-out':
      return (
        <Notice title="Sign in to talk with members">
          <p>
            Only members of {name} can read and write here. <a href="/account/">Sign in</a> with the email
            link we send you. Not a member yet? <a href={`/networks/${slug}/`}>Join {name}</a>.
          </p>
        </Notice>
      )
    case 'not-member':
      return (
        <Notice title={`Join ${name} to talk with its members`}>
          <p>
            Only members of {name} can read and write here. You can join on{' '}
            <a href={`/networks/${slug}/`}>its page</a>: it takes one click when you are signed in.
          </p>
        </Notice>
      )
    case 'awaiting-approval':
      return (
        <Notice title="Waiting for an organiser">
          <p>
            You asked to join {name}. An organiser of this network needs to approve new members first. You can
            read and write here once they have.
          </p>
        </Notice>
      )
    case 'not-found':
      return (
        <Notice title="No conversations here" alert>
          <p>
            {name} does not have conversations. <a href={`/networks/${slug}/`}>Back to {name}</a>.
          </p>
        </Notice>
      )
    case 'unreachable':
      return (
        <Notice title="We cannot show the conversations just now" alert>
          <p>{state.message}</p>
        </Notice>
      )
  }
}

export default function Conversations({ api, slug, name }: ConversationsProps) {
  const { state, reload, setMe, refuse } = useTalk(api, slug)
  const route = useRoute()
  const listHeading = useRef<HTMLHeadingElement>(null)
  const wasThread = useRef(route.view === 'thread')

  // Coming back to the list from a thread: fresh counts, and the focus on the list's heading.
  useEffect(() => {
    if (route.view === 'list' && wasThread.current) {
      void reload()
      listHeading.current?.focus()
    }
    wasThread.current = route.view === 'thread'
  }, [route, reload])

  const started = useCallback((thread: ThreadSummary) => {
    window.location.hash = threadHash(thread.id)
  }, [])

  if (state.phase !== 'ready') return <Refused state={state} slug={slug} name={name} />
  const { data } = state
  if (route.view === 'thread')
    return (
      <ThreadPage api={api} id={route.id} network={data.network} me={data.me} setMe={setMe} refuse={refuse} />
    )
  return (
    <section aria-labelledby="conversations">
      <h2 id="conversations" ref={listHeading} tabIndex={-1}>
        Conversations
      </h2>
      <ThreadList api={api} data={data} setMe={setMe} refuse={refuse} onStarted={started} />
    </section>
  )
}
