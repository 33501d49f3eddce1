/**
 * Where support comes from: signatures by nation and by region as bar charts that need no
 * JavaScript (a table per chart, each row a place, its count and a bar drawn in SVG, so screen
 * readers read the numbers and everyone sees the bars). Places with fewer than 5 signatures are
 * added up as "other" by the CMS before anything reaches the page. With JavaScript the island
 * redraws from the live count (PetitionCountFeed.ts).
 */
import { useEffect, useState } from 'react'
import { supportBars, type SupportBar } from '../../../content-models/collections/Petitions/progress'
import { subscribeToCount } from './PetitionCountFeed'

export type PetitionCountChartProps = {
  countUrl: string
  open: boolean
  /** The bars as built. */
  byNation: SupportBar[]
  byRegion: SupportBar[]
  /** Every place's name, for places that first appear after the build. */
  labels: Record<string, string>
}

const n = (x: number) => x.toLocaleString('en-GB')

/** One chart: a table with a caption, a row a place, the count in figures and as a bar. */
export function SupportTable({ caption, bars }: { caption: string; bars: SupportBar[] }) {
  const most = Math.max(1, ...bars.map((b) => b.count))
  return (
    <table className="support-chart">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Place</th>
          <th scope="col">Signatures</th>
        </tr>
      </thead>
      <tbody>
        {bars.map((b) => (
          <tr key={b.key}>
            <th scope="row">{b.label}</th>
            <td className="support-count">
              <span>{n(b.count)}</span>
              <svg
                viewBox="0 0 100 10"
                preserveAspectRatio="none"
                width="100%"
                height="16"
                aria-hidden="true"
                focusable="false"
              >
                <rect x="0" y="0" height="10" width={Math.max(1, Math.round((b.count / most) * 1000) / 10)} />
              </svg>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

export default function PetitionCountChart({
  countUrl,
  open,
  byNation,
  byRegion,
  labels,
}: PetitionCountChartProps) {
  const [bars, setBars] = useState({ byNation, byRegion })
  useEffect(
    () =>
      subscribeToCount(countUrl, open, (c) =>
        setBars({ byNation: supportBars(c.byNation, labels), byRegion: supportBars(c.byRegion, labels) }),
      ),
    [countUrl, open, labels],
  )
  if (bars.byNation.length === 0)
    return <p className="small">This shows where signatures come from once people sign with a postcode.</p>
  return (
    <div className="support-charts">
      <SupportTable caption="Signatures by nation" bars={bars.byNation} />
      <SupportTable caption="Signatures by region" bars={bars.byRegion} />
      <p className="small">
        Counted from the first part of signers’ postcodes. Places with fewer than 5 signatures are added up
        together, so no one can be picked out.
      </p>
    </div>
  )
}
