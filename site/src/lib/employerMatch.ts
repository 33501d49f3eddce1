/**
 * Does the employer a worker typed match an employer a union lists as recognising it? Workers type
 * names as they say them ("Sainsburys", "Royal Mail Group Ltd", "Leeds City Council", "Manchester
 * University NHS Foundation Trust"); the directory lists them as everyday names ("Sainsbury's",
 * "Royal Mail", "Local councils", "NHS").
 *
 * Two names match when, in lower case with apostrophes and punctuation gone, they have the same
 * words once words that say nothing about which employer it is (ltd, plc, group, stores, trains…)
 * are left out. A listed name that stands for a kind of employer ("NHS", "Local councils") matches
 * any name with one of that kind's words. Nothing looser: "Northern Trust" is not "Northern".
 */

/** Words that do not tell one employer from another. */
const FILLER = new Set([
  'the',
  'ltd',
  'limited',
  'plc',
  'llp',
  'uk',
  'gb',
  'group',
  'holdings',
  'co',
  'company',
  'and',
  'stores',
  'store',
  'supermarket',
  'supermarkets',
  'trains',
  'train',
  'railway',
  'railways',
  'rail',
])

/** Listed names that stand for a kind of employer, and the words that mark one of that kind. */
const KINDS: Record<string, string[]> = {
  nhs: ['nhs'],
  'local councils': ['council', 'councils'],
}

const words = (name: string): string[] =>
  name
    .toLowerCase()
    .replace(/['’]/g, '')
    .split(/[^a-z0-9]+/)
    .filter((w) => w && !FILLER.has(w))

/** True when `typed` (what the worker wrote) is the employer `listed` names. */
export const employerMatches = (listed: string, typed: string): boolean => {
  const mine = words(typed)
  if (mine.length === 0) return false
  const kind = KINDS[words(listed).join(' ')]
  if (kind) return mine.some((w) => kind.includes(w))
  const theirs = words(listed)
  return theirs.length === mine.length && theirs.every((w, i) => w === mine[i])
}
