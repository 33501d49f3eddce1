/** `npm run migrate`: applies the committed migrations to the database in DATABASE_URI. */
import { initPayload } from '../cms/initPayload'
import { runCli } from './lib/cli'
import { loadDotEnv } from './lib/env'

loadDotEnv()
runCli(async () => {
  await initPayload()
  console.log('Migrations applied.')
})
