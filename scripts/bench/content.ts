/**
 * Readability of every seed guide: Flesch reading ease (70 or more reads at about age 9), words
 * per sentence and syllables per word, lowest score first, with the range and how many fall short.
 *
 *   npm run bench -- content
 */
import path from 'node:path'
import { loadGuides } from '../../cms/seed/loadSeedData'
import { fleschReadingEase, MIN_READING_EASE, textCounts } from '../seed-data/readability'

const guides = await loadGuides(path.resolve('scripts/seed-data/guides'))
const rows = guides
  .map((g) => {
    const c = textCounts(g.body)
    return {
      slug: g.slug,
      score: fleschReadingEase(g.body),
      words: c.words,
      perSentence: c.words / c.sentences,
      perWord: c.syllables / c.words,
    }
  })
  .sort((a, b) => a.score - b.score)

const width = Math.max(...rows.map((r) => r.slug.length))
console.log(`${'guide'.padEnd(width)}  reading ease  words  words/sentence  syllables/word`)
for (const r of rows) {
  const flag = r.score < MIN_READING_EASE ? '  below 70' : ''
  console.log(
    `${r.slug.padEnd(width)}  ${r.score.toFixed(1).padStart(12)}  ${String(r.words).padStart(5)}  ${r.perSentence.toFixed(1).padStart(14)}  ${r.perWord.toFixed(2).padStart(14)}${flag}`,
  )
}
const scores = rows.map((r) => r.score)
const mean = scores.reduce((a, b) => a + b, 0) / scores.length
const short = rows.filter((r) => r.score < MIN_READING_EASE).length
console.log(
  `\n${rows.length} guides: reading ease ${Math.min(...scores).toFixed(1)} to ${Math.max(...scores).toFixed(1)}, mean ${mean.toFixed(1)}; ${short} below ${MIN_READING_EASE}`,
)
