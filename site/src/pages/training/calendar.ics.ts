/** /training/calendar.ics: a feed of every upcoming session, to subscribe to in a calendar app. */
import type { APIRoute } from 'astro'
import { calendarFeed } from '../../lib/ics'
import { loadSnapshot } from '../../lib/snapshot'
import { buildNow } from './_sessions'

export const GET: APIRoute = ({ site }) => {
  const snapshot = loadSnapshot()
  return new Response(calendarFeed(snapshot['training-sessions'], String(site), buildNow(snapshot)), {
    headers: { 'Content-Type': 'text/calendar; charset=utf-8' },
  })
}
