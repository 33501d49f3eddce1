/**
 * Ask an adviser's calls to the CMS and the answer shapes (the same as cms/advice/conversation.ts
 * sends). Public calls carry no cookie; My account's carry the member's (credentials: include).
 * Never throws: a network failure is status 0.
 */

/** A guide or letter sent with a reply. */
export type AttachmentView = { kind: 'guide' | 'letter'; title: string; url: string }

/** One message of the conversation. */
export type EntryView = {
  from: 'asker' | 'adviser'
  body: string
  at: string | null
  attachments: AttachmentView[]
}

/** A question as its asker sees it. */
export type ConversationView = {
  id: number | string
  state: 'open' | 'claimed' | 'answered' | 'closed'
  summary: string
  nation: string
  topic: string | null
  askedAt: string
  expectedReplyBy: string | null
  expectedReplyWords: string | null
  entries: EntryView[]
  notice: string
  canFollowUp: boolean
}

/** What the CMS answered. */
export type AskAnswer = {
  status: number
  body: {
    status?: string
    message?: string
    errors?: Record<string, string>
    question?: ConversationView
    questions?: ConversationView[]
    replyUrl?: string
  }
}

/** Sends JSON to the CMS (or GETs when `body` is undefined). */
export const callCms = async (
  url: string,
  body?: unknown,
  credentials: RequestCredentials = 'omit',
): Promise<AskAnswer> => {
  try {
    const res = await fetch(url, {
      method: body === undefined ? 'GET' : 'POST',
      credentials,
      cache: 'no-store',
      headers: {
        Accept: 'application/json',
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    return { status: res.status, body: (await res.json().catch(() => ({}))) as AskAnswer['body'] }
  } catch {
    return {
      status: 0,
      body: { message: 'We could not reach our server. Check your internet connection and try again.' },
    }
  }
}
