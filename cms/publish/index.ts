/**
 * The publishing pipeline, one room: export a snapshot of the published content → render it
 * with the site's Astro pages → check the result → switch the live folder → serve it.
 *
 * Callers outside this folder use these names only (the import-direction check enforces it):
 *   exportSnapshot(payload, dir)   → the snapshot folder's meta (entries, reused, fingerprint)
 *   buildSite({ snapshotDir })     → { buildId, dir, pages, mode, timings } (the live site switched)
 *   startStaticServer(...)         → the public site's server over the live folder
 *   rollbackTo / listBuilds        → switch back to a kept build
 *   renderPreview(payload, c, doc) → a draft's page as it would be published (nothing goes live)
 */
export {
  buildSite,
  ensureBundle,
  makeBundle,
  reusableSnapshot,
  runAstroBuild,
  SiteBuildError,
  sitePaths,
  type SiteBuildResult,
} from './buildSite'
export { exportSnapshot } from './exportSnapshot'
export { pagePath, PreviewError, renderPreview, type PreviewDoc } from './preview'
export { purgeOlderBuilds } from './purgeOlderBuilds'
export { listBuilds, RollbackError, rollbackTo } from './rollback'
export { startStaticServer } from './staticServer'
