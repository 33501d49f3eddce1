/**
 * The shapes of the conversation endpoints' answers (/api/account/conversations/…), shared by
 * the CMS that sends them and the site's island that reads them. Display names only: no email,
 * real name or employer of another member ever appears here.
 *
 * Endpoints (all need the member's session cookie; CORS with credentials for the site only):
 * - GET    /api/account/conversations/:network            → NetworkConversations (403 NotMember)
 * - PUT    /api/account/conversations/:network/me         { displayName, acceptGuidelines: true,
 *                                                            showNameToOrganisers? } → { status: 'ok', me }
 * - POST   /api/account/conversations/:network/threads    { title, body } → 201 { status: 'posted', thread, message }
 * - GET    /api/account/conversations/threads/:id         → ThreadView
 * - POST   /api/account/conversations/threads/:id/messages { body } → 201 { status: 'posted', message }
 * - PUT | DELETE /api/account/conversations/threads/:id/follow → { status: 'ok', following }
 * - DELETE /api/account/conversations/messages/:id        → { status: 'deleted' } (their own only)
 * - POST   /api/account/conversations/messages/:id/report { reason, note? } → 202 { status: 'reported' }
 * - GET    /api/account/conversations/threads/:id/live    server-sent events (EventSource with
 *   withCredentials); each event's id is the feed position (the browser resumes with
 *   Last-Event-ID). Events: `message` (data: MessageView, new or changed), `removed` (data:
 *   { id }: deleted, hidden or removed: take it off the page), `closed` (data: { reason }: the
 *   member left or was removed; the stream ends and must not be reopened).
 * Errors: 401 { status: 'signed-out' }, 403 { status: 'not-member' | 'awaiting-approval' |
 * 'muted' | 'guidelines' }, 404 { status: 'not-found' }, 422 { status: 'invalid', errors: { field: message } },
 * 429 { status: 'slow-down', message } with Retry-After.
 */
import type { MessageRetention } from './conversations'

export type MessageView = {
  id: number | string
  threadId: number | string
  authorName: string
  /** Plain text as the author wrote it: render as text (links made by the island), never as HTML. */
  body: string
  /** ISO time. */
  at: string
  /** The viewer wrote it (they may delete it). */
  mine: boolean
  /** Only the author sees their own hidden message, marked so. */
  hidden: boolean
}

export type ThreadSummary = {
  id: number | string
  title: string
  authorName: string
  messageCount: number
  lastMessageAt: string
  following: boolean
}

export type MeInNetwork = {
  displayName: string | null
  guidelinesAccepted: boolean
  showNameToOrganisers: boolean
  /** ISO time until which they cannot post, or null. */
  mutedUntil: string | null
}

export type NetworkConversations = {
  status: 'ok'
  network: { slug: string; name: string; guidelines: string | null; messageRetention: MessageRetention }
  me: MeInNetwork
  threads: ThreadSummary[]
}

export type ThreadView = {
  status: 'ok'
  network: { slug: string; name: string }
  thread: ThreadSummary
  messages: MessageView[]
  me: MeInNetwork
  /** The feed position the page is up to date with: open the live stream after it. */
  lastEventId: string
}

export type ConversationRefusal = {
  status:
    'signed-out' | 'not-member' | 'awaiting-approval' | 'muted' | 'guidelines' | 'not-found' | 'slow-down'
  message: string
}
