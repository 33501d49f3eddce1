/** `npm run export-snapshot [-- <dir>]`: writes the published content to data/snapshot (or <dir>). */
import path from 'node:path'
import { initPayload } from '../cms/initPayload'
import { sitePaths, exportSnapshot } from '../cms/publish'
import { runCli } from './lib/cli'
import { loadDotEnv } from './lib/env'

loadDotEnv()
runCli(async () => {
  const dir = process.argv[2] ? path.resolve(process.argv[2]) : sitePaths().snapshot
  const payload = await initPayload()
  const meta = await exportSnapshot(payload, dir)
  console.log(
    `Snapshot written to ${dir}: ${Object.entries(meta.counts)
      .map(([k, v]) => `${v} ${k}`)
      .join(', ')}`,
  )
})
