import { PassThrough } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { createLogger } from '../../cms/logger'

/** Logs with a logger made for `env` and returns what it wrote. */
const written = async (
  env: NodeJS.ProcessEnv,
  log: (logger: ReturnType<typeof createLogger>) => void,
): Promise<string> => {
  const out = new PassThrough()
  const chunks: string[] = []
  out.on('data', (c: Buffer) => chunks.push(c.toString()))
  const logger = createLogger(env, out)
  log(logger)
  logger.flush()
  await new Promise((r) => setTimeout(r, 50))
  return chunks.join('')
}

describe('the CMS log', () => {
  it('writes one JSON object a line in production, with the level and message', async () => {
    const text = await written({ NODE_ENV: 'production' }, (l) => {
      l.info({ id: 7 }, 'signature stored')
      l.warn('slow email')
    })
    const lines = text
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>)
    expect(lines).toHaveLength(2)
    expect(lines[0]).toMatchObject({ level: 30, name: 'payload', id: 7, msg: 'signature stored' })
    expect(lines[1]).toMatchObject({ level: 40, msg: 'slow email' })
  })

  it('keeps LOG_LEVEL in production: at warn, info lines are dropped', async () => {
    const text = await written({ NODE_ENV: 'production', LOG_LEVEL: 'warn' }, (l) => {
      l.info('not shown')
      l.error('shown')
    })
    const lines = text
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { msg: string })
    expect(lines.map((l) => l.msg)).toEqual(['shown'])
  })

  it('writes readable lines, not JSON, in development, at LOG_LEVEL', async () => {
    const text = await written({ NODE_ENV: 'development', LOG_LEVEL: 'warn' }, (l) => {
      l.info('not shown')
      l.warn('slow email')
    })
    expect(text).toMatch(/WARN.*\(payload\): slow email/)
    expect(text).not.toContain('not shown')
    expect(() => JSON.parse(text.trim())).toThrow()
  })
})
