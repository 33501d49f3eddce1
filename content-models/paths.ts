import path from 'node:path'

/**
 * The project root. Resolved from PROJECT_ROOT or the working directory, never from
 * import.meta.url, which breaks when Next bundles the config.
 */
export const projectRoot = (): string =>
  path.resolve(/*turbopackIgnore: true*/ process.env.PROJECT_ROOT || process.cwd())

/** Runtime state (database, uploads, snapshot, builds, outbox); git-ignored. */
export const dataDir = (): string => path.resolve(projectRoot(), process.env.DATA_DIR || 'data')
