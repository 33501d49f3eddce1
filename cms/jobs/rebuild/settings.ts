/** Settings of the rebuild queue, read from the environment each time (tests change them). */

/** The Payload jobs queue the site builds run on. */
export const REBUILD_QUEUE = 'site-builds'
/** The task slug of a site build. */
export const REBUILD_TASK = 'rebuildSite'
/** The task slug of the daily full build. */
export const REBUILD_DAILY_TASK = 'rebuildSiteDaily'
/** Every site build shares this key: one runs at a time and a newer request replaces a waiting one. */
export const REBUILD_CONCURRENCY_KEY = 'site-build'

const numberSetting = (name: string, fallback: number): number => {
  const raw = process.env[name]
  if (raw === undefined || raw === '') return fallback
  const value = Number(raw)
  if (!Number.isFinite(value) || value < 0)
    throw new Error(`${name} must be a number of milliseconds (0 or more), not "${raw}".`)
  return value
}

/**
 * How long a build queued during or just after another waits for more edits, and how long the queue
 * must be quiet for a publish to build at once (REBUILD_DEBOUNCE_MS, default 2 s; see `isQuietSpell`).
 */
export const debounceMs = (): number => numberSetting('REBUILD_DEBOUNCE_MS', 2000)
/** The longest a stream of edits can hold a build back (REBUILD_MAX_WAIT_MS, default 30 s). */
export const maxWaitMs = (): number => numberSetting('REBUILD_MAX_WAIT_MS', 30_000)
/** A build still "running" after this long was interrupted (its process died) (REBUILD_STALE_MS, default 15 min). */
export const staleMs = (): number => numberSetting('REBUILD_STALE_MS', 15 * 60_000)
/** How many builds to keep besides the live one, for rollback (REBUILD_KEEP, default 3). */
export const keepBuilds = (): number => numberSetting('REBUILD_KEEP', 3)
/** Whether this process runs queued builds itself (REBUILD_IN_PROCESS; default on in the CMS server). */
export const runsInProcess = (): boolean => process.env.REBUILD_IN_PROCESS !== 'false'
