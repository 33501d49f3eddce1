/**
 * The installable app's icons (manifest.webmanifest, apple-touch-icon), drawn by sharp from the
 * site's mark (site/public/favicon.svg: a tick on the brand colour) when the render bundle is
 * made, so every build has them without keeping pictures in the repository.
 */
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
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

/** The icons: file name, size, and how the mark sits in it. */
export const APP_ICONS = [
  { file: 'icon-192.png', size: 192, rounded: true, inset: 0 },
  { file: 'icon-512.png', size: 512, rounded: true, inset: 0 },
  { file: 'icon-maskable-512.png', size: 512, rounded: false, inset: 0.12 },
  // iOS rounds the corners itself and shows transparency as black: a full square.
  { file: 'apple-touch-icon.png', size: 180, rounded: false, inset: 0.06 },
] as const

/** Writes the icons into `dir` (a build's or a bundle's icons/ folder). */
export const writeAppIcons = async (dir: string): Promise<string[]> => {
  await mkdir(dir, { recursive: true })
  await Promise.all(
    APP_ICONS.map(async ({ file, size, rounded, inset }) =>
      writeFile(path.join(dir, file), await sharp(markSvg(size, { rounded, inset })).png().toBuffer()),
    ),
  )
  return APP_ICONS.map((i) => i.file)
}
