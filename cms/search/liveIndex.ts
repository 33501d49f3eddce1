/**
 * The live build's search, for the CMS: the same SearchClient the search island runs, reading the
 * index files of the build the site serves (data/site, a symlink switched on each build) from disk
 * instead of over HTTP. One client per build, kept while that build is live, with the build's own
 * search page as the template of the answer page and a cache of answers per normalised query.
 */
import { readFile, realpath } from 'node:fs/promises'
import path from 'node:path'
import { SearchClient, type SearchResults } from '../../content-models/search/query'

/** The most answers kept per build; the oldest go first. */
export const MAX_CACHED_SEARCHES = 1000

/** The live build could not be read (none yet, or its files are missing). */
export class LiveSearchError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'LiveSearchError'
  }
}

/** One build's search: its folder, its client, its search page and the answers worked out so far. */
export type BuildSearch = {
  dir: string
  client: SearchClient
  template: string
  answers: Map<string, SearchResults>
}

const readJson = async (dir: string, file: string): Promise<unknown> =>
  JSON.parse(await readFile(path.join(dir, 'search-index', file), 'utf8'))

const openBuild = async (dir: string): Promise<BuildSearch> => {
  try {
    const template = await readFile(path.join(dir, 'search', 'index.html'), 'utf8')
    const client = new SearchClient((file) => readJson(dir, file))
    await client.ready()
    return { dir, client, template, answers: new Map() }
  } catch (cause) {
    throw new LiveSearchError(
      `The live build at ${dir} has no readable search page or index (${(cause as Error).message}). Publish the site again (npm run build-site) to write them.`,
      { cause },
    )
  }
}

/**
 * The search of whatever build `live` points at now. The link is followed on every call (a
 * system call, no read), so a new build is searched from its first request on and the answers of
 * the old one are dropped with it.
 */
export const liveSearch = (live: string) => {
  let current: Promise<BuildSearch> | undefined
  let currentDir = ''
  return async (): Promise<BuildSearch> => {
    let dir: string
    try {
      dir = await realpath(live)
    } catch (cause) {
      throw new LiveSearchError(`No live build at ${live} yet: publish the site first.`, { cause })
    }
    if (!current || dir !== currentDir) {
      currentDir = dir
      current = openBuild(dir)
      current.catch(() => {
        if (currentDir === dir) current = undefined
      })
    }
    return current
  }
}

/** The answer to a search (with summaries), from the build's cache or worked out and kept. */
export const answerSearch = async (
  build: BuildSearch,
  key: string,
  run: (client: SearchClient) => Promise<SearchResults>,
): Promise<{ results: SearchResults; cached: boolean }> => {
  const hit = build.answers.get(key)
  if (hit) return { results: hit, cached: true }
  const results = await run(build.client)
  if (build.answers.size >= MAX_CACHED_SEARCHES) build.answers.delete(build.answers.keys().next().value!)
  build.answers.set(key, results)
  return { results, cached: false }
}
