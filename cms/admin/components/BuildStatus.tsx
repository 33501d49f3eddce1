/**
 * Above the site-builds list: the live build, and builds queued, running or failed, with their
 * step timings and error text. Admins also get "Rebuild now" and "Roll back". Rendered on the
 * server (Payload passes it the Payload instance and the user).
 */
import type { Payload, Where } from 'payload'
import type { SiteBuild, User } from '../../../content-models/payload-types'
import { BuildActions } from './BuildActions'

type Props = { payload?: Payload; user?: User | null }

const seconds = (ms?: number | null) => (typeof ms === 'number' ? `${(ms / 1000).toFixed(1)} s` : '–')
const when = (iso?: string | null) =>
  iso ? new Date(iso).toLocaleString('en-GB', { timeZone: 'Europe/London' }) : '–'
const stepTimes = (timings: SiteBuild['timings']) =>
  timings && typeof timings === 'object' && !Array.isArray(timings)
    ? Object.entries(timings)
        .filter(
          ([k, v]) => typeof v === 'number' && !['knownBrokenLinks', 'peakRssMb', 'rendered'].includes(k),
        )
        .map(([k, v]) => `${k} ${seconds(v as number)}`)
        .join(', ')
    : ''

function Row({ build }: { build: SiteBuild }) {
  return (
    <tr>
      <td>{build.buildId}</td>
      <td>
        <strong>{build.live ? 'live' : build.status}</strong>
      </td>
      <td>{build.reason ?? build.trigger}</td>
      <td>{when(build.startedAt ?? build.createdAt)}</td>
      <td>{seconds(build.durationMs)}</td>
      <td>{stepTimes(build.timings)}</td>
    </tr>
  )
}

export async function BuildStatus({ payload, user }: Props) {
  if (!payload) return null
  const find = (where: Where, limit: number) =>
    payload
      .find({
        collection: 'site-builds',
        where,
        sort: '-createdAt',
        limit,
        depth: 0,
        overrideAccess: true,
      })
      .then((r) => r.docs)
  const [live] = await find({ live: { equals: true } }, 1)
  const active = await find({ status: { in: ['queued', 'running'] } }, 5)
  const failed = await find({ status: { equals: 'failed' } }, 3)
  const isAdmin = Boolean(user?.roles?.includes('admin'))
  return (
    <section aria-labelledby="build-status-heading" style={{ margin: '0 0 1.5rem' }}>
      <h2 id="build-status-heading" style={{ marginBottom: '0.5rem' }}>
        Public site
      </h2>
      <p>
        {live ? (
          <>
            Live: build <strong>{live.buildId}</strong>, finished {when(live.finishedAt)}, {live.pages ?? '?'}{' '}
            pages, took {seconds(live.durationMs)}.
          </>
        ) : (
          'No build made by the CMS is live yet (the site may have been built at start-up).'
        )}{' '}
        {active.length
          ? `${active.length} build${active.length > 1 ? 's' : ''} waiting or running.`
          : 'Nothing waiting.'}
      </p>
      {active.length + failed.length > 0 && (
        <table style={{ width: '100%', borderCollapse: 'collapse', marginBottom: '0.5rem' }}>
          <thead>
            <tr>
              <th scope="col">Build</th>
              <th scope="col">Status</th>
              <th scope="col">Why</th>
              <th scope="col">Started</th>
              <th scope="col">Took</th>
              <th scope="col">Steps</th>
            </tr>
          </thead>
          <tbody>
            {[...active, ...failed].map((b) => (
              <Row key={b.id} build={b} />
            ))}
          </tbody>
        </table>
      )}
      {failed.map((b) =>
        b.error ? (
          <details key={`error-${b.id}`} style={{ marginBottom: '0.5rem' }}>
            <summary>Why build {b.buildId} failed (the live site was kept)</summary>
            <pre style={{ whiteSpace: 'pre-wrap', fontSize: '0.85em' }}>{b.error}</pre>
          </details>
        ) : null,
      )}
      {isAdmin && <BuildActions />}
    </section>
  )
}
