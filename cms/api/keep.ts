/**
 * "Yes, keep me in the network": the link in the email that asks a long-quiet member whether to
 * stay (cms/members/retention.ts). GET shows a page with a button, because mail scanners open
 * links; only the POST from that button keeps anything.
 */
import type { Endpoint, PayloadRequest } from 'payload'
import { keepMember } from '../members/retention'
import { htmlAnswer, isJson, jsonAnswer, toResponse } from './http'
import { keepPage, keptPage, unknownLinkPage } from './pages'

const param = (req: PayloadRequest, name: string) => String(req.routeParams?.[name] ?? '')
const selfUrl = (req: PayloadRequest) => new URL(req.url ?? '', 'http://localhost').pathname

const PATH = '/public/keep/member/:id/:token'

/** The keep link's two endpoints, under /api/public/. */
export const keepEndpoints: Endpoint[] = [
  { path: PATH, method: 'get', handler: async (req) => toResponse(htmlAnswer(keepPage(selfUrl(req)))) },
  {
    path: PATH,
    method: 'post',
    handler: async (req) => {
      const outcome = await keepMember(req.payload, param(req, 'id'), param(req, 'token'))
      if (isJson(req)) return toResponse(jsonAnswer({ status: outcome }, outcome === 'done' ? 200 : 404))
      return outcome === 'done'
        ? toResponse(htmlAnswer(keptPage()))
        : toResponse(htmlAnswer(unknownLinkPage(), 404))
    },
  },
]
