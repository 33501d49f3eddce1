/**
 * Admins' site-build actions, under /api/site/: "rebuild now" queues a full build straight away;
 * "rollback" switches the public site back to a kept build. Only admins, logged in to the CMS.
 */
import type { Endpoint, PayloadRequest } from 'payload'
import { hasRole } from '../../content-models/access/roles'
import { queueRebuild } from '../jobs/rebuild/queueRebuild'
import { markLiveRecord } from '../jobs/rebuild/runRebuild'
import { RollbackError, listBuilds, rollbackTo } from '../publish'
import { jsonAnswer, toResponse } from './http'

const forbidden = () =>
  toResponse(
    jsonAnswer(
      {
        status: 'forbidden',
        message: 'Only admins can rebuild or roll back the site. Log in to the CMS as an admin.',
      },
      403,
    ),
  )
const isAdminUser = (req: PayloadRequest) => hasRole(req.user, 'admin')

const readBuildId = async (req: PayloadRequest): Promise<{ buildId: string | null } | { error: string }> => {
  const text = req.text ? await req.text() : ''
  if (!text.trim()) return { buildId: null }
  try {
    const body = JSON.parse(text) as { buildId?: unknown }
    if (body.buildId === undefined || body.buildId === null || body.buildId === '') return { buildId: null }
    if (typeof body.buildId !== 'string')
      return {
        error:
          'buildId must be the id of a kept build, as text, or left out for the build before the live one.',
      }
    return { buildId: body.buildId }
  } catch {
    return { error: 'The body must be JSON: {"buildId": "<a kept build id>"}, or empty.' }
  }
}

export const rebuildEndpoints: Endpoint[] = [
  {
    path: '/site/rebuild',
    method: 'post',
    handler: async (req) => {
      if (!isAdminUser(req)) return forbidden()
      const record = await queueRebuild(req.payload, {
        trigger: 'manual',
        reason: `Rebuild asked for by ${req.user?.email ?? 'an admin'}`,
        delayMs: 0,
      })
      return toResponse(jsonAnswer({ status: 'queued', siteBuild: record.id, buildId: record.buildId }, 202))
    },
  },
  {
    path: '/site/builds',
    method: 'get',
    handler: async (req) => {
      if (!isAdminUser(req)) return forbidden()
      return toResponse(jsonAnswer({ builds: await listBuilds() }))
    },
  },
  {
    path: '/site/rollback',
    method: 'post',
    handler: async (req) => {
      if (!isAdminUser(req)) return forbidden()
      const parsed = await readBuildId(req)
      if ('error' in parsed)
        return toResponse(jsonAnswer({ status: 'invalid', errors: { buildId: parsed.error } }, 422))
      try {
        const { from, to } = await rollbackTo(parsed.buildId)
        await markLiveRecord(req.payload, to)
        return toResponse(jsonAnswer({ status: 'rolled-back', from, to }))
      } catch (error) {
        if (error instanceof RollbackError)
          return toResponse(jsonAnswer({ status: 'invalid', errors: { buildId: error.message } }, 422))
        throw error
      }
    },
  },
]
