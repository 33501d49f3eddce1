/**
 * Run on every page (a same-origin script file: the site's CSP allows no inline script). It
 * registers the service worker Workbox generated for the build (/sw.js, named by a meta tag) and, while there is no
 * signal, says so and stops forms that would need it (see offlineNotice.ts).
 *
 * The page a reader opens first was fetched before the worker existed, so the worker never saw
 * it: the worker is asked to fetch it, with its styles, through its own routes (Workbox's
 * CACHE_URLS message), so it too opens without signal and expires like any page the reader opened.
 */
import { isNeverCached, KEEP_PAGE_HEADER } from '../../../../content-models/offline'
import { watchConnection } from './offlineNotice'

/** Asks the worker to keep this page and its stylesheets as if they had been opened through it. */
const keepThisPage = (worker: ServiceWorker | null) => {
  // A page that is not there (the 404 page) is not kept: the page route keeps only answers of 200.
  if (!worker || isNeverCached(location.pathname)) return
  const styles = [...document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')]
    .map((l) => new URL(l.href))
    .filter((u) => u.origin === location.origin && u.pathname.startsWith('/assets/'))
    .map((u) => u.href)
  // The header sends the page's address to the page route (it is not a navigation).
  const page = [location.pathname, { headers: { [KEEP_PAGE_HEADER]: '1' } }]
  worker.postMessage({ type: 'CACHE_URLS', payload: { urlsToCache: [page, ...styles] } })
}

const start = async () => {
  // Named by the page only when the build made a worker (see HeadMeta.astro).
  const worker = document.querySelector<HTMLMetaElement>('meta[name="service-worker"]')?.content
  if (!worker || !('serviceWorker' in navigator) || !window.isSecureContext) return
  const registration = await navigator.serviceWorker.register(worker).catch(() => null)
  if (!registration || navigator.serviceWorker.controller) return
  keepThisPage((await navigator.serviceWorker.ready).active)
}

watchConnection()
start().catch(() => {
  // The site works without it: this page is simply not kept for offline reading.
})
