import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { runAstroBuild } from '../../cms/publish/buildSite'
import { startStaticServer } from '../../cms/publish/staticServer'

/** Builds the site from a snapshot folder into a temporary folder and serves it on a free port. */
export const buildAndServe = async (snapshotDir: string) => {
  const outDir = await mkdtemp(path.join(os.tmpdir(), 'organise-site-'))
  await runAstroBuild(snapshotDir, outDir)
  const server = await startStaticServer({ root: outDir })
  return {
    url: server.url,
    outDir,
    close: async () => {
      await server.close()
      await rm(outDir, { recursive: true, force: true })
    },
  }
}
