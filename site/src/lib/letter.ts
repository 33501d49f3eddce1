/**
 * Shows a letter template with its gaps visible, for the page that works without JavaScript:
 * `{{key}}` becomes a marked "[label]" and `{{#section}}…{{/section}}` is marked as optional.
 * Everything else is escaped text.
 */
import type { SnapshotTemplate } from './snapshot'

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }
const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ESC[c])

/** The blank letter as safe HTML, placeholders and optional parts marked. */
export const blankLetterHtml = (t: Pick<SnapshotTemplate, 'body' | 'placeholders' | 'optionalSections'>, text = t.body): string => {
  const labels = new Map(t.placeholders.map((p) => [p.key, p.label]))
  const sections = new Map(t.optionalSections.map((s) => [s.key, s]))
  return text
    .split(/(\{\{\s*[#/]?\s*[a-z][a-z0-9_]*\s*\}\})/g)
    .map((part) => {
      const m = /^\{\{\s*([#/]?)\s*([a-z][a-z0-9_]*)\s*\}\}$/.exec(part)
      if (!m) return esc(part)
      const [, mark, key] = m
      if (mark === '#') {
        const s = sections.get(key)
        const label = s?.label ?? key
        return `<span class="optional-start">[${s?.group ? 'Use this or the other choice' : 'Optional'}: ${esc(label)}]</span>`
      }
      if (mark === '/') return '<span class="optional-end">[End of optional part]</span>'
      return `<span class="placeholder">[${esc(labels.get(key) ?? key)}]</span>`
    })
    .join('')
}
