/**
 * The conversations island's plain logic, kept apart from React so it is tested alone: where the
 * reader is (the URL's hash), what the CMS's answer means for the page, the list of messages as
 * live events change it, and what to say about a refused post.
 */
import { MESSAGE_MAX_CHARS } from '../../../../content-models/conversations'
import type { MessageView, NetworkConversations } from '../../../../content-models/conversationsApi'

/** What the CMS answered: its status and JSON body (the island's calls never throw). */
export type Answer<T = Record<string, unknown>> = {
  status: number
  body: T & { status?: string; message?: string; errors?: Record<string, string> }
}

/** Where the reader is: the list of threads, or one thread (`#thread-<id>`, so Back works). */
export type Route = { view: 'list' } | { view: 'thread'; id: string }

/** The route a URL hash names; anything else is the list. */
export const routeOf = (hash: string): Route => {
  const m = /^#thread-([A-Za-z0-9_-]{1,64})$/.exec(hash)
  return m ? { view: 'thread', id: m[1] } : { view: 'list' }
}

/** The hash of a thread's address. */
export const threadHash = (id: number | string): string => `#thread-${id}`

/** What the page shows, from the CMS's answers. */
export type TalkPhase =
  | { phase: 'checking' }
  | { phase: 'signed-out' }
  | { phase: 'not-member' }
  | { phase: 'awaiting-approval' }
  | { phase: 'not-found' }
  | { phase: 'unreachable'; message: string }
  | { phase: 'ready'; data: NetworkConversations }

const UNREACHABLE = 'We could not reach our server. Check your internet connection and try again.'

/** The phase an answer about the network (or a thread in it) puts the page in; null when it is a success. */
export const refusalPhase = (answer: Answer): Exclude<TalkPhase, { phase: 'ready' | 'checking' }> | null => {
  const { status, body } = answer
  if (status === 401 || status === 410) return { phase: 'signed-out' }
  if (status === 403 && body.status === 'awaiting-approval') return { phase: 'awaiting-approval' }
  if (status === 403 && body.status === 'not-member') return { phase: 'not-member' }
  if (status === 404) return { phase: 'not-found' }
  if (status >= 200 && status < 300) return null
  if (status === 0) return { phase: 'unreachable', message: body.message ?? UNREACHABLE }
  return {
    phase: 'unreachable',
    message: body.message ?? 'Something went wrong on our side. Please try again in a few minutes.',
  }
}

/** Whether the member still has to choose a name and agree to the guidelines before posting. */
export const needsWelcome = (me: { displayName: string | null; guidelinesAccepted: boolean }): boolean =>
  !me.displayName || !me.guidelinesAccepted

/** Sorts oldest first (by time, then id for messages of the same moment). */
const byTime = (a: MessageView, b: MessageView): number =>
  a.at === b.at ? String(a.id).localeCompare(String(b.id), 'en', { numeric: true }) : a.at < b.at ? -1 : 1

/** The list with `message` in it once (a new one added, a changed one replaced), oldest first. */
export const upsertMessage = (list: readonly MessageView[], message: MessageView): MessageView[] => {
  const rest = list.filter((m) => String(m.id) !== String(message.id))
  return [...rest, message].sort(byTime)
}

/** The list without the message of this id. */
export const removeMessage = (list: readonly MessageView[], id: number | string): MessageView[] =>
  list.filter((m) => String(m.id) !== String(id))

/**
 * Characters typed, and how many are left (negative when over), counted as the server counts: by
 * character (an emoji is one), without the spaces at either end.
 */
export const charCount = (text: string, max: number): { used: number; left: number; over: boolean } => {
  const used = [...text.trim()].length
  return { used, left: max - used, over: used > max }
}

/** What the live count under a text box says. */
export const countWords = (text: string, max: number): string => {
  const { left } = charCount(text, max)
  const n = Math.abs(left).toLocaleString('en-GB')
  if (left < 0) return `${n} ${Math.abs(left) === 1 ? 'character' : 'characters'} too many`
  return `${n} ${left === 1 ? 'character' : 'characters'} left`
}

/** What is wrong with a message before it is sent (empty, or longer than `max`), or undefined. */
export const messageProblem = (value: string, max = MESSAGE_MAX_CHARS): string | undefined => {
  const { used, over } = charCount(value, max)
  if (used === 0) return 'Write a message first: it cannot be empty.'
  if (over) return `Your message has ${countWords(value, max)}: make it shorter, or post it in two parts.`
  return undefined
}

/** Why a post was refused, in words, for the field it belongs to (`form` when it is not one field). */
export const postErrors = (answer: Answer, field: string): Record<string, string> => {
  const { status, body } = answer
  if (status === 422 && body.errors && Object.keys(body.errors).length > 0) return body.errors
  if (status === 429)
    return { [field]: body.message ?? 'You are posting very fast. Wait a minute, then try again.' }
  if (status === 403 && body.status === 'muted')
    return { [field]: body.message ?? 'A moderator has stopped you posting in this network for a while.' }
  if (status === 403 && body.status === 'guidelines')
    return { [field]: 'Please choose your name and agree to the guidelines first.' }
  if (status === 0) return { [field]: body.message ?? UNREACHABLE }
  return { [field]: body.message ?? 'Your message was not sent. Please try again in a few minutes.' }
}

/** "no replies", "1 reply", "12 replies": a thread's messages after its first. */
export const repliesWords = (messageCount: number): string => {
  const n = Math.max(0, messageCount - 1)
  return n === 0 ? 'no replies yet' : n === 1 ? '1 reply' : `${n.toLocaleString('en-GB')} replies`
}

/** A time as people read it: "7 Dec 2026, 14:05", in the reader's own time zone. */
export const whenWords = (iso: string): string => {
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return ''
  return d.toLocaleString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  })
}

/** How long the network keeps messages, in a sentence. */
export const retentionWords = (retention: string): string =>
  retention === 'forever'
    ? 'This network keeps messages until the person who wrote them deletes them.'
    : `Messages in this network are deleted after ${retention} days.`

/** Why the member cannot post just now (a moderator muted them), or null. */
export const mutedWords = (me: { mutedUntil: string | null }, now: Date = new Date()): string | null => {
  if (!me.mutedUntil) return null
  const until = new Date(me.mutedUntil)
  if (Number.isNaN(until.getTime()) || until <= now) return null
  return `A moderator has paused your posting in this network until ${whenWords(me.mutedUntil)}. You can still read.`
}
