/** The seed guides' Markdown subset as the snapshot's HTML, text and contents list. */
import type { SnapshotGuide } from '../../content-models/snapshot'

export const slugify = (s: string) =>
  s
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
export const escapeHtml = (s: string) =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
export const inline = (s: string) =>
  escapeHtml(s)
    .replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>')
    .replace(/\[([^\]]+)\]\((https:[^)\s]+)\)/g, '<a href="$2">$1</a>')
export const plain = (s: string) => s.replace(/\*\*(.+?)\*\*/g, '$1').replace(/\[([^\]]+)\]\([^)]+\)/g, '$1')

/** The seed guides' Markdown subset as HTML, with the headings' contents list. */
export const renderMarkdown = (md: string) => {
  const toc: SnapshotGuide['toc'] = []
  const used = new Map<string, number>()
  const html = md
    .split(/\n{2,}/)
    .map((block) => {
      const h = block.match(/^(#{2,3}) (.+)$/)
      if (h) {
        const base = slugify(h[2]) || 'section'
        const n = used.get(base) ?? 0
        used.set(base, n + 1)
        const id = n ? `${base}-${n + 1}` : base
        toc.push({ id, text: plain(h[2]), level: h[1].length as 2 | 3 } as SnapshotGuide['toc'][number])
        return `<h${h[1].length} id="${id}">${inline(h[2])}</h${h[1].length}>`
      }
      if (block.startsWith('- '))
        return `<ul>${block
          .split('\n')
          .map((li) => `<li>${inline(li.slice(2))}</li>`)
          .join('')}</ul>`
      return `<p>${inline(block)}</p>`
    })
    .join('')
  return { html, toc, text: plain(md.replace(/^#+ /gm, '').replace(/^- /gm, '')).replace(/\s+/g, ' ').trim() }
}
