/**
 * Where a member writes: a note when a moderator has paused their posting, the welcome step
 * (name and guidelines) before their first post, or else the form it wraps.
 */
import type { ReactNode } from 'react'
import type { MeInNetwork, NetworkConversations } from '../../../../content-models/conversationsApi'
import { mutedWords, needsWelcome, type Answer } from './talkState'
import { Welcome } from './Welcome'

export type PostingProps = {
  api: string
  network: NetworkConversations['network']
  me: MeInNetwork
  setMe: (me: MeInNetwork) => void
  refuse: (answer: Answer) => boolean
  children: ReactNode
}

export function Posting({ api, network, me, setMe, refuse, children }: PostingProps) {
  const muted = mutedWords(me)
  if (muted) return <p className="warning">{muted}</p>
  if (needsWelcome(me)) return <Welcome api={api} network={network} me={me} onDone={setMe} refuse={refuse} />
  return <>{children}</>
}
