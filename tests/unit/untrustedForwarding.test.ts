import { Writable } from 'node:stream'
import Fastify from 'fastify'
import { describe, expect, it } from 'vitest'
import { warnOnUntrustedForwarding } from '../../cms/edge/edgeErrors'

/** A Fastify app whose log lines are kept, with the warning hook as the front server installs it. */
const appWithLog = (env: Record<string, string | undefined>) => {
  const lines: { level: number; msg: string }[] = []
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()))
      done()
    },
  })
  const app = Fastify({ logger: { level: 'warn', stream } })
  warnOnUntrustedForwarding(app, env)
  app.get('/', async () => 'ok')
  return { app, lines }
}

describe('forwarding headers with TRUST_PROXY at 0', () => {
  it('warns once, naming TRUST_PROXY, when requests arrive through a proxy nobody told us about', async () => {
    const { app, lines } = appWithLog({})
    await app.inject({ url: '/' })
    expect(lines).toEqual([])
    for (let i = 0; i < 3; i++) await app.inject({ url: '/', headers: { 'x-forwarded-for': '203.0.113.9' } })
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatchObject({ level: 40 })
    expect(lines[0].msg).toMatch(/TRUST_PROXY is 0/)
    expect(lines[0].msg).not.toContain('203.0.113.9')
  })

  it('stays quiet when TRUST_PROXY says a proxy is in front', async () => {
    const { app, lines } = appWithLog({ TRUST_PROXY: '1' })
    await app.inject({ url: '/', headers: { forwarded: 'for=203.0.113.9' } })
    expect(lines).toEqual([])
  })
})
