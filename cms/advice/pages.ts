/**
 * The CMS's own pages for askers: the conversation for a reader without JavaScript (reached by
 * posting the private code, so it never sits in an address), the page for a link that opens
 * nothing, and the buttons behind the email's two links. Wording is here, in plain English.
 */
import { QUESTION_MAX_CHARS } from '../../content-models/conversations'
import { page } from '../api/pages'
import { escapeHtml as e } from '../email/messages/render'
import { siteUrl } from '../members/tokens'
import type { ConversationView, EntryView } from './conversation'
import type { QuestionLinkPurpose } from './notify'

const when = (iso: string | null) =>
  iso
    ? new Date(iso).toLocaleString('en-GB', {
        day: 'numeric',
        month: 'long',
        year: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        timeZone: 'Europe/London',
      })
    : ''

/** Plain text as HTML paragraphs (escaped: nothing a person typed is ever HTML). */
export const paragraphs = (text: string) =>
  text
    .split(/\n{2,}/)
    .map((p) => `<p>${e(p).replace(/\n/g, '<br>')}</p>`)
    .join('')

const entryHtml = (entry: EntryView, notice: string) => {
  const who = entry.from === 'adviser' ? 'Adviser' : 'You'
  const links = entry.attachments.length
    ? `<p>Read with this reply:</p><ul>${entry.attachments.map((a) => `<li><a href="${e(a.url)}">${e(a.title)}</a> (${a.kind})</li>`).join('')}</ul>`
    : ''
  const note = entry.from === 'adviser' ? `<p><strong>${e(notice)}</strong></p>` : ''
  return `<section><h2>${who}, ${e(when(entry.at))}</h2>${paragraphs(entry.body)}${links}${note}</section>`
}

/** Where a question stands, in words. */
export const stateWords = (v: Pick<ConversationView, 'state' | 'expectedReplyWords'>): string => {
  if (v.state === 'closed') return 'This question is closed. To ask something new, ask a new question.'
  if (v.state === 'answered') return 'An adviser has replied. You can add a follow-up below.'
  return `Waiting for an adviser. Advisers usually reply within 3 working days${v.expectedReplyWords ? `: by ${v.expectedReplyWords}` : ''}.`
}

/** The conversation, with a follow-up form that carries the code in its body (not the address). */
export const conversationPage = (v: ConversationView, token: string, action: string, added = false) =>
  page(
    'Your question to an adviser',
    `${added ? '<p role="status"><strong>Your message is sent.</strong></p>' : ''}<p>${e(stateWords(v))}</p>${v.entries.map((x) => entryHtml(x, v.notice)).join('')}${
      v.canFollowUp
        ? `<form method="post" action="${e(action)}"><input type="hidden" name="token" value="${e(token)}"><p><label for="body">Add a follow-up</label></p><p><textarea id="body" name="body" rows="6" cols="40" maxlength="${QUESTION_MAX_CHARS}" required></textarea></p><button type="submit">Send my follow-up</button></form>`
        : ''
    }<p><a href="${e(siteUrl())}/ask/">Ask a new question</a></p>`,
  )

/** The code opens nothing: the same page for a wrong code and a question that is gone. */
export const noQuestionPage = () =>
  page(
    'We cannot find this question',
    `<p>The private link or code may be copied only in part, or the question was deleted (we delete questions 12 months after they are closed).</p><p><a href="${e(siteUrl())}/ask/">Ask a new question</a></p>`,
  )

const LINK = {
  'stop-emails': {
    title: 'Stop emails about this question',
    lead: 'Press the button and we will not email you about this question again. Your question and any replies stay at your private link.',
    button: 'Stop these emails',
    done: 'Done. We will not email you about this question again.',
  },
  erase: {
    title: 'Delete this question',
    lead: 'Press the button to delete your question and every reply now. This cannot be undone.',
    button: 'Delete my question',
    done: 'Your question and every reply are deleted.',
  },
} as const

/** The page an emailed link opens: a button, nothing done yet. */
export const questionLinkPage = (purpose: QuestionLinkPurpose, action: string) =>
  page(
    LINK[purpose].title,
    `<p>${e(LINK[purpose].lead)}</p><form method="post" action="${e(action)}"><button${purpose === 'erase' ? ' class="danger"' : ''} type="submit">${e(LINK[purpose].button)}</button></form>`,
  )

/** After the button. */
export const questionLinkDonePage = (purpose: QuestionLinkPurpose) =>
  page(
    LINK[purpose].title,
    `<p>${e(LINK[purpose].done)}</p><p><a href="${e(siteUrl())}/">Go to the Better Work website</a></p>`,
  )
