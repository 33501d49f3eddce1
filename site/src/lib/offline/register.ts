/**
 * Run on every page (a same-origin script file: the site's CSP allows no inline script). It
 * registers the service worker Workbox generated for the build (/sw.js, named by a meta tag) and, while there is no
 * signal, says so and stops forms that would need it (see offlineNotice.ts).
 *
 * The page a reader opens first was fetched before the worker existed, so the worker never saw
 * it: it is put in the worker's page cache here, with its styles, so it too opens without signal.
 */
import { isNeverCached, OFFLINE_CACHES } from '../../../../content-models/offline'
import { watchConnection } from './offlineNotice'

/** Keeps this page and its stylesheets where the worker would have put them. */
const keepThisPage = async () => {
  // A page that is not there (the 404 page) fails to be added, which is what it should do.
  if (isNeverCached(location.pathname)) return
  const styles = [...document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')]
    .map((l) => new URL(l.href))
    .filter((u) => u.origin === location.origin && u.pathname.startsWith('/assets/'))
    .map((u) => u.href)
  const [pages, assets] = await Promise.all([
    caches.open(OFFLINE_CACHES.pages),
    caches.open(OFFLINE_CACHES.assets),
  ])
  await Promise.all([pages.add(location.pathname), assets.addAll(styles)])
}

const start = async () => {
  // Named by the page only when the build made a worker (see HeadMeta.astro).
  const worker = document.querySelector<HTMLMetaElement>('meta[name="service-worker"]')?.content
  if (!worker || !('serviceWorker' in navigator) || !window.isSecureContext) return
  const registration = await navigator.serviceWorker.register(worker).catch(() => null)
  if (!registration || navigator.serviceWorker.controller) return
  await navigator.serviceWorker.ready
  await keepThisPage()
}

watchConnection()
start().catch(() => {
  // The site works without it: this page is simply not kept for offline reading.
})
