/**
 * Renders Payload's Lexical JSON to safe HTML for the static site, at snapshot export.
 * Everything typed by an editor is escaped; only known node types become markup; links keep only
 * http(s), mailto, tel and site-relative addresses. A <script> typed into rich text stays text.
 */
import type { TocEntry } from '../../content-models/snapshot'
import { slugify } from '../../content-models/validators/slug'

type LexicalNode = {
  type?: string
  children?: LexicalNode[]
  text?: string
  format?: number | string
  tag?: string
  listType?: string
  start?: number
  fields?: { url?: string; newTab?: boolean; linkType?: string; doc?: unknown }
  url?: string
  value?: unknown
  checked?: boolean
}

export type { TocEntry }

export type RenderedRichText = { html: string; toc: TocEntry[]; text: string }

const TEXT_FORMAT = {
  bold: 1,
  italic: 2,
  strikethrough: 4,
  underline: 8,
  code: 16,
  subscript: 32,
  superscript: 64,
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

/** Escapes text for HTML content or a quoted attribute. */
export const escapeHtml = (value: string): string => value.replace(/[&<>"']/g, (c) => ESCAPES[c])

/** Returns the URL if it is safe to put in an href, otherwise null. */
export const safeHref = (raw: unknown): string | null => {
  if (typeof raw !== 'string') return null
  const url = raw.trim()
  if (url === '') return null
  if (/^(\/(?!\/)|#|\.\.?\/)/.test(url)) return url
  try {
    const parsed = new URL(url)
    return ['http:', 'https:', 'mailto:', 'tel:'].includes(parsed.protocol) ? parsed.href : null
  } catch {
    return null
  }
}

const plainText = (node: LexicalNode): string =>
  node.type === 'text'
    ? (node.text ?? '')
    : node.type === 'linebreak'
      ? ' '
      : (node.children ?? []).map(plainText).join('')

/**
 * Renders a Lexical editor state (or null) to HTML, a contents list of its h2/h3 headings and its
 * plain text (for search).
 * @example renderRichText(state).html // '<h2 id="who-can-get-it">Who can get it</h2><p>…</p>'
 */
export const renderRichText = (state: unknown): RenderedRichText => {
  const root = (state as { root?: LexicalNode } | null | undefined)?.root
  const toc: TocEntry[] = []
  const usedIds = new Map<string, number>()
  const textParts: string[] = []

  const uniqueId = (text: string) => {
    const base = slugify(text) || 'section'
    const n = usedIds.get(base) ?? 0
    usedIds.set(base, n + 1)
    return n === 0 ? base : `${base}-${n + 1}`
  }

  const children = (node: LexicalNode) => (node.children ?? []).map(render).join('')

  const render = (node: LexicalNode): string => {
    switch (node.type) {
      case 'text': {
        let html = escapeHtml(node.text ?? '')
        const f = typeof node.format === 'number' ? node.format : 0
        if (f & TEXT_FORMAT.code) html = `<code>${html}</code>`
        if (f & TEXT_FORMAT.bold) html = `<strong>${html}</strong>`
        if (f & TEXT_FORMAT.italic) html = `<em>${html}</em>`
        if (f & TEXT_FORMAT.strikethrough) html = `<s>${html}</s>`
        if (f & TEXT_FORMAT.subscript) html = `<sub>${html}</sub>`
        if (f & TEXT_FORMAT.superscript) html = `<sup>${html}</sup>`
        return html
      }
      case 'linebreak':
        return '<br>'
      case 'tab':
        return ' '
      case 'paragraph': {
        const inner = children(node)
        textParts.push(plainText(node))
        return inner.trim() === '' ? '' : `<p>${inner}</p>`
      }
      case 'heading': {
        // The page has its own h1, so body headings start at h2.
        const level = node.tag === 'h1' || node.tag === 'h2' ? 2 : node.tag === 'h3' ? 3 : 4
        const text = plainText(node).trim()
        textParts.push(text)
        if (level === 4) return `<h4>${children(node)}</h4>`
        const id = uniqueId(text)
        toc.push({ id, text, level })
        return `<h${level} id="${escapeHtml(id)}">${children(node)}</h${level}>`
      }
      case 'list': {
        const tag = node.listType === 'number' ? 'ol' : 'ul'
        const start =
          tag === 'ol' && typeof node.start === 'number' && node.start !== 1
            ? ` start="${Math.trunc(node.start)}"`
            : ''
        return `<${tag}${start}>${children(node)}</${tag}>`
      }
      case 'listitem': {
        const nested = (node.children ?? []).every((c) => c.type === 'list')
        if (nested) return children(node)
        textParts.push(plainText(node))
        return `<li>${children(node)}</li>`
      }
      case 'quote':
        textParts.push(plainText(node))
        return `<blockquote><p>${children(node)}</p></blockquote>`
      case 'link':
      case 'autolink': {
        const href = node.fields?.linkType === 'internal' ? null : safeHref(node.fields?.url ?? node.url)
        const inner = children(node)
        if (!href) return inner
        const external = /^https?:/.test(href)
        return `<a href="${escapeHtml(href)}"${external ? ' rel="noopener noreferrer"' : ''}>${inner}</a>`
      }
      case 'horizontalrule':
        return '<hr>'
      case 'root':
        return children(node)
      default:
        // Unknown or unsupported nodes (uploads, blocks, raw HTML): keep their text, never their markup.
        return node.children ? children(node) : node.text ? escapeHtml(node.text) : ''
    }
  }

  const html = root ? render(root) : ''
  return { html, toc, text: textParts.filter(Boolean).join('\n') }
}
