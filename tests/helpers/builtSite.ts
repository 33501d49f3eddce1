import { mkdtemp, rm } from 'node:fs/promises'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { runAstroBuild } from '../../cms/site/buildSite'
import { createStaticServer } from '../../cms/site/staticServer'

/** Builds the site from a snapshot folder into a temporary folder and serves it on a free port. */
export const buildAndServe = async (snapshotDir: string) => {
  const outDir = await mkdtemp(path.join(os.tmpdir(), 'organise-site-'))
  await runAstroBuild(snapshotDir, outDir)
  const server = createStaticServer({ root: outDir })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    outDir,
    close: async () => {
      await new Promise<void>((r) => server.close(() => r()))
      await rm(outDir, { recursive: true, force: true })
    },
  }
}
