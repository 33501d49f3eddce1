/**
 * Organisers' endpoints, under /api/organise/: CSV exports of people who consented, and counts
 * per network. Only organisers and admins, logged in to the CMS, get anything.
 */
import type { Endpoint, PayloadRequest } from 'payload'
import { hasRole } from '../../content-models/access/roles'
import { countsPerNetwork, membersCsv, signersCsv } from '../members/export'
import { json } from './http'

const forbidden = () => json({ status: 'forbidden', message: 'Log in to the CMS as an organiser or admin to see this.' }, 403)
const isOrganiser = (req: PayloadRequest) => hasRole(req.user, 'admin', 'organiser')

const csv = (body: string, filename: string) =>
  new Response(body, {
    headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${filename}"`, 'Cache-Control': 'no-store' },
  })

export const organiseEndpoints: Endpoint[] = [
  {
    path: '/organise/members.csv',
    method: 'get',
    handler: async (req) => {
      if (!isOrganiser(req)) return forbidden()
      const network = new URL(req.url ?? '', 'http://localhost').searchParams.get('network') ?? undefined
      const body = await membersCsv(req.payload, network)
      return body === null ? json({ status: 'not-found', message: `No network "${network}".` }, 404) : csv(body, `members${network ? `-${network}` : ''}.csv`)
    },
  },
  {
    path: '/organise/petitions/:slug/signers.csv',
    method: 'get',
    handler: async (req) => {
      if (!isOrganiser(req)) return forbidden()
      const slug = String(req.routeParams?.slug ?? '')
      const body = await signersCsv(req.payload, slug)
      return body === null ? json({ status: 'not-found', message: `No petition "${slug}".` }, 404) : csv(body, `signers-${slug}.csv`)
    },
  },
  {
    path: '/organise/network-counts',
    method: 'get',
    handler: async (req) => (isOrganiser(req) ? json(await countsPerNetwork(req.payload)) : forbidden()),
  },
]
