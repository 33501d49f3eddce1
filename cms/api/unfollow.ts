/**
 * The one-click "stop emails about this conversation" link in a follow email
 * (cms/conversations/notify.ts). GET shows a page with a button (mail scanners open links); the
 * button's POST, or a mail client's RFC 8058 one-click POST, stops them. Every token, known or
 * not, gets the same answer, so the link says nothing about anyone.
 */
import type { Endpoint, PayloadRequest } from 'payload'
import { unfollowByToken, UNFOLLOW_PATH } from '../conversations/notify'
import { escapeHtml as e } from '../email/messages/render'
import { siteUrl } from '../members/tokens'
import { htmlAnswer, isJson, jsonAnswer, toResponse } from './http'
import { page } from './pages'

const PATH = `${UNFOLLOW_PATH.replace(/^\/api/, '')}:token`
const selfUrl = (req: PayloadRequest) => new URL(req.url ?? '', 'http://localhost').pathname

const done = () =>
  page(
    'You will get no more emails about this conversation',
    `<p>You can follow it again from the conversation’s page.</p><p><a href="${e(siteUrl())}/account/">Go to My account</a></p>`,
  )

export const unfollowEndpoints: Endpoint[] = [
  {
    path: PATH,
    method: 'get',
    handler: async (req) =>
      toResponse(
        htmlAnswer(
          page(
            'Stop emails about this conversation?',
            `<p>We will stop telling you about new replies in this conversation.</p><form method="post" action="${e(selfUrl(req))}"><button type="submit">Stop these emails</button></form>`,
          ),
        ),
      ),
  },
  {
    path: PATH,
    method: 'post',
    handler: async (req) => {
      await unfollowByToken(req.payload, String(req.routeParams?.token ?? ''))
      return toResponse(isJson(req) ? jsonAnswer({ status: 'done' }) : htmlAnswer(done()))
    },
  },
]
