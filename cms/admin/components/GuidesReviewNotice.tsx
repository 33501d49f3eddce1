/**
 * Above the Guides list in the admin: how many guides are past their review-due date, with a link
 * to just those. Rendered on the server (Payload passes it the Payload instance).
 */
import type { Payload } from 'payload'
import { pastReviewDueListUrl, pastReviewDueWhere } from '../../../content-models/collections/guides/review'

type Props = { payload?: Payload }

export async function GuidesReviewNotice({ payload }: Props) {
  if (!payload) return null
  const { totalDocs } = await payload.count({
    collection: 'guides',
    where: pastReviewDueWhere(),
    overrideAccess: true,
  })
  if (totalDocs === 0) return null
  const href = pastReviewDueListUrl(payload.config.routes.admin)
  return (
    <div
      role="status"
      style={{
        border: '2px solid var(--theme-warning-500, #b26b00)',
        padding: '0.75rem 1rem',
        margin: '0 0 1rem',
        borderRadius: 4,
      }}
    >
      <strong>{totalDocs === 1 ? '1 guide is' : `${totalDocs} guides are`} past the review-due date.</strong>{' '}
      <a href={href}>Show the guides to review</a>. A legal reviewer should check each one and tick “Mark as
      reviewed today”.
    </div>
  )
}
