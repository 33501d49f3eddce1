/**
 * Writes a new SQLite migration from the difference between the collections and the last
 * committed migration: `npm run migrate:create -- <name>`. Commit the files it writes.
 */
import { getPayload } from 'payload'
import { loadConfigModule } from '../cms/loadConfig'

process.env.PAYLOAD_MIGRATING = 'true'
const name = process.argv[2] || 'change'
const { createConfig } = await loadConfigModule()
const payload = await getPayload({ config: createConfig(), disableDBConnect: true, disableOnInit: true })
await payload.db.createMigration({ migrationName: name, payload, forceAcceptWarning: true })
process.exit(0)
