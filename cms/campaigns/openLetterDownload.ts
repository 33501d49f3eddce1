/**
 * Downloading an open letter with its signatories: the published letter (open, closed or
 * delivered; never a draft, never a petition) as PDF or Word, made from the database at most once
 * a roll-up per letter and format (ROLL_UP_SECONDS), and once however many ask at the same moment.
 */
import type { Payload } from 'payload'
import { CAMPAIGN_KINDS } from '../../content-models/collections/Petitions/kinds'
import { PUBLIC_PETITION_STATES } from '../../content-models/constants'
import { renderRichText } from '../richtext/lexicalToHtml'
import { ROLL_UP_SECONDS } from './counts'
import { LETTER_FORMATS, type LetterFormat, openLetterDocx, openLetterPdf } from './openLetterFiles'
import { allSignatories } from './signatories'
import { PUBLISHED } from '../../content-models/access/publishedOrStaff'

/** A file ready to send. */
export type LetterFile = { body: Buffer; contentType: string; filename: string; madeAt: number }

type Cache = Map<string, Promise<LetterFile | null> | { at: number; file: LetterFile | null }>
const caches = new WeakMap<Payload, Cache>()

/** Whether a path segment names a format we make. */
export const isLetterFormat = (v: string): v is LetterFormat => Object.hasOwn(LETTER_FORMATS, v)

const make = async (payload: Payload, slug: string, format: LetterFormat): Promise<LetterFile | null> => {
  const { docs } = await payload.find({
    collection: 'petitions',
    where: {
      and: [
        { slug: { equals: slug } },
        { kind: { equals: CAMPAIGN_KINDS.OPEN_LETTER } },
        { state: { in: [...PUBLIC_PETITION_STATES] } },
        PUBLISHED,
      ],
    },
    limit: 1,
    depth: 0,
    overrideAccess: true,
    select: { title: true, addressedTo: true, letter: true },
  })
  const letter = docs[0]
  if (!letter) return null
  const { named, unnamed } = await allSignatories(payload, letter.id)
  const at = new Date()
  const content = {
    title: letter.title,
    addressedTo: letter.addressedTo,
    paragraphs: renderRichText(letter.letter).text.split('\n'),
    named,
    unnamed,
    at,
  }
  const body = format === 'pdf' ? await openLetterPdf(content) : await openLetterDocx(content)
  return { body, contentType: LETTER_FORMATS[format], filename: `${slug}.${format}`, madeAt: at.getTime() }
}

/**
 * The file of a published open letter, or null when there is no such letter. Kept for one
 * roll-up: a signatory who confirms (or is erased) is in the next file within ROLL_UP_SECONDS.
 */
export const openLetterFile = async (
  payload: Payload,
  slug: string,
  format: LetterFormat,
  now = Date.now(),
): Promise<LetterFile | null> => {
  if (!/^[a-z0-9-]{1,120}$/.test(slug)) return null
  let cache = caches.get(payload)
  if (!cache) caches.set(payload, (cache = new Map()))
  const key = `${slug}.${format}`
  const hit = cache.get(key)
  if (hit instanceof Promise) return hit
  if (hit && now - hit.at < ROLL_UP_SECONDS * 1000) return hit.file
  const c = cache
  const making = make(payload, slug, format).then(
    (file) => {
      if (c.size > 200) c.clear()
      c.set(key, { at: now, file })
      return file
    },
    (error: unknown) => {
      c.delete(key)
      throw error
    },
  )
  cache.set(key, making)
  return making
}
