/**
 * What generated guides are made of: the sentences, headings, list items, key facts and steps of
 * the seed guides (per topic and overall), and the qualifiers that make new titles from theirs.
 */
import { SECTORS } from '../../content-models/constants'
import type { SeedGuide } from '../../cms/seed/loadSeedData'
import { between, pick, type Rng } from './random'

/** The pieces guides are recombined from, per topic and overall. */
export type Pool = {
  sentences: string[]
  headings: string[]
  listItems: string[]
  keyFacts: string[]
  steps: { title: string; body: string }[]
  phrases: string[]
  summaries: string[]
}

export const emptyPool = (): Pool => ({
  sentences: [],
  headings: [],
  listItems: [],
  keyFacts: [],
  steps: [],
  phrases: [],
  summaries: [],
})

export const addToPool = (pool: Pool, g: SeedGuide) => {
  for (const line of g.body.split('\n')) {
    const l = line.trim()
    if (/^#{2,3} /.test(l)) pool.headings.push(l.replace(/^#+ /, ''))
    else if (/^(-|\d+\.) /.test(l)) pool.listItems.push(l.replace(/^(-|\d+\.) /, ''))
    else if (l) pool.sentences.push(...(l.match(/[^.!?]+[.!?]+/g) ?? [l]).map((s) => s.trim()))
  }
  pool.keyFacts.push(...(g.keyFacts ?? []))
  pool.steps.push(...(g.steps ?? []))
  pool.phrases.push(...(g.alsoSearchedAs ?? []))
  pool.summaries.push(g.summary)
}

export const QUALIFIERS = [
  'for agency workers',
  'on a zero-hours contract',
  'when you work part time',
  'for night workers',
  'for apprentices',
  'for young workers',
  'when you have two jobs',
  'after a TUPE transfer',
  'in your first year',
  'when you work from home',
  'on a fixed-term contract',
  'for shift workers',
  ...SECTORS.filter((s) => s.value !== 'other').map((s) => `in ${s.label.toLowerCase()}`),
]

export const NATION_SETS = [
  ['england-wales', 'scotland'],
  ['england-wales', 'scotland', 'northern-ireland'],
  ['england-wales'],
  ['northern-ireland'],
  ['scotland'],
]

/** A body of 6–9 sections in the seed guides' Markdown subset, about 800 words. */
export const makeBody = (rng: Rng, local: Pool, all: Pool): string => {
  const from = (key: 'sentences' | 'headings' | 'listItems') =>
    rng() < 0.7 && local[key].length ? pick(rng, local[key]) : pick(rng, all[key])
  const parts: string[] = []
  const sections = between(rng, 6, 9)
  for (let s = 0; s < sections; s++) {
    parts.push(`## ${from('headings')}`)
    const paras = between(rng, 2, 4)
    for (let p = 0; p < paras; p++)
      parts.push(Array.from({ length: between(rng, 2, 4) }, () => from('sentences')).join(' '))
    if (rng() < 0.5)
      parts.push(Array.from({ length: between(rng, 3, 5) }, () => `- ${from('listItems')}`).join('\n'))
  }
  return parts.join('\n\n')
}
