/**
 * The words of the weekly review digest, in HTML and plain text, in one place. Titles, dates and
 * admin links only: nothing about readers or members.
 */
import { escapeHtml, type EmailMessage } from '../email/messages/render'
import type { ReviewDashboard, ReviewItem } from './dashboard'

const KIND = { guides: 'guide', templates: 'letter' } as const

const day = (iso: string | null) =>
  iso
    ? new Date(iso).toLocaleDateString('en-GB', {
        day: 'numeric',
        month: 'long',
        year: 'numeric',
        timeZone: 'UTC',
      })
    : ''

/** The sections of the digest, in the order a reviewer should work through them. */
const SECTIONS: {
  key: keyof Pick<ReviewDashboard, 'overdue' | 'awaiting' | 'changed' | 'dueSoon'>
  title: string
  line: (i: ReviewItem) => string
}[] = [
  { key: 'overdue', title: 'Overdue: past their review date', line: (i) => `due ${day(i.reviewDue)}` },
  { key: 'awaiting', title: 'Waiting for a reviewer', line: (i) => `asked ${day(i.requestedAt)}` },
  {
    key: 'changed',
    title: 'Changed since their last review',
    line: (i) => (i.lastReviewed ? `last checked ${day(i.lastReviewed)}` : 'never checked'),
  },
  { key: 'dueSoon', title: 'Due within 30 days', line: (i) => `due ${day(i.reviewDue)}` },
]

/** How many items a digest lists (a document in two sections counts twice). */
export const digestCount = (d: ReviewDashboard): number => SECTIONS.reduce((n, s) => n + d[s.key].length, 0)

/** The digest for one reviewer; `adminUrl` is the CMS's admin address (…/admin). */
export const reviewDigestEmail = (d: ReviewDashboard, adminUrl: string): EmailMessage => {
  const link = (i: ReviewItem) => `${adminUrl}/collections/${i.collection}/${i.id}`
  const parts = SECTIONS.filter((s) => d[s.key].length > 0)
  const subject = `Legal review this week: ${parts.map((s) => `${d[s.key].length} ${s.key === 'dueSoon' ? 'due soon' : s.key}`).join(', ')}`
  const intro = 'Here are the guides and letters to check this week. A worker may rely on them at a tribunal.'
  const outro = `Open the review dashboard to see them all: ${adminUrl}/review`
  const text = [
    intro,
    ...parts.map((s) =>
      [
        `${s.title}:`,
        ...d[s.key].map((i) => `- ${i.title} (${KIND[i.collection]}), ${s.line(i)}: ${link(i)}`),
      ].join('\n'),
    ),
    outro,
  ].join('\n\n')
  const html = `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#1b1b1b">
<p>${escapeHtml(intro)}</p>
${parts
  .map(
    (s) =>
      `<h2 style="font-size:18px">${escapeHtml(s.title)}</h2>\n<ul>${d[s.key]
        .map(
          (i) =>
            `<li><a href="${escapeHtml(link(i))}">${escapeHtml(i.title)}</a> (${KIND[i.collection]}), ${escapeHtml(s.line(i))}</li>`,
        )
        .join('')}</ul>`,
  )
  .join('\n')}
<p><a href="${escapeHtml(`${adminUrl}/review`)}">Open the review dashboard</a></p>
</body></html>`
  return { subject, html, text }
}
