import { getPayload } from 'payload'
import { describe, expect, it } from 'vitest'
import { createConfig } from '../../cms/config'

describe('choosing MongoDB by DATABASE_URI', () => {
  it('fails fast, naming the host and what to check, when no MongoDB server answers', async () => {
    const started = Date.now()
    const init = getPayload({
      config: createConfig({ databaseUri: 'mongodb://127.0.0.1:1/organise', secret: 'test' }),
      key: 'mongo-down',
      cron: false,
    })
    await expect(init).rejects.toThrow(
      /Cannot connect to MongoDB at 127\.0\.0\.1:1 within 5 s\. Check that the server is running/,
    )
    // The requirement is "about 5 s" instead of mongoose's 30 s default.
    expect(Date.now() - started).toBeLessThan(15_000)
  })

  it('refuses a DATABASE_URI it does not support, saying what is accepted', () => {
    expect(() => createConfig({ databaseUri: 'postgres://db:5432/organise', secret: 'test' })).toThrow(
      /DATABASE_URI "postgres:\/\/db:5432\/organise" is not supported\. Use file:\.\/data\/organise\.db .* or mongodb:\/\//,
    )
  })
})
