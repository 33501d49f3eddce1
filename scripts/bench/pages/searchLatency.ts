/**
 * How fast the CMS answers GET /search (search without JavaScript) over a built site: the same
 * route the front server registers (cms/search/), on Fastify, over HTTP on this machine.
 */
import Fastify from 'fastify'
import { liveSearch, registerSearchRoute, searchRateLimit } from '../../../cms/search'

const QUERIES = [
  'holiday pay',
  'sick pay',
  'unfair dismissal',
  'can my boss stop my holiday pay',
  'sacked for being off sick',
  'grievance letter',
  'union for warehouse work',
  'training',
  'night shift',
  'redundancy',
]

const stats = (ms: number[]) => {
  const s = [...ms].sort((a, b) => a - b)
  return { p50: s[Math.floor(s.length / 2)], p95: s[Math.floor(s.length * 0.95)], max: s[s.length - 1] }
}

/** First-time answers (one per query) and cached answers (each query 20 times more), in ms. */
export const searchLatency = async (siteDir: string) => {
  const app = Fastify()
  registerSearchRoute(app, {
    build: liveSearch(siteDir),
    limit: searchRateLimit(null, { RATE_LIMIT_SEARCH: 'off' }),
    siteOrigin: 'http://127.0.0.1',
    cmsOrigin: 'http://127.0.0.1',
  })
  await app.listen({ port: 0, host: '127.0.0.1' })
  const url = `http://127.0.0.1:${(app.server.address() as { port: number }).port}/search?q=`
  const time = async (q: string) => {
    const started = performance.now()
    const res = await fetch(url + encodeURIComponent(q))
    await res.text()
    if (!res.ok) throw new Error(`GET /search?q=${q} answered ${res.status}`)
    return performance.now() - started
  }
  try {
    await time('warm up')
    const first: number[] = []
    for (const q of QUERIES) first.push(await time(q))
    const cached: number[] = []
    for (let i = 0; i < 20; i++) for (const q of QUERIES) cached.push(await time(q))
    return { first: stats(first), cached: stats(cached), requests: first.length + cached.length }
  } finally {
    await app.close()
  }
}
