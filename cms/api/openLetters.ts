/**
 * Open letters' files for handing in, under /api/public/open-letters/<slug>/letter.<pdf|docx>:
 * public (the signatories listed chose to be shown), rate-limited per connection, 404 for
 * anything that is not a published open letter.
 */
import type { Endpoint } from 'payload'
import { limitRate } from '../abuse/rateLimit'
import { clientRateKey } from '../edge/clientAddress'
import { campaignPath } from '../../content-models/collections/Petitions/kinds'
import { isLetterFormat, openLetterFile } from '../campaigns/openLetterDownload'
import { siteUrl } from '../members/tokens'
import { errorForLog } from '../email/scrub'
import { param } from './account'
import { clientIp, jsonAnswer, rateLimitedAnswer, toResponse } from './http'

const download: Endpoint = {
  path: '/public/open-letters/:slug/:file',
  method: 'get',
  handler: async (req) => {
    const slug = param(req, 'slug')
    const format = /^letter\.([a-z]+)$/.exec(param(req, 'file'))?.[1]
    if (!format || !isLetterFormat(format))
      return toResponse(
        jsonAnswer({ status: 'not-found', message: 'file: ask for letter.pdf or letter.docx.' }, 404),
      )
    const limit = await limitRate(req.payload, 'download', clientRateKey(clientIp(req)))
    if (limit.limited)
      return toResponse(
        rateLimitedAnswer(false, limit.retryAfterSeconds, `${siteUrl()}${campaignPath('open-letter', slug)}`),
      )
    let file: Awaited<ReturnType<typeof openLetterFile>>
    try {
      file = await openLetterFile(req.payload, slug, format)
    } catch (error) {
      // Nothing is lost: the letter and its signatures are as they were; the next try makes it again.
      req.payload.logger.error({
        err: errorForLog(error),
        msg: `Could not make open letter "${slug}" as ${format}.`,
      })
      return toResponse(
        jsonAnswer(
          {
            status: 'unavailable',
            message: 'We could not make the file just now. Please try again in a minute.',
          },
          503,
          { 'Retry-After': '60' },
        ),
      )
    }
    if (!file)
      return toResponse(
        jsonAnswer({ status: 'not-found', message: `There is no published open letter "${slug}".` }, 404),
      )
    return toResponse({
      status: 200,
      headers: {
        'Content-Type': file.contentType,
        'Content-Disposition': `attachment; filename="${file.filename}"`,
        'Cache-Control': 'public, max-age=10',
        'Last-Modified': new Date(file.madeAt).toUTCString(),
        'X-Content-Type-Options': 'nosniff',
      },
      body: file.body,
    })
  },
}

export const openLetterEndpoints: Endpoint[] = [download]
