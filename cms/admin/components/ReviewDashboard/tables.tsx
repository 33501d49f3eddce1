/** The review dashboard's tables and reviewer filter: plain server-rendered HTML. */
import type { ReviewDashboard, ReviewItem } from '../../../review/dashboard'

const KIND: Record<string, string> = { guides: 'Guide', templates: 'Letter' }
const day = (iso: string | null | undefined) =>
  iso
    ? new Date(iso).toLocaleDateString('en-GB', {
        day: 'numeric',
        month: 'short',
        year: 'numeric',
        timeZone: 'UTC',
      })
    : '–'
const when = (iso: string | null | undefined) =>
  iso
    ? new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }) +
      ' UTC'
    : '–'
const docLink = (adminRoute: string, collection: string, id: string | number) =>
  `${adminRoute}/collections/${collection}/${id}`

const tableStyle = { width: '100%', borderCollapse: 'collapse', margin: '0 0 2rem' } as const
const cell = {
  textAlign: 'left',
  padding: '0.4rem 0.6rem',
  borderBottom: '1px solid var(--theme-elevation-150)',
} as const

export function ReviewerFilter({
  reviewers,
  current,
  adminRoute,
}: {
  reviewers: { id: number; name: string }[]
  current: number | null
  adminRoute: string
}) {
  return (
    <form method="get" action={`${adminRoute}/review`} style={{ margin: '0 0 1.5rem' }}>
      <label htmlFor="reviewer">Show the work of </label>
      <select id="reviewer" name="reviewer" defaultValue={current ?? ''}>
        <option value="">every reviewer</option>
        {reviewers.map((r) => (
          <option key={r.id} value={r.id}>
            {r.name}
          </option>
        ))}
      </select>{' '}
      <button type="submit" className="btn btn--style-secondary btn--size-small">
        Show
      </button>
    </form>
  )
}

export function ItemTable({
  title,
  empty,
  items,
  adminRoute,
}: {
  title: string
  empty: string
  items: ReviewItem[]
  adminRoute: string
}) {
  return (
    <section aria-label={title}>
      <h2>
        {title} ({items.length})
      </h2>
      {items.length === 0 ? (
        <p>{empty}</p>
      ) : (
        <table style={tableStyle}>
          <thead>
            <tr>
              {['Title', 'Kind', 'Status', 'Last reviewed', 'Review due', 'Review state', 'Note'].map((h) => (
                <th key={h} style={cell}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {items.map((i) => (
              <tr key={`${i.collection}-${i.id}`}>
                <td style={cell}>
                  <a href={docLink(adminRoute, i.collection, i.id)}>{i.title}</a>
                </td>
                <td style={cell}>{KIND[i.collection]}</td>
                <td style={cell}>{i.status}</td>
                <td style={cell}>{day(i.lastReviewed)}</td>
                <td style={cell}>{day(i.reviewDue)}</td>
                <td style={cell}>{i.state.replace('-', ' ')}</td>
                <td style={cell}>{i.comment ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}

export function ScheduledTable({
  items,
  adminRoute,
}: {
  items: ReviewDashboard['scheduled']
  adminRoute: string
}) {
  return (
    <section aria-label="Scheduled">
      <h2>Scheduled ({items.length})</h2>
      {items.length === 0 ? (
        <p>Nothing is scheduled to publish or unpublish.</p>
      ) : (
        <ul>
          {items.map((s) => (
            <li key={`${s.collection}-${s.id}-${s.at}`}>
              {when(s.at)}: {s.type}{' '}
              <a href={docLink(adminRoute, s.collection, s.id)}>
                {s.collection}/{s.id}
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

export function WithoutReviewTable({
  items,
  adminRoute,
}: {
  items: ReviewDashboard['withoutReview']
  adminRoute: string
}) {
  return (
    <section aria-label="Published without a review">
      <h2>Published without a review ({items.length})</h2>
      {items.length === 0 ? (
        <p>Every legal change published so far was approved by a reviewer.</p>
      ) : (
        <ul>
          {items.map((l) => (
            <li key={l.id}>
              {when(l.createdAt)}: {l.action === 'override' ? 'admin override' : 'typo fix'} on{' '}
              <a href={docLink(adminRoute, l.docCollection, l.docId)}>
                {l.docTitle || `${l.docCollection}/${l.docId}`}
              </a>
              {l.note ? ` — ${l.note}` : ''} (user {typeof l.by === 'object' && l.by ? l.by.id : l.by})
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
