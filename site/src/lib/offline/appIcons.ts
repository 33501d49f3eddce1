/**
 * The installable app's icons (manifest.webmanifest, apple-touch-icon), drawn by sharp from the
 * site's mark (site/public/favicon.svg: a tick on the brand colour) when the site is built (the
 * /icons/ endpoint), so no picture is kept in the repository. Build time only: imports sharp.
 */
import sharp from 'sharp'

const BRAND = '#7a1f2b'
const TICK = 'M9 17l5 5 9-12'

/**
 * The mark on a square: `inset` is the share of the side left around the tick, so a maskable icon
 * (cut to a circle or a rounded square by the phone) keeps the tick inside its safe zone.
 */
const markSvg = (size: number, { rounded, inset }: { rounded: boolean; inset: number }) => {
  const scale = (size * (1 - 2 * inset)) / 32
  const offset = size * inset
  return Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}">` +
      `<rect width="${size}" height="${size}" rx="${rounded ? size * 0.1875 : 0}" fill="${BRAND}"/>` +
      `<path transform="translate(${offset} ${offset}) scale(${scale})" d="${TICK}" stroke="#fff" stroke-width="4" fill="none" stroke-linecap="round" stroke-linejoin="round"/>` +
      `</svg>`,
  )
}

/** The icons: name, size, and how the mark sits in it. */
export const APP_ICONS = [
  { name: 'icon-192', size: 192, rounded: true, inset: 0 },
  { name: 'icon-512', size: 512, rounded: true, inset: 0 },
  { name: 'icon-maskable-512', size: 512, rounded: false, inset: 0.12 },
  // iOS rounds the corners itself and shows transparency as black: a full square.
  { name: 'apple-touch-icon', size: 180, rounded: false, inset: 0.06 },
] as const

/** One icon's name, as in its address (/icons/<name>.png). */
export type AppIconName = (typeof APP_ICONS)[number]['name']

/** Draws one icon as PNG. */
export const drawAppIcon = async (name: AppIconName): Promise<Buffer> => {
  const icon = APP_ICONS.find((i) => i.name === name)!
  return sharp(markSvg(icon.size, icon)).png().toBuffer()
}
