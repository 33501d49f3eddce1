/**
 * An open thread (`#thread-<id>`): its messages oldest first, kept up to date by the live stream
 * (useThread), following it, and the reply form (or, before a first post, the welcome step). New
 * messages from others are read out politely from one small live region, not the whole list.
 */
import { useEffect, useRef } from 'react'
import type { MeInNetwork, NetworkConversations } from '../../../../content-models/conversationsApi'
import { FollowButton } from './FollowButton'
import { MessageItem } from './MessageItem'
import { ReplyForm } from './PostForms'
import { Posting } from './Posting'
import type { Answer } from './talkState'
import { type LiveState, useThread } from './useThread'

export type ThreadPageProps = {
  api: string
  id: string
  network: NetworkConversations['network']
  me: MeInNetwork
  setMe: (me: MeInNetwork) => void
  refuse: (answer: Answer) => boolean
}

const LIVE_WORDS: Record<LiveState, string> = {
  connecting: 'Connecting…',
  live: 'New messages appear here by themselves.',
  reconnecting: 'Connection lost. Trying again…',
  stopped: 'New messages are not arriving. Reload the page to see them.',
}

const BackLink = ({ name }: { name: string }) => (
  <p>
    <a href="#conversations">← All conversations in {name}</a>
  </p>
)

export function ThreadPage({ api, id, network, me, setMe, refuse }: ThreadPageProps) {
  const t = useThread(api, id, refuse)
  const heading = useRef<HTMLHeadingElement>(null)
  const opened = t.state.phase === 'open'
  useEffect(() => {
    if (opened) heading.current?.focus()
  }, [opened])

  if (t.state.phase === 'loading') return <p role="status">Opening the conversation…</p>
  if (t.state.phase !== 'open')
    return (
      <div role="alert">
        <h2>We cannot show this conversation</h2>
        <p>
          {t.state.phase === 'missing'
            ? 'It is not here any more: it may have been deleted.'
            : t.state.message}
        </p>
        <BackLink name={network.name} />
      </div>
    )
  const { thread, messages } = t.state.view
  return (
    <article className="talk-thread" aria-labelledby="thread-heading">
      <BackLink name={network.name} />
      <h2 id="thread-heading" ref={heading} tabIndex={-1}>
        {thread.title}
      </h2>
      <p className="small">Started by {thread.authorName}</p>
      <FollowButton api={api} thread={thread} refuse={refuse} onChange={t.setFollowing} />
      <h3 className="visually-hidden">Messages</h3>
      {messages.length === 0 ? (
        <p>There are no messages here now.</p>
      ) : (
        <ol className="talk-messages">
          {messages.map((m) => (
            <MessageItem
              key={m.id}
              api={api}
              message={m}
              refuse={refuse}
              onDeleted={(messageId) => {
                t.remove(messageId)
                t.setAnnouncement('Your message was deleted.')
                heading.current?.focus()
              }}
            />
          ))}
        </ol>
      )}
      <p className="small talk-live-state">{t.closed ? '' : LIVE_WORDS[t.live]}</p>
      <div className="visually-hidden" aria-live="polite" aria-atomic="true">
        {t.announcement}
      </div>
      {t.closed ? (
        <div role="alert" className="warning">
          <p>This conversation has stopped updating: {t.closed}</p>
        </div>
      ) : (
        <Posting api={api} network={network} me={me} setMe={setMe} refuse={refuse}>
          <ReplyForm
            api={api}
            refuse={refuse}
            postingAs={me.displayName ?? ''}
            threadId={thread.id}
            onPosted={(m) => {
              t.add(m)
              t.setAnnouncement('Your reply was posted.')
            }}
          />
        </Posting>
      )}
    </article>
  )
}
