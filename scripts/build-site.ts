/**
 * `npm run build:site [-- <snapshot dir>]`: builds the static site from a snapshot (default
 * data/snapshot) into data/builds/<id> and switches data/site to it. Needs no database.
 */
import path from 'node:path'
import { buildSite, sitePaths } from '../cms/publish'
import { runCli } from './lib/cli'
import { loadDotEnv } from './lib/env'

loadDotEnv()
runCli(async () => {
  const snapshotDir = process.argv[2] ? path.resolve(process.argv[2]) : sitePaths().snapshot
  const result = await buildSite({ snapshotDir })
  console.log(
    `Built ${result.pages} pages in ${(result.ms / 1000).toFixed(1)} s into ${path.relative(process.cwd(), result.dir)}; data/site now points to it.`,
  )
})
