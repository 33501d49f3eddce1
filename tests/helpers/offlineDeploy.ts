/**
 * A code deploy for the offline tests, made without rendering again: a copy of the live build
 * whose site stylesheet is replaced by a new one (new content, so a new hashed name, as Vite would
 * give it), every page naming the new one, the old one kept beside it (as keepPreviousAssets does),
 * then the real offline step (library manifest and service worker) and the real atomic switch.
 */
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { liveBuildDir, switchLive, type sitePaths } from '../../cms/publish/buildSite'
import { writeOfflineFiles } from '../../cms/publish/offline'
import { precompress } from '../../cms/publish/precompress'
import { LIBRARY_MANIFEST_URL, type LibraryManifest } from '../../content-models/offline'

type Paths = ReturnType<typeof sitePaths>

/** The live build's library manifest. */
export const readManifest = async (paths: Paths): Promise<LibraryManifest> =>
  JSON.parse(
    await readFile(path.join((await liveBuildDir(paths.live))!, LIBRARY_MANIFEST_URL.slice(1)), 'utf8'),
  ) as LibraryManifest

/**
 * Deploys a build whose only change is the header's colour, in the stylesheet the site's header
 * is styled by. @returns the old and new stylesheet's addresses
 */
export const deployNewStyle = async (
  paths: Paths,
  headerColour: string,
): Promise<{ oldStyle: string; newStyle: string }> => {
  const live = (await liveBuildDir(paths.live))!
  const next = path.join(paths.builds, `${path.basename(live)}-style`)
  await cp(live, next, { recursive: true })
  const assets = await readdir(path.join(next, 'assets'))
  let oldName = ''
  for (const name of assets.filter((n) => n.endsWith('.css')))
    if ((await readFile(path.join(next, 'assets', name), 'utf8')).includes('.site-header{')) oldName = name
  if (!oldName) throw new Error('no stylesheet styles .site-header')
  const newName = oldName.replace(/\.[\w-]+\.css$/, '.NewStyl3.css')
  const css = await readFile(path.join(next, 'assets', oldName), 'utf8')
  await writeFile(path.join(next, 'assets', newName), `${css}\n.site-header{background:${headerColour}}\n`)
  const changed = [`assets/${newName}`]
  for (const e of await readdir(next, { recursive: true, withFileTypes: true })) {
    const file = path.relative(next, path.join(e.parentPath, e.name))
    if (!e.isFile() || !file.endsWith('.html')) continue
    const html = await readFile(path.join(next, file), 'utf8')
    if (!html.includes(`/assets/${oldName}`)) continue
    await writeFile(path.join(next, file), html.replaceAll(`/assets/${oldName}`, `/assets/${newName}`))
    await rm(path.join(next, `${file}.gz`), { force: true })
    await rm(path.join(next, `${file}.br`), { force: true })
    changed.push(file)
  }
  await precompress(next, changed)
  // The render bundle's worker template is not at hand: the offline step makes one.
  const bundle = await mkdtemp(path.join(os.tmpdir(), 'offline-deploy-'))
  try {
    await writeOfflineFiles(next, bundle)
  } finally {
    await rm(bundle, { recursive: true, force: true })
  }
  await switchLive(paths.live, next)
  return { oldStyle: `/assets/${oldName}`, newStyle: `/assets/${newName}` }
}
