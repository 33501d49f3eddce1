/**
 * Starts a member-only page (My account, a network's conversations, starting or supporting a
 * petition) without downloading an island for a reader who is not signed in.
 *
 * The page draws, hidden, what such a reader needs (the sign-in form, or a notice): shown here once
 * the CMS says they are not signed in, and also shown with JavaScript off (noscript.css). Its own
 * small island (the sign-in form's) starts only when the reader uses it. A signed-in member, or a
 * state only the island explains (an erased account, the CMS out of reach), gets the page's island
 * at once: it is what they came for, and nothing else on the page can show it.
 */
import { startOnInteraction, type IslandStart } from './islandLoader'
import { askedByPage, type MemberStatus } from './memberStatus'

export type MemberPageOptions = {
  /** How to start the signed-out part's own island when the reader uses it (none: it is plain HTML). */
  startSignedOut?: IslandStart
  /** Which answers show the signed-out part (default: signed out, or an erased account). */
  showSignedOutFor?: MemberStatus[]
}

/**
 * Asks who is reading, then shows the signed-out part or starts the island. The island's element
 * is `selector` (its data-props carry `api`, the CMS's `${CMS_URL}/api`); the signed-out part,
 * drawn by the server and `hidden` until now, is `${selector}-signed-out`.
 * @example startMemberPage('.account-island', (el) => import('../islands/Account.mount').then((m) => m.mountAccount(el)))
 */
export const startMemberPage = async (
  selector: string,
  start: IslandStart,
  { startSignedOut, showSignedOutFor = ['signed-out', 'erased'] }: MemberPageOptions = {},
): Promise<MemberStatus | undefined> => {
  const island = document.querySelector<HTMLElement>(selector)
  if (!island) return undefined
  const signedOut = document.querySelector<HTMLElement>(`${selector}-signed-out`)
  const { api } = JSON.parse(island.dataset.props ?? '{}') as { api: string }
  const status = await askedByPage(api)
  if (signedOut && showSignedOutFor.includes(status)) {
    signedOut.hidden = false
    if (startSignedOut) startOnInteraction(signedOut, startSignedOut)
    return status
  }
  signedOut?.remove()
  await startOnInteraction(island, start, { now: true })()
  return status
}
