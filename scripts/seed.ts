/** `npm run seed`: loads the demo content into an empty database (refuses to touch existing content). */
import path from 'node:path'
import { initPayload } from '../cms/initPayload'
import { isEmpty, seed } from '../cms/seed/seed'
import { runCli } from './lib/cli'
import { loadDotEnv } from './lib/env'

loadDotEnv()
runCli(async () => {
  const payload = await initPayload()
  if (!(await isEmpty(payload)))
    throw new Error('The database already has content; not seeding. Seed only a new, empty database.')
  const counts = await seed(payload, path.resolve('scripts/seed-data'), (m) => console.log(`adding ${m}`))
  console.log(
    Object.entries(counts)
      .map(([k, v]) => `${v} ${k}`)
      .join(', '),
  )
})
