/**
 * The review dashboard at /admin/review (a custom admin view, registered in cms/config.ts):
 * overdue, due within 30 days, awaiting review, changed since the last review, scheduled, and
 * publishes made without a review; ?reviewer=<id> shows one reviewer's share. Editors,
 * reviewers and admins only. The data comes from cms/review/dashboard.ts.
 */
import type { AdminViewServerProps } from 'payload'
import { DefaultTemplate } from '@payloadcms/next/templates'
import { Gutter } from '@payloadcms/ui'
import { hasRole } from '../../../../content-models/access/roles'
import { reviewDashboard } from '../../../review/dashboard'
import { ItemTable, ReviewerFilter, ScheduledTable, WithoutReviewTable } from './tables'

export async function ReviewDashboard({ initPageResult, params, searchParams }: AdminViewServerProps) {
  const { req, permissions, locale, visibleEntities } = initPageResult
  const { payload, user } = req
  const allowed = hasRole(user, 'admin', 'editor', 'reviewer')
  const reviewerParam = Number(searchParams?.reviewer)
  const reviewer = Number.isInteger(reviewerParam) && reviewerParam > 0 ? reviewerParam : null
  const adminRoute = payload.config.routes.admin
  const data = allowed ? await reviewDashboard(payload, { reviewer }) : null
  const reviewers = allowed
    ? (
        await payload.find({
          collection: 'users',
          where: { roles: { contains: 'reviewer' } },
          pagination: false,
          depth: 0,
          overrideAccess: true,
        })
      ).docs.map((u) => ({ id: u.id, name: u.name || `Reviewer ${u.id}` }))
    : []
  return (
    <DefaultTemplate
      i18n={req.i18n}
      locale={locale}
      params={params}
      payload={payload}
      permissions={permissions}
      searchParams={searchParams}
      user={user ?? undefined}
      visibleEntities={visibleEntities}
    >
      <Gutter>
        <h1>Legal review</h1>
        {!data ? (
          <p>Only editors, legal reviewers and admins can see the review dashboard.</p>
        ) : (
          <>
            <ReviewerFilter reviewers={reviewers} current={reviewer} adminRoute={adminRoute} />
            <ItemTable
              title="Overdue"
              empty="Nothing is past its review date."
              items={data.overdue}
              adminRoute={adminRoute}
            />
            <ItemTable
              title="Due within 30 days"
              empty="Nothing is due within 30 days."
              items={data.dueSoon}
              adminRoute={adminRoute}
            />
            <ItemTable
              title="Awaiting review"
              empty="No one is waiting for a review."
              items={data.awaiting}
              adminRoute={adminRoute}
            />
            <ItemTable
              title="Changed since last review"
              empty="No legal text changed since its last review."
              items={data.changed}
              adminRoute={adminRoute}
            />
            <ScheduledTable items={data.scheduled} adminRoute={adminRoute} />
            <WithoutReviewTable items={data.withoutReview} adminRoute={adminRoute} />
          </>
        )}
      </Gutter>
    </DefaultTemplate>
  )
}
