/**
 * One share image (the picture a link preview shows, Open Graph's og:image): the page's title in
 * white on the site's colours, what kind of page it is, and the site's name. Drawn as SVG and
 * rendered to a 1200×630 PNG by sharp (librsvg, the machine's own sans-serif font): no external
 * service, no font downloaded.
 */
import sharp from 'sharp'
import { SHARE_IMAGE_SIZE } from '../../../content-models/offline'

/** The site's colours (site/src/styles/base.css). */
const COLOURS = { brand: '#7a1f2b', brandDark: '#5a1520', focus: '#ffbf47', paper: '#ffffff' }

/** Bumped when the drawing changes, so every image is drawn again once. */
export const SHARE_IMAGE_DESIGN = 2

/** What a share image shows. */
export type ShareImageText = {
  title: string
  /** What kind of page: "Guide", "Letter", "Petition"; none for the site's own image. */
  label?: string
  siteName: string
  tagline?: string
}

/** Text that is safe inside SVG markup. */
const xml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!)

/** Width of the text area, in pixels, and how many lines of title fit. */
const TEXT_WIDTH = 1040
const MAX_LINES = 4

/** A bold sans-serif letter's width in ems, on average over a line, with room for wide letters (DejaVu Sans Bold). */
const EM_PER_CHAR = 0.64

/**
 * Splits a title into lines of at most `perLine` characters at spaces (a longer word is cut), at
 * most `maxLines` of them, the last ending in "…" when the title does not fit.
 * @example wrapTitle('Holiday pay for zero-hours workers', 20) → ['Holiday pay for', 'zero-hours workers']
 */
export const wrapTitle = (title: string, perLine: number, maxLines = MAX_LINES): string[] => {
  const words = title.trim().split(/\s+/).filter(Boolean)
  const lines: string[] = []
  let line = ''
  for (let word of words) {
    while (word.length > perLine) {
      if (line) lines.push(line)
      lines.push(word.slice(0, perLine - 1) + '-')
      word = word.slice(perLine - 1)
      line = ''
    }
    const next = line ? `${line} ${word}` : word
    if (next.length > perLine) {
      lines.push(line)
      line = word
    } else line = next
  }
  if (line) lines.push(line)
  if (lines.length <= maxLines) return lines
  const kept = lines.slice(0, maxLines)
  const last = kept[maxLines - 1]!
  kept[maxLines - 1] = `${last.length + 1 > perLine ? last.slice(0, perLine - 1).trimEnd() : last}…`
  return kept
}

/** The font size for a title: large for a short one, smaller as it grows, so most fit in four lines. */
const titleSize = (title: string) => (title.length <= 40 ? 76 : title.length <= 80 ? 64 : 54)

/** The SVG of a share image. */
export const shareImageSvg = ({ title, label, siteName, tagline }: ShareImageText): string => {
  const { width, height } = SHARE_IMAGE_SIZE
  const size = titleSize(title)
  const lines = wrapTitle(title, Math.floor(TEXT_WIDTH / (size * EM_PER_CHAR)))
  const lineHeight = Math.round(size * 1.18)
  // The title sits in the middle of the space between the label and the footer.
  const top = 150 + Math.max(0, (300 - lines.length * lineHeight) / 2) + size
  const font = `font-family="DejaVu Sans, Liberation Sans, Arial, sans-serif"`
  const footer = tagline ? `${siteName} · ${tagline}` : siteName
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<rect width="${width}" height="${height}" fill="${COLOURS.brand}"/>`,
    `<rect y="${height - 40}" width="${width}" height="40" fill="${COLOURS.brandDark}"/>`,
    `<g transform="translate(1040 60) scale(2.5)"><rect width="32" height="32" rx="6" fill="${COLOURS.brandDark}"/>`,
    `<path d="M9 17l5 5 9-12" stroke="${COLOURS.paper}" stroke-width="4" fill="none" stroke-linecap="round" stroke-linejoin="round"/></g>`,
    label
      ? `<text x="80" y="110" ${font} font-size="34" font-weight="700" letter-spacing="2" fill="${COLOURS.focus}">${xml(label.toUpperCase())}</text>`
      : '',
    `<text ${font} font-size="${size}" font-weight="700" fill="${COLOURS.paper}">`,
    ...lines.map((l, i) => `<tspan x="80" y="${top + i * lineHeight}">${xml(l)}</tspan>`),
    `</text>`,
    `<text x="80" y="${height - 80}" ${font} font-size="34" fill="${COLOURS.paper}">${xml(footer)}</text>`,
    `</svg>`,
  ].join('')
}

/**
 * Renders a share image to PNG. Without adaptive filtering, zlib level 6: about 10 ms an image
 * and 45 KB (palette PNGs are a third of the size but take 20 times as long to make).
 */
export const renderShareImage = (text: ShareImageText): Promise<Buffer> =>
  sharp(Buffer.from(shareImageSvg(text)))
    .png({ compressionLevel: 6, adaptiveFiltering: false })
    .toBuffer()
