/**
 * The network's threads, most recently active first as the CMS sends them: title (a link to
 * `#thread-<id>`), who started it (display name), replies and last activity; then the form to
 * start one (or the welcome step before a first post).
 */
import type {
  MeInNetwork,
  NetworkConversations,
  ThreadSummary,
} from '../../../../content-models/conversationsApi'
import { NewThreadForm } from './PostForms'
import { Posting } from './Posting'
import { repliesWords, retentionWords, threadHash, whenWords, type Answer } from './talkState'

export type ThreadListProps = {
  api: string
  data: NetworkConversations
  setMe: (me: MeInNetwork) => void
  refuse: (answer: Answer) => boolean
  onStarted: (thread: ThreadSummary) => void
}

const ThreadItem = ({ thread }: { thread: ThreadSummary }) => (
  <li className="talk-thread-item">
    <h3>
      <a href={threadHash(thread.id)}>{thread.title}</a>
    </h3>
    <p className="small">
      Started by {thread.authorName} · {repliesWords(thread.messageCount)} · last message{' '}
      <time dateTime={thread.lastMessageAt}>{whenWords(thread.lastMessageAt)}</time>
      {thread.following && ' · you follow it'}
    </p>
  </li>
)

export function ThreadList({ api, data, setMe, refuse, onStarted }: ThreadListProps) {
  const { network, me, threads } = data
  return (
    <>
      <p className="small">{retentionWords(network.messageRetention)}</p>
      {threads.length === 0 ? (
        <p>Nobody has started a conversation here yet. You can be the first.</p>
      ) : (
        <ul className="talk-threads">
          {threads.map((t) => (
            <ThreadItem key={t.id} thread={t} />
          ))}
        </ul>
      )}
      <Posting api={api} network={network} me={me} setMe={setMe} refuse={refuse}>
        <NewThreadForm
          api={api}
          refuse={refuse}
          postingAs={me.displayName ?? ''}
          network={network.slug}
          onStarted={onStarted}
        />
      </Posting>
    </>
  )
}
