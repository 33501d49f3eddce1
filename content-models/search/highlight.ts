/** Marks the words of a text that a search matched, for showing in results. */
import { analyse, type AnalysedToken } from './analyse'

/** A run of text; `mark` is true for a matched word. */
export type TextPart = { text: string; mark: boolean }

/** The words of texts already shown, stemmed: results stay on screen from key to key, and stemming is most of highlighting's cost. */
const analysed = new Map<string, AnalysedToken[]>()
const MAX_CACHED_TEXTS = 500

const wordsOf = (text: string): AnalysedToken[] => {
  let words = analysed.get(text)
  if (!words) {
    if (analysed.size >= MAX_CACHED_TEXTS) analysed.clear()
    analysed.set(text, (words = analyse(text, { keepStopWords: true })))
  }
  return words
}

/**
 * Splits text into parts, marking each word whose stem is one of the matched terms.
 * @example highlight('Holiday pay', new Set(['holiday'])) // [{ text: 'Holiday', mark: true }, { text: ' pay', mark: false }]
 */
export const highlight = (text: string, terms: ReadonlySet<string>): TextPart[] => {
  const parts: TextPart[] = []
  let at = 0
  const lower = text.toLowerCase()
  for (const t of wordsOf(text)) {
    if (!terms.has(t.term)) continue
    const start = t.start + Math.max(0, lower.slice(t.start, t.start + t.length).indexOf(t.word))
    const end = start + t.word.length
    if (start > at) parts.push({ text: text.slice(at, start), mark: false })
    parts.push({ text: text.slice(start, end), mark: true })
    at = end
  }
  if (at < text.length) parts.push({ text: text.slice(at), mark: false })
  return parts
}
