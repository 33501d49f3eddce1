import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { dataDir } from '../content-models/paths'

/**
 * PAYLOAD_SECRET signs login tokens. From the environment in production; for a local install it is
 * generated once and kept in data/.payload-secret so logins survive a restart.
 */
export const payloadSecret = (): string => {
  if (process.env.PAYLOAD_SECRET) return process.env.PAYLOAD_SECRET
  if (process.env.NODE_ENV === 'production' && process.env.ALLOW_GENERATED_SECRET !== 'true') {
    throw new Error(
      'PAYLOAD_SECRET is not set. Set it to a long random string (openssl rand -hex 32) in .env or the environment.',
    )
  }
  const file = path.join(dataDir(), '.payload-secret')
  if (existsSync(file)) return readFileSync(file, 'utf8').trim()
  mkdirSync(path.dirname(file), { recursive: true })
  const secret = randomBytes(32).toString('hex')
  writeFileSync(file, secret, { mode: 0o600 })
  return secret
}
