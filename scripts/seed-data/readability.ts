/**
 * Readability of seed content, shared by the content test (tests/unit/contentChecks.test.ts) and
 * `npm run bench -- content`, so both report the same score.
 */

/** Syllables in one English word, by vowel groups (a silent final "e" or "-ed" does not count). */
export const syllables = (word: string) => {
  const w = word.toLowerCase().replace(/[^a-z]/g, '')
  if (w.length <= 3) return w ? 1 : 0
  const groups = w
    .replace(/(?:[^laeiouy]es|ed|[^laeiouy]e)$/, '')
    .replace(/^y/, '')
    .match(/[aeiouy]{1,2}/g)
  return Math.max(1, groups?.length ?? 1)
}

/** Sentences, words and syllables of a Markdown body, as Flesch reading ease counts them. */
export const textCounts = (markdown: string) => {
  const text = markdown
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`#>]/g, '')
    .replace(/^\s*(?:-|\d+\.)\s+/gm, '')
  const sentences = text
    .split(/[.!?]+(?:\s|$)|\n+/)
    .map((s) => s.trim())
    .filter((s) => /[A-Za-z]/.test(s))
  const words = sentences.flatMap((s) => s.split(/\s+/).filter((w) => /[A-Za-z0-9]/.test(w)))
  const syllableCount = words.reduce((n, w) => n + syllables(w), 0)
  return { sentences: sentences.length, words: words.length, syllables: syllableCount }
}

/**
 * Flesch reading ease of a guide's Markdown body: links count as their text; each heading, list
 * item and sentence ends a sentence. 70 or more reads at about age 9 to 10.
 * @example fleschReadingEase('You get paid. Your boss must pay you.') // about 104
 */
export const fleschReadingEase = (markdown: string) => {
  const c = textCounts(markdown)
  return 206.835 - 1.015 * (c.words / c.sentences) - 84.6 * (c.syllables / c.words)
}

/** The lowest Flesch reading ease a guide may have (a reading age of about 9). */
export const MIN_READING_EASE = 70
