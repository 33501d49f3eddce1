/**
 * The network's conversations as the CMS answers for the signed-in member: first the probe every
 * visitor may make (200 signed in or not, so a signed-out reader's browser logs no failed request
 * and gets no cookie), then the network's threads. `setMe` keeps the member's name and agreement
 * after they change it; `refuse` moves the page to a state a later answer showed (signed out…).
 */
import { useCallback, useEffect, useState } from 'react'
import type { MeInNetwork, NetworkConversations } from '../../../../content-models/conversationsApi'
import { memberStatus } from '../../lib/memberStatus'
import { callApi } from '../account/accountApi'
import { refusalPhase, type Answer, type TalkPhase } from './talkState'

/** The CMS paths of a network's conversations. */
export const talkPaths = {
  network: (slug: string) => `/account/conversations/${encodeURIComponent(slug)}`,
  me: (slug: string) => `/account/conversations/${encodeURIComponent(slug)}/me`,
  threads: (slug: string) => `/account/conversations/${encodeURIComponent(slug)}/threads`,
  thread: (id: string | number) => `/account/conversations/threads/${encodeURIComponent(String(id))}`,
  messages: (id: string | number) => `${talkPaths.thread(id)}/messages`,
  follow: (id: string | number) => `${talkPaths.thread(id)}/follow`,
  live: (id: string | number) => `${talkPaths.thread(id)}/live`,
  message: (id: string | number) => `/account/conversations/messages/${encodeURIComponent(String(id))}`,
  report: (id: string | number) => `${talkPaths.message(id)}/report`,
}

export const useTalk = (api: string, slug: string) => {
  const [state, setState] = useState<TalkPhase>({ phase: 'checking' })

  const load = useCallback(async () => {
    const status = await memberStatus(api)
    if (status === 'signed-out' || status === 'erased') return setState({ phase: 'signed-out' })
    const answer = await callApi<NetworkConversations>(
      api,
      talkPaths.network(slug),
      'GET',
      undefined,
      'include',
      'no-store',
    )
    const refused = refusalPhase(answer)
    if (refused) setState(refused)
    else if (answer.body.status === 'ok') setState({ phase: 'ready', data: answer.body })
    else
      setState({ phase: 'unreachable', message: 'Something went wrong on our side. Please try again soon.' })
  }, [api, slug])

  useEffect(() => {
    void load()
  }, [load])

  const setMe = useCallback((me: MeInNetwork) => {
    setState((s) => (s.phase === 'ready' ? { phase: 'ready', data: { ...s.data, me } } : s))
  }, [])

  /** Moves the page to what a refused answer means; true when it did (the caller stops there). */
  const refuse = useCallback((answer: Answer): boolean => {
    const refused = refusalPhase(answer)
    if (!refused || refused.phase === 'unreachable' || refused.phase === 'not-found') return false
    setState(refused)
    return true
  }, [])

  return { state, reload: load, setMe, refuse }
}
