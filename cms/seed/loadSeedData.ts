import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import type { RequiredDataFromCollectionSlug } from 'payload'
import { parse as parseYaml } from 'yaml'
import { isSlug } from '../../content-models/validators/slug'
import { checkTemplate } from '../../content-models/validators/templatePlaceholders'

export type SeedGuide = {
  title: string
  slug: string
  summary: string
  topics: string[]
  nations: string[]
  nationsNote?: string
  alsoSearchedAs?: string[]
  keyFacts?: string[]
  steps?: { title: string; body: string }[]
  sources?: { title: string; url: string }[]
  relatedGuides?: string[]
  relatedTemplates?: string[]
  lastReviewed?: string
  reviewDue?: string
  history?: { date: string; note: string }[]
  body: string
}

export type SeedTemplate = {
  title: string
  slug: string
  summary: string
  kind: 'letter' | 'email'
  subject?: string
  topics?: string[]
  nations: string[]
  relatedGuides?: string[]
  sources?: { title: string; url: string }[]
  lastReviewed?: string
  placeholders: {
    key: string
    label: string
    hint?: string
    example?: string
    required?: boolean
    multiline?: boolean
    type?: 'text' | 'date'
  }[]
  optionalSections?: { key: string; label: string; group?: string | null; default?: boolean }[]
  guidance: string
  body: string
}

/** unions.json: each union as the collection stores it (null for "not set"). */
export type SeedUnion = RequiredDataFromCollectionSlug<'unions'>

/** networks.json: each network, its union named by slug. */
export type SeedNetwork = Omit<RequiredDataFromCollectionSlug<'networks'>, 'relatedUnion'> & {
  relatedUnion?: string | null
}

/** training-sessions.json: each session, its description in Markdown and its topics by slug. */
export type SeedTrainingSession = Omit<
  RequiredDataFromCollectionSlug<'training-sessions'>,
  'description' | 'topics'
> & { description?: string | null; topics?: string[] }

/** A seed file that cannot be used, naming the file and the problem. */
export class SeedDataError extends Error {
  constructor(file: string, problem: string) {
    super(`${file}: ${problem}`)
    this.name = 'SeedDataError'
  }
}

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/

/** Splits a Markdown file into its YAML front matter and body. */
export const parseFrontMatter = (
  file: string,
  source: string,
): { data: Record<string, unknown>; body: string } => {
  const m = FRONT_MATTER.exec(source)
  if (!m) throw new SeedDataError(file, 'must start with YAML front matter between two "---" lines.')
  let data: unknown
  try {
    data = parseYaml(m[1])
  } catch (cause) {
    throw new SeedDataError(file, `front matter is not valid YAML: ${(cause as Error).message}`)
  }
  if (!data || typeof data !== 'object') throw new SeedDataError(file, 'front matter is empty.')
  return { data: data as Record<string, unknown>, body: m[2].trim() }
}

const asDate = (v: unknown) =>
  v instanceof Date ? v.toISOString().slice(0, 10) : v == null ? undefined : String(v)

const requireFields = (file: string, data: Record<string, unknown>, fields: string[]) => {
  for (const f of fields)
    if (data[f] == null || data[f] === '') throw new SeedDataError(file, `"${f}" is required.`)
  if (!isSlug(data.slug))
    throw new SeedDataError(file, `slug "${String(data.slug)}" must be lower-case words joined by hyphens.`)
}

const markdownFiles = async (dir: string) =>
  (await readdir(dir).catch(() => [] as string[])).filter((f) => f.endsWith('.md')).sort()

/** Reads every guide in `dir` (guides/<slug>.md). */
export const loadGuides = async (dir: string): Promise<SeedGuide[]> => {
  const out: SeedGuide[] = []
  for (const name of await markdownFiles(dir)) {
    const file = path.join(dir, name)
    const { data, body } = parseFrontMatter(file, await readFile(file, 'utf8'))
    requireFields(file, data, ['title', 'slug', 'summary', 'nations'])
    if (body === '') throw new SeedDataError(file, 'the guide has no body text after the front matter.')
    out.push({
      ...(data as Omit<SeedGuide, 'body'>),
      lastReviewed: asDate(data.lastReviewed),
      reviewDue: asDate(data.reviewDue),
      history: ((data.history as { date: unknown; note: string }[]) ?? []).map((h) => ({
        date: asDate(h.date)!,
        note: h.note,
      })),
      body,
    })
  }
  return out
}

const LETTER_MARK = /^\s*=== LETTER ===\s*$/m

/** Reads every template in `dir` and checks its placeholders the way the CMS will. */
export const loadTemplates = async (dir: string): Promise<SeedTemplate[]> => {
  const out: SeedTemplate[] = []
  for (const name of await markdownFiles(dir)) {
    const file = path.join(dir, name)
    const { data, body } = parseFrontMatter(file, await readFile(file, 'utf8'))
    requireFields(file, data, ['title', 'slug', 'summary', 'kind', 'nations'])
    const parts = body.split(LETTER_MARK)
    if (parts.length !== 2)
      throw new SeedDataError(
        file,
        'needs exactly one line "=== LETTER ===" between the guidance and the letter.',
      )
    const template = {
      ...(data as Omit<SeedTemplate, 'guidance' | 'body'>),
      placeholders: (data.placeholders as SeedTemplate['placeholders']) ?? [],
      lastReviewed: asDate(data.lastReviewed),
      guidance: parts[0].trim(),
      body: parts[1].replace(/^\n+|\s+$/g, ''),
    }
    const problems = checkTemplate(template)
    if (problems.length) throw new SeedDataError(file, problems.join(' '))
    out.push(template)
  }
  return out
}

/** Reads a JSON seed file, or returns `fallback` when it does not exist. */
export const loadJson = async <T>(file: string, fallback: T): Promise<T> => {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch {
    return fallback
  }
  try {
    return JSON.parse(text) as T
  } catch (cause) {
    throw new SeedDataError(file, `is not valid JSON: ${(cause as Error).message}`)
  }
}
