/**
 * Search while typing: typo and prefix matches against the whole vocabulary, exactly as lunr finds
 * them, and a word counted as finished once a stop word follows it.
 */
import { describe, expect, it } from 'vitest'
import { buildLunr } from '../../site/src/lib/search/lunrReference'
import { TokenSets } from '../../site/src/lib/search/lunrInternals'
import { planQuery } from '../../site/src/lib/search/planQuery'
import { oneEditApart, vocabularyOf } from '../../site/src/lib/search/vocabulary'
import { fixtureDocs } from '../helpers/searchFixture'

const docs = fixtureDocs()

describe('search while typing', () => {
  it('matches typos and prefixes exactly as lunr does against the whole vocabulary', () => {
    const terms = Object.keys(buildLunr(docs).invertedIndex).filter(Boolean).sort()
    const whole = TokenSets.fromArray([...terms])
    const lunrMatches = (set: ReturnType<typeof TokenSets.fromString>) =>
      whole.intersect(set).toArray().sort()
    const shortestFirst = (xs: string[]) =>
      [...xs].sort((a, b) => a.length - b.length || (a < b ? -1 : 1)).slice(0, 12)
    const vocab = vocabularyOf(terms)
    // Real words, and each of them one and two typos away: a letter dropped, changed, added, or two swapped.
    const words = terms.filter((t) => t.length >= 5).slice(0, 120)
    expect(words.length).toBe(120)
    const typed = words.flatMap((w) => [
      w,
      w.slice(1),
      w.slice(0, 2) + w.slice(3),
      `x${w}`,
      `${w}e`,
      w.slice(0, 2) + 'q' + w.slice(3),
      w[1] + w[0] + w.slice(2),
      w.slice(0, -2) + w.at(-1) + w.at(-2),
      w.slice(2),
      `${w.slice(0, 3)}zz${w.slice(3)}`,
    ])
    for (const t of [...typed, 'holliday', 'grievenc', 'tribuanl', 'dismisal', 'xyzzyq']) {
      const expected = lunrMatches(TokenSets.fromFuzzyString(t, 1))
      expect(
        terms.filter((v) => oneEditApart(t, v)),
        t,
      ).toEqual(expected)
      expect(vocab.typoMatches(t), t).toEqual(shortestFirst(expected))
    }
    for (const p of ['hol', 'pay', 'sta', 'tri', 'dis', 'zzz', 'a', "don'", 'emp']) {
      expect(vocab.prefixMatches(p), p).toEqual(shortestFirst(lunrMatches(TokenSets.fromString(`${p}*`))))
    }
  })

  it('stops treating a word as unfinished once a stop word follows it', () => {
    const vocab = vocabularyOf(['pay', 'payslip'])
    expect(planQuery('pay', vocab).map((c) => c.term)).toEqual(['pay', 'payslip'])
    expect(planQuery('pay a', vocab).map((c) => c.term)).toEqual(['pay'])
  })
})
