import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import http from 'node:http'
import path from 'node:path'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.ics': 'text/calendar; charset=utf-8',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.woff2': 'font/woff2',
  '.webmanifest': 'application/manifest+json',
}

/**
 * Security headers for every public page: nothing may load from another origin, forms post only
 * to the site or the CMS, and no referrer leaves the page.
 */
export const securityHeaders = (cmsOrigin: string): Record<string, string> => ({
  'Content-Security-Policy': [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self' ${cmsOrigin}`,
    `form-action 'self' ${cmsOrigin}`,
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "object-src 'none'",
  ].join('; '),
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
  'Permissions-Policy': 'interest-cohort=(), browsing-topics=(), camera=(), microphone=(), geolocation=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
})

/**
 * Serves the built site from `root` (data/site, a symlink switched atomically on each build, so
 * it is resolved on every request). Directory URLs get their index.html; a missing page gets the
 * site's 404 page with status 404. It never sets a cookie.
 */
export const createStaticServer = ({ root, cmsOrigin = 'http://localhost:3000' }: { root: string; cmsOrigin?: string }) => {
  const headers = securityHeaders(cmsOrigin)
  const resolveFile = async (urlPath: string): Promise<{ file: string; status: number } | { redirect: string } | null> => {
    let decoded: string
    try {
      decoded = decodeURIComponent(urlPath)
    } catch {
      return null
    }
    // No NUL bytes, and no dot-files (build fingerprints and link reports are not for readers).
    if (decoded.includes('\0') || decoded.split('/').some((segment) => segment.startsWith('.'))) return null
    const base = path.resolve(root)
    const target = path.resolve(base, `.${path.posix.normalize(decoded)}`)
    if (target !== base && !target.startsWith(base + path.sep)) return null
    const info = await stat(target).catch(() => null)
    if (info?.isDirectory()) {
      if (!decoded.endsWith('/')) return { redirect: `${urlPath}/` }
      const index = path.join(target, 'index.html')
      if (await stat(index).catch(() => null)) return { file: index, status: 200 }
      return null
    }
    if (info?.isFile()) return { file: target, status: 200 }
    return null
  }

  return http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost')
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD', ...headers }).end()
      return
    }
    let found = await resolveFile(url.pathname)
    if (found && 'redirect' in found) {
      res.writeHead(301, { Location: found.redirect + url.search, ...headers }).end()
      return
    }
    if (!found) {
      const notFound = path.join(root, '404.html')
      found = (await stat(notFound).catch(() => null)) ? { file: notFound, status: 404 } : null
      if (!found) {
        res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', ...headers }).end('Not found. The site has not been built yet.')
        return
      }
    }
    const ext = path.extname(found.file).toLowerCase()
    const immutable = url.pathname.startsWith('/assets/')
    res.writeHead(found.status, {
      'Content-Type': TYPES[ext] ?? 'application/octet-stream',
      'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'public, max-age=0, must-revalidate',
      ...headers,
    })
    if (req.method === 'HEAD') {
      res.end()
      return
    }
    createReadStream(found.file)
      .on('error', () => res.destroy())
      .pipe(res)
  })
}
