/** The app's icons (/icons/icon-192.png…), drawn with sharp when the site is built. */
import type { APIRoute } from 'astro'
import { APP_ICONS, drawAppIcon, type AppIconName } from '../../lib/offline/appIcons'

export function getStaticPaths() {
  return APP_ICONS.map(({ name }) => ({ params: { name } }))
}

export const GET: APIRoute = async ({ params }) =>
  new Response(new Uint8Array(await drawAppIcon(params.name as AppIconName)), {
    headers: { 'Content-Type': 'image/png' },
  })
