/**
 * The signature count and progress towards the goal. The number built into the page is shown
 * first; with JavaScript, the island asks the CMS for the latest count at most every 10 seconds,
 * and only while the page is visible.
 */
import { useEffect, useState } from 'react'

export type PetitionCountProps = { countUrl: string; initial: number; goal: number; open: boolean }

/** How often to ask for the count, in ms: the CMS rolls counts up every 10 s. */
export const POLL_MS = 10_000

export default function PetitionCount({ countUrl, initial, goal, open }: PetitionCountProps) {
  const [count, setCount] = useState(initial)
  useEffect(() => {
    if (!open) return
    let last = Date.now()
    const refresh = () => {
      if (document.visibilityState !== 'visible' || Date.now() - last < POLL_MS - 100) return
      last = Date.now()
      fetch(countUrl, { credentials: 'omit' })
        .then((r) => (r.ok ? r.json() : null))
        .then((body) => typeof body?.count === 'number' && setCount(body.count))
        .catch(() => {
          // Keep showing the last count we had.
        })
    }
    const timer = setInterval(refresh, POLL_MS)
    document.addEventListener('visibilitychange', refresh)
    return () => {
      clearInterval(timer)
      document.removeEventListener('visibilitychange', refresh)
    }
  }, [countUrl, open])
  const word = count === 1 ? 'signature' : 'signatures'
  return (
    <div className="petition-count">
      <p className="count-number">
        <strong data-count>{count.toLocaleString('en-GB')}</strong> {word}
      </p>
      <progress
        max={goal}
        value={Math.min(count, goal)}
        aria-label={`${count.toLocaleString('en-GB')} of a goal of ${goal.toLocaleString('en-GB')} signatures`}
      />
      <p className="small">Goal: {goal.toLocaleString('en-GB')} signatures</p>
    </div>
  )
}
