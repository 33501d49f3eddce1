/**
 * The signature count, progress towards the goal and the next milestone (what happens there), and
 * the milestones reached. The numbers built into the page are shown first; with JavaScript the
 * island asks the CMS for the latest count as soon as the page opens, then every 10 seconds while
 * the page is visible (PetitionCountFeed.ts, shared with the chart).
 */
import { useEffect, useState } from 'react'
import { nextMilestone, type MilestoneView } from '../../../content-models/collections/Petitions/progress'
import { subscribeToCount } from './PetitionCountFeed'

export { POLL_MS } from './PetitionCountFeed'

export type PetitionCountProps = {
  countUrl: string
  initial: number
  goal: number
  open: boolean
  /** Milestones in order of count, as built (refreshed with the count). */
  milestones?: MilestoneView[]
}

const n = (x: number) => x.toLocaleString('en-GB')
const day = (iso: string) =>
  new Date(iso).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  })

function NextMilestone({ count, next }: { count: number; next: MilestoneView }) {
  const left = next.count - count
  return (
    <div className="next-milestone">
      <p>
        <strong>Next milestone: {n(next.count)} signatures.</strong> {next.whatHappens}
      </p>
      <progress
        max={next.count}
        value={count}
        aria-label={`${n(count)} of ${n(next.count)} signatures for the next milestone`}
      />
      <p className="small">
        {n(left)} more {left === 1 ? 'signature' : 'signatures'} to go.
      </p>
    </div>
  )
}

export default function PetitionCount({
  countUrl,
  initial,
  goal,
  open,
  milestones = [],
}: PetitionCountProps) {
  const [live, setLive] = useState({ count: initial, milestones })
  useEffect(
    () =>
      subscribeToCount(countUrl, open, (c) => setLive({ count: c.count, milestones: c.milestones ?? [] })),
    [countUrl, open],
  )
  const { count } = live
  const next = open ? nextMilestone(live.milestones, count) : null
  const reached = live.milestones.filter((m) => m.reachedAt)
  return (
    <div className="petition-count">
      <p className="count-number">
        <strong data-count>{n(count)}</strong> {count === 1 ? 'signature' : 'signatures'}
      </p>
      <progress
        max={goal}
        value={Math.min(count, goal)}
        aria-label={`${n(count)} of a goal of ${n(goal)} signatures`}
      />
      <p className="small">Goal: {n(goal)} signatures</p>
      {next && <NextMilestone count={count} next={next} />}
      {reached.length > 0 && (
        <>
          <h2 className="milestones-heading">Milestones reached</h2>
          <ul className="milestones-reached">
            {reached.map((m) => (
              <li key={m.count}>
                <strong>{n(m.count)} signatures</strong>,{' '}
                <time dateTime={m.reachedAt!}>{day(m.reachedAt!)}</time>: {m.whatHappens}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  )
}
