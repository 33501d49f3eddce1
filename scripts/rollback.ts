/**
 * `npx tsx scripts/rollback.ts [<build id>] [--list]`: switches the public site (data/site) back to
 * a kept build: the one named, or the one before the live build. Needs no database; the CMS shows
 * the change on its next look at the site-builds list.
 */
import { listBuilds, rollbackTo } from '../cms/publish'
import { runCli } from './lib/cli'
import { loadDotEnv } from './lib/env'

loadDotEnv()
runCli(async () => {
  const args = process.argv.slice(2)
  if (args.includes('--list')) {
    for (const b of await listBuilds()) console.log(`${b.live ? '*' : ' '} ${b.buildId}`)
    return
  }
  const { from, to } = await rollbackTo(args[0])
  console.log(`The site now serves build ${to}${from ? ` (it was ${from})` : ''}.`)
})
