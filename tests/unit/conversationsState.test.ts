/** The conversations island's plain logic: routes, what the CMS's answers mean, live list changes, counts. */
import { describe, expect, it } from 'vitest'
import type { MessageView } from '../../content-models/conversationsApi'
import { MESSAGE_MAX_CHARS } from '../../content-models/conversations'
import {
  charCount,
  countWords,
  messageProblem,
  mutedWords,
  needsWelcome,
  postErrors,
  refusalPhase,
  removeMessage,
  repliesWords,
  retentionWords,
  routeOf,
  threadHash,
  upsertMessage,
} from '../../site/src/islands/conversations/talkState'

const message = (id: number, at: string, body = `message ${id}`): MessageView => ({
  id,
  threadId: 1,
  authorName: 'Night shift 3',
  body,
  at,
  mine: false,
  hidden: false,
})

describe('routes', () => {
  it('opens a thread from its hash and the list from anything else', () => {
    expect(routeOf(threadHash(42))).toEqual({ view: 'thread', id: '42' })
    expect(routeOf('#thread-65a1f0c2e4b0a1b2c3d4e5f6')).toEqual({
      view: 'thread',
      id: '65a1f0c2e4b0a1b2c3d4e5f6',
    })
    for (const hash of ['', '#', '#conversations', '#thread-', '#thread-1/../2', '#thread-<script>'])
      expect(routeOf(hash)).toEqual({ view: 'list' })
  })
})

describe('what an answer means for the page', () => {
  it('sends a signed-out or erased reader to sign in', () => {
    expect(refusalPhase({ status: 401, body: { status: 'signed-out' } })).toEqual({ phase: 'signed-out' })
    expect(refusalPhase({ status: 410, body: { status: 'erased' } })).toEqual({ phase: 'signed-out' })
  })

  it('tells a non-member to join and a member waiting for approval to wait', () => {
    expect(refusalPhase({ status: 403, body: { status: 'not-member' } })).toEqual({ phase: 'not-member' })
    expect(refusalPhase({ status: 403, body: { status: 'awaiting-approval' } })).toEqual({
      phase: 'awaiting-approval',
    })
  })

  it('lets a success through, and says when the server cannot be reached', () => {
    expect(refusalPhase({ status: 200, body: { status: 'ok' } })).toBeNull()
    expect(refusalPhase({ status: 0, body: { message: 'offline' } })).toEqual({
      phase: 'unreachable',
      message: 'offline',
    })
    expect(refusalPhase({ status: 500, body: {} })).toMatchObject({ phase: 'unreachable' })
  })

  it('asks for a name and the guidelines until both are given', () => {
    expect(needsWelcome({ displayName: null, guidelinesAccepted: false })).toBe(true)
    expect(needsWelcome({ displayName: 'Sam', guidelinesAccepted: false })).toBe(true)
    expect(needsWelcome({ displayName: 'Sam', guidelinesAccepted: true })).toBe(false)
  })

  it('says a muted member cannot post until a time, and nothing once it has passed', () => {
    const now = new Date('2026-12-07T12:00:00Z')
    expect(mutedWords({ mutedUntil: '2026-12-08T12:00:00Z' }, now)).toContain('paused your posting')
    expect(mutedWords({ mutedUntil: '2026-12-06T12:00:00Z' }, now)).toBeNull()
    expect(mutedWords({ mutedUntil: null }, now)).toBeNull()
  })
})

describe('refused posts, in words beside the field', () => {
  it('shows the CMS’s own field errors for a 422', () => {
    expect(
      postErrors({ status: 422, body: { status: 'invalid', errors: { body: 'Too long.' } } }, 'body'),
    ).toEqual({
      body: 'Too long.',
    })
  })

  it('puts a 429, a mute and a missing agreement on the field', () => {
    expect(
      postErrors({ status: 429, body: { status: 'slow-down', message: 'Wait 30 seconds.' } }, 'body'),
    ).toEqual({
      body: 'Wait 30 seconds.',
    })
    expect(postErrors({ status: 403, body: { status: 'muted' } }, 'body').body).toContain(
      'stopped you posting',
    )
    expect(postErrors({ status: 403, body: { status: 'guidelines' } }, 'body').body).toContain('agree')
  })
})

describe('the live list of messages', () => {
  it('adds a message once however often it arrives, oldest first', () => {
    let list: MessageView[] = [message(1, '2026-12-07T10:00:00Z'), message(3, '2026-12-07T10:02:00Z')]
    list = upsertMessage(list, message(2, '2026-12-07T10:01:00Z'))
    list = upsertMessage(list, message(2, '2026-12-07T10:01:00Z'))
    list = upsertMessage(list, { ...message(3, '2026-12-07T10:02:00Z'), hidden: true })
    expect(list.map((m) => m.id)).toEqual([1, 2, 3])
    expect(list[2].hidden).toBe(true)
  })

  it('matches ids whether the server sends them as numbers or text', () => {
    const list = upsertMessage([message(7, '2026-12-07T10:00:00Z')], {
      ...message(7, '2026-12-07T10:00:00Z'),
      id: '7',
    })
    expect(list).toHaveLength(1)
    expect(removeMessage(list, 7)).toEqual([])
    expect(removeMessage([message(8, '2026-12-07T10:00:00Z')], '8')).toEqual([])
  })
})

describe('counts and words', () => {
  it('counts characters as the server does: an emoji is one, end spaces are not counted', () => {
    expect(charCount('  hi 👋  ', MESSAGE_MAX_CHARS)).toEqual({
      used: 4,
      left: MESSAGE_MAX_CHARS - 4,
      over: false,
    })
    expect(charCount('x'.repeat(MESSAGE_MAX_CHARS + 1), MESSAGE_MAX_CHARS).over).toBe(true)
  })

  it('says how many characters are left, or how many too many', () => {
    expect(countWords('', MESSAGE_MAX_CHARS)).toBe('4,000 characters left')
    expect(countWords('x'.repeat(3999), MESSAGE_MAX_CHARS)).toBe('1 character left')
    expect(countWords('x'.repeat(4002), MESSAGE_MAX_CHARS)).toBe('2 characters too many')
  })

  it('refuses an empty or too-long message before sending it', () => {
    expect(messageProblem('   ')).toContain('cannot be empty')
    expect(messageProblem('x'.repeat(4001))).toBe(
      'Your message has 1 character too many: make it shorter, or post it in two parts.',
    )
    expect(messageProblem('Hello')).toBeUndefined()
  })

  it('words replies and retention plainly', () => {
    expect(repliesWords(1)).toBe('no replies yet')
    expect(repliesWords(2)).toBe('1 reply')
    expect(repliesWords(1201)).toBe('1,200 replies')
    expect(retentionWords('30')).toBe('Messages in this network are deleted after 30 days.')
    expect(retentionWords('forever')).toContain('until the person who wrote them deletes them')
  })
})
