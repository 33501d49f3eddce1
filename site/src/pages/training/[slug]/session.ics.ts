/** /training/<slug>/session.ics: one session as a calendar file. */
import type { APIRoute, GetStaticPaths } from 'astro'
import { sessionIcs } from '../../../lib/ics'
import { loadSnapshot, type SnapshotTrainingSession } from '../../../lib/snapshot'

export const getStaticPaths: GetStaticPaths = () =>
  loadSnapshot()['training-sessions'].map((session) => ({
    params: { slug: session.slug },
    props: { session },
  }))

export const GET: APIRoute<{ session: SnapshotTrainingSession }> = ({ props, site }) =>
  new Response(sessionIcs(props.session, String(site)), {
    headers: { 'Content-Type': 'text/calendar; charset=utf-8' },
  })
