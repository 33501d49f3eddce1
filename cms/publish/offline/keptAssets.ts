/**
 * Scripts and styles of earlier builds, kept for a while in each new build. A page a reader has
 * open (or saved on the device) was made with the assets of its own build, and an island's script
 * loads only when it is used: after a deploy that changed the site's code, those files must still
 * be there. Assets (/assets/, named by their content) of the live build that the new build lacks
 * are linked into it, and dropped KEEP_DAYS after they first stopped being current.
 */
import { existsSync } from 'node:fs'
import { copyFile, link, readdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'

/** The file in a build listing the old assets it keeps, with when each was first kept. */
export const KEPT_ASSETS_RECORD = '.kept-assets.json'

/** How long an old asset is kept after the build that used it was replaced. */
export const KEEP_DAYS = 7

const readRecord = async (dir: string): Promise<Record<string, string>> => {
  try {
    return JSON.parse(await readFile(path.join(dir, KEPT_ASSETS_RECORD), 'utf8')) as Record<string, string>
  } catch {
    return {}
  }
}

/**
 * Links the live build's assets that `dir` lacks into it (with their compressed copies), unless
 * they were first kept more than KEEP_DAYS ago.
 * @returns how many assets are kept from earlier builds
 */
export const keepPreviousAssets = async (
  dir: string,
  live: string | null,
  now = new Date(),
): Promise<number> => {
  if (!live || !existsSync(path.join(live, 'assets'))) return 0
  const before = await readRecord(live)
  const current = new Set(await readdir(path.join(dir, 'assets')).catch(() => [] as string[]))
  const oldest = now.getTime() - KEEP_DAYS * 24 * 60 * 60 * 1000
  const record: Record<string, string> = {}
  for (const name of await readdir(path.join(live, 'assets'))) {
    if (/\.(br|gz)$/.test(name) || current.has(name)) continue
    const since = before[name] ?? now.toISOString()
    if (Date.parse(since) < oldest) continue
    record[name] = since
    for (const file of [name, `${name}.br`, `${name}.gz`]) {
      const from = path.join(live, 'assets', file)
      if (!existsSync(from)) continue
      const to = path.join(dir, 'assets', file)
      await link(from, to).catch(() => copyFile(from, to))
    }
  }
  await writeFile(path.join(dir, KEPT_ASSETS_RECORD), JSON.stringify(record))
  return Object.keys(record).length
}
