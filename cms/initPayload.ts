import { getPayload, type Migration, type Payload } from 'payload'
import type { AppConfigOptions } from './config'
import { databaseKind, databaseUri } from './db'
import { loadConfigModule } from './loadConfig'
import { migrations } from './migrations'

/**
 * Starts Payload for scripts and tests, with the committed migrations applied, so a new SQLite
 * file gets the same schema everywhere. `key` keeps separate instances apart (one per test file).
 */
export const initPayload = async (options: AppConfigOptions & { key?: string } = {}): Promise<Payload> => {
  const uri = options.databaseUri ?? databaseUri()
  const { createConfig } = await loadConfigModule()
  const payload = await getPayload({ config: createConfig(options), key: options.key, cron: false })
  // Payload types a migration's up and down as taking `unknown`; the SQLite adapter calls them with
  // the MigrateUpArgs/MigrateDownArgs that cms/migrations' functions take.
  if (databaseKind(uri) === 'sqlite') await payload.db.migrate({ migrations: migrations as Migration[] })
  return payload
}
