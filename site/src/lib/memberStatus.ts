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

/** Asks the CMS (`api` is `${CMS_URL}/api`) whether this browser is signed in. Never throws. */
export const memberStatus = async (api: string): Promise<MemberStatus> => {
  const probe = await callApi(api, '/account/networks')
  if (probe.status !== 200) return 'unreachable'
  if (probe.body.status === 'ok') return 'signed-in'
  return probe.body.status === 'erased' ? 'erased' : 'signed-out'
}
