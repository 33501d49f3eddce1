/**
 * The union finder, quicker with JavaScript: filters as you type your job, using the same ranking
 * as the static sector pages (lib/finder.ts). Without JavaScript the page's form does the job, so
 * until this island runs it shows only a one-line hint. State lives in unionFinder/useUnionFinder.ts.
 */
import type { FinderUnion } from '../lib/finder'
import { FinderAnswer } from './unionFinder/FinderAnswer'
import { FinderQuestions } from './unionFinder/FinderQuestions'
import { useUnionFinder } from './unionFinder/useUnionFinder'

type Props = { unions: FinderUnion[]; sectors: { value: string; label: string }[] }

export default function UnionFinder({ unions, sectors }: Props) {
  const finder = useUnionFinder(unions, sectors)

  if (!finder.ready) return <p className="hint">Type your job to find a union, or choose below.</p>

  return (
    <div className="union-finder">
      <FinderQuestions finder={finder} sectors={sectors} />
      <FinderAnswer finder={finder} />
    </div>
  )
}
