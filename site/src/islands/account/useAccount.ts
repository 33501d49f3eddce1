/**
 * My account's state: checking, signed out, signed in (with what the CMS holds), erased, or the
 * CMS out of reach. `act` runs one change and reloads the account, so every section shows what is
 * stored, not what was typed.
 */
import { useCallback, useEffect, useState } from 'react'
import { memberStatus } from '../../lib/memberStatus'
import { type AccountData, type ApiAnswer, callApi } from './accountApi'

export type AccountPhase =
  | { phase: 'checking' }
  | { phase: 'signed-out' }
  | { phase: 'signed-in'; data: AccountData }
  | { phase: 'erased'; message: string; kept: string[] }
  | { phase: 'unreachable'; message: string }

/** What the sections get: the API base, and one way to change something. */
export type AccountActions = {
  api: string
  /** Sends one change; a 401 or 410 moves the page to signed out or erased; a 2xx reloads the account. */
  act: (method: string, path: string, body?: unknown) => Promise<ApiAnswer>
}

const ERASED =
  'This account no longer exists: it was erased, so we hold nothing about you any more. You can join again at any time.'

export const useAccount = (api: string) => {
  const [state, setState] = useState<AccountPhase>({ phase: 'checking' })

  const settle = useCallback((answer: ApiAnswer): boolean => {
    if (answer.status === 401) setState({ phase: 'signed-out' })
    else if (answer.status === 410)
      setState({ phase: 'erased', message: answer.body.message ?? ERASED, kept: [] })
    else if (answer.status === 0) setState({ phase: 'unreachable', message: answer.body.message ?? '' })
    else return false
    return true
  }, [])

  const load = useCallback(async () => {
    // First the probe every visitor may make (200 whether signed in or not), so a signed-out
    // visitor's browser logs no failed request; then the account itself.
    const status = await memberStatus(api)
    if (status === 'signed-out') return setState({ phase: 'signed-out' })
    if (status === 'erased') return setState({ phase: 'erased', message: ERASED, kept: [] })
    const answer = await callApi<AccountData>(api, '/account/me')
    if (settle(answer)) return
    if (answer.status === 200) setState({ phase: 'signed-in', data: answer.body })
    else
      setState({ phase: 'unreachable', message: answer.body.message ?? 'Something went wrong on our side.' })
  }, [api, settle])

  useEffect(() => {
    void load()
  }, [load])

  const act = useCallback(
    async (method: string, path: string, body?: unknown) => {
      const answer = await callApi(api, path, method, body)
      if (!settle(answer) && answer.status >= 200 && answer.status < 300) await load()
      return answer
    },
    [api, load, settle],
  )

  return { state, setState, act, reload: load }
}
