/**
 * Who is reading a member-only page (My account, a network's conversations), asked of the CMS
 * before any island's JavaScript is fetched: a reader who is not signed in downloads none (they
 * get the page's plain HTML), and a signed-in member gets the island at once, because what they
 * came for (their account, their network's threads) is only the island's to show.
 *
 * The question is the probe every visitor may make, GET /api/account/networks: 200 whether signed
 * in or not, so a signed-out reader's browser logs no failed request. The cookie is the CMS's.
 */
import { callApi } from '../islands/account/accountApi'

export type MemberStatus = 'signed-in' | 'signed-out' | 'erased' | 'unreachable'

/** The page's own answer (askedByPage), kept for the island it starts, which would ask again. */
let pageAnswer: Promise<MemberStatus> | undefined

/** Asks as the page opens (site/src/lib/memberPage.ts); the island's first question gets this answer. */
export const askedByPage = (api: string): Promise<MemberStatus> => (pageAnswer = ask(api))

/**
 * Whether this browser is signed in (`api` is `${CMS_URL}/api`). Never throws. The first call
 * after the page asked gets the page's answer, so a member's page asks the CMS once; every later
 * call (after a change, a sign-out) asks again.
 */
export const memberStatus = (api: string): Promise<MemberStatus> => {
  const answer = pageAnswer ?? ask(api)
  pageAnswer = undefined
  return answer
}

const ask = async (api: string): Promise<MemberStatus> => {
  const probe = await callApi(api, '/account/networks')
  if (probe.status !== 200) return 'unreachable'
  if (probe.body.status === 'ok') return 'signed-in'
  return probe.body.status === 'erased' ? 'erased' : 'signed-out'
}
