/**
 * Letter template figures: rendering on every key press (parsed once against parsed every time),
 * making a .docx, and the JavaScript a template page ships for the fill-in island (gzip).
 *
 *   npx tsx scripts/bench/templates.ts [built-site-folder]
 *
 * The JavaScript sizes need a built site (default data/site); without one, those rows are skipped.
 */
import { existsSync } from 'node:fs'
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import { loadTemplates } from '../../cms/seed/loadSeedData'
import { letterDocument, letterDocxBytes } from '../../site/src/lib/letter/docx'
import { parseTemplate } from '../../site/src/lib/letter/parse'
import {
  defaultChoices,
  renderLetter,
  segmentsToText,
  type TemplateFields,
} from '../../site/src/lib/letter/render'

const rows: [string, string][] = []
const perCall = (n: number, fn: () => void) => {
  fn()
  const t = performance.now()
  for (let i = 0; i < n; i++) fn()
  return ((performance.now() - t) / n) * 1000
}

const seeded = await loadTemplates(path.resolve('scripts/seed-data/templates'))
const longest = seeded.reduce((a, b) => (b.body.length > a.body.length ? b : a))
const fields: TemplateFields = {
  placeholders: longest.placeholders.map((p) => ({
    key: p.key,
    label: p.label,
    hint: p.hint ?? null,
    example: p.example ?? null,
    required: p.required ?? true,
    multiline: p.multiline ?? false,
    type: p.type ?? 'text',
  })),
  optionalSections: (longest.optionalSections ?? []).map((s) => ({
    key: s.key,
    label: s.label,
    group: s.group ?? null,
    default: s.default ?? false,
  })),
}
const values = Object.fromEntries(fields.placeholders.map((p) => [p.key, p.example ?? 'x']))
const chosen = defaultChoices(fields.optionalSections)
const parsed = parseTemplate(longest.body)
const once = perCall(5000, () => segmentsToText(renderLetter(parsed, fields, { values, chosen })))
const every = perCall(5000, () =>
  segmentsToText(renderLetter(parseTemplate(longest.body), fields, { values, chosen })),
)
rows.push([
  `Render per key press, longest template (${longest.slug}, ${longest.body.length} chars)`,
  `${once.toFixed(1)} µs parsed once; ${every.toFixed(1)} µs parsing each time (${(every / once).toFixed(1)}×)`,
])

const segments = renderLetter(parsed, fields, { values, chosen })
const t = performance.now()
const docx = await letterDocxBytes(letterDocument({ title: longest.title, segments }))
rows.push([
  'Build its .docx in Node (first call, includes warm-up)',
  `${(performance.now() - t).toFixed(0)} ms, ${(docx.length / 1024).toFixed(1)} KiB`,
])
const t2 = performance.now()
for (let i = 0; i < 20; i++) await letterDocxBytes(letterDocument({ title: longest.title, segments }))
rows.push(['Build its .docx in Node (warm, mean of 20)', `${((performance.now() - t2) / 20).toFixed(1)} ms`])

/** The JavaScript files a page loads, following static imports and Vite's preload lists from its module scripts. */
const pageScripts = async (siteDir: string, page: string): Promise<string[]> => {
  const html = await readFile(path.join(siteDir, page), 'utf8')
  const queue = [...html.matchAll(/<script[^>]+src="\/([^"]+\.js)"/g)].map((m) => m[1])
  const seen = new Set<string>()
  while (queue.length) {
    const file = queue.shift()!
    if (seen.has(file)) continue
    seen.add(file)
    const code = await readFile(path.join(siteDir, file), 'utf8')
    for (const m of code.matchAll(/["'](?:\.\/|\/?assets\/)([\w.-]+\.js)["']/g)) queue.push(`assets/${m[1]}`)
  }
  return [...seen]
}

const siteDir = path.resolve(process.argv[2] ?? 'data/site')
const templatesDir = path.join(siteDir, 'templates')
if (existsSync(templatesDir)) {
  const slug = (await readdir(templatesDir, { withFileTypes: true })).find((d) => d.isDirectory())?.name
  if (slug) {
    const files = await pageScripts(siteDir, `templates/${slug}/index.html`)
    let raw = 0
    let gz = 0
    let reactGz = 0
    for (const f of files) {
      const bytes = await readFile(path.join(siteDir, f))
      const g = gzipSync(bytes, { level: 9 }).length
      raw += bytes.length
      gz += g
      if (/\/client\.[\w-]+\.js$/.test(f) && bytes.length > 100_000) reactGz += g
      rows.push([`  ${f}`, `${(bytes.length / 1024).toFixed(1)} KiB, ${(g / 1024).toFixed(1)} KiB gzip`])
    }
    rows.push([
      `Template page JavaScript, all files (${files.length})`,
      `${(raw / 1024).toFixed(1)} KiB, ${(gz / 1024).toFixed(1)} KiB gzip`,
    ])
    rows.push(['  of which React DOM (shared by every island)', `${(reactGz / 1024).toFixed(1)} KiB gzip`])
    rows.push(['  of which the filler, docx and glue', `${((gz - reactGz) / 1024).toFixed(1)} KiB gzip`])
  }
} else rows.push(['Template page JavaScript', `skipped: no built site at ${siteDir}`])

for (const [k, v] of rows) console.log(`${k.padEnd(78)} ${v}`)
