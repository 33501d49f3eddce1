/** The finder's answers to the questions so far, ranked as the static sector pages rank them. */
import { useEffect, useId, useMemo, useState } from 'react'
import { FINDER_TIERS, rankUnions, type FinderUnion } from '../../lib/finder'

/** Enough to choose from without a wall of names. */
const MAX_JOB_RESULTS = 8

export const useUnionFinder = (unions: FinderUnion[], sectors: { value: string; label: string }[]) => {
  const id = useId()
  const [ready, setReady] = useState(false)
  const [job, setJob] = useState('')
  const [sector, setSector] = useState('')
  const [nation, setNation] = useState('')
  const [recognisedUnion, setRecognised] = useState('')
  const [workplaceUnion, setWorkplace] = useState('')
  useEffect(() => setReady(true), [])

  const question = { job, sector, nation, recognisedUnion, workplaceUnion }
  const results = useMemo(
    () => rankUnions(unions, question),
    [unions, job, sector, nation, recognisedUnion, workplaceUnion],
  )
  const asked = !!(job.trim() || sector || recognisedUnion || workplaceUnion)
  const sectorLabel = sectors.find((s) => s.value === sector)?.label
  const byName = useMemo(() => [...unions].sort((a, b) => a.name.localeCompare(b.name, 'en-GB')), [unions])
  const tiers = Object.values(FINDER_TIERS)
    .map((tier) => ({
      tier,
      list: results.filter((r) => r.tier === tier).slice(0, tier === 'job' ? MAX_JOB_RESULTS : undefined),
    }))
    .filter((t) => t.list.length > 0)
  const set = { setJob, setSector, setNation, setRecognised, setWorkplace }

  return { id, ready, question, set, asked, sectorLabel, byName, tiers }
}

/** What useUnionFinder gives. */
export type UnionFinderState = ReturnType<typeof useUnionFinder>
