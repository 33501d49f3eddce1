/**
 * Signing a petition: check the input, store a pending signature (one per canonical email per
 * petition), flag abuse silently, and email a confirmation link. The endpoint only calls this.
 */
import type { Payload } from 'payload'
import type { Signature } from '../payload-types'
import { FLAGS, formFlags, HONEYPOT_FIELD, hashIp, STAMP_FIELD, suppressesEmail, type Flag } from '../abuse/flags'
import { hitRateLimit, rateLimitStoreFor, rateRules } from '../abuse/rateLimit'
import { check, type FieldErrors } from '../abuse/validation'
import { signatureAlreadySignedEmail, signatureConfirmEmail } from '../email/messages/render'
import { canonicalEmail } from '../members/canonicalEmail'
import { CONSENT_VERSION } from '../members/consent'
import { parsePostcode } from '../members/postcode'
import { isSignable, MAX_CONFIRMATION_EMAILS, RECORD_STATES } from '../members/records'
import { cmsUrl, linkToken, links, newConfirmToken } from '../members/tokens'
import { signSchema } from './signSchema'

/** Who is submitting, as far as the endpoint knows. */
export type SubmitContext = { ip: string; now?: number }

/** What happened, for the endpoint to answer with. Flagged submissions look like 'sent'. */
export type SignOutcome =
  | { status: 'invalid'; errors: FieldErrors }
  | { status: 'petition-not-found' }
  | { status: 'petition-closed' }
  | { status: 'sent' }
  | { status: 'too-many-emails' }

type PetitionRef = { id: number; title: string; state?: string | null; opensAt?: string | null; closesAt?: string | null }

const petitionCache = new Map<string, { at: number; value: PetitionRef | null }>()

/**
 * Finds a public petition by slug (only the fields signing needs). Kept for a second, so a rush
 * of signatures costs one lookup a second; a closed petition stops taking them within that second.
 */
export const findPetitionBySlug = async (payload: Payload, slug: string, now = Date.now()): Promise<PetitionRef | null> => {
  if (!/^[a-z0-9-]{1,120}$/.test(slug)) return null
  const hit = petitionCache.get(slug)
  if (hit && now - hit.at < 1000) return hit.value
  const value = await lookUpPetition(payload, slug)
  if (petitionCache.size > 1000) petitionCache.clear()
  petitionCache.set(slug, { at: now, value })
  return value
}

const lookUpPetition = async (payload: Payload, slug: string): Promise<PetitionRef | null> => {
  const found = await payload.find({
    collection: 'petitions',
    where: { slug: { equals: slug } },
    limit: 1,
    depth: 0,
    pagination: false,
    overrideAccess: true,
    select: { title: true, state: true, opensAt: true, closesAt: true },
  })
  return (found.docs[0] as PetitionRef | undefined) ?? null
}

/** A unique-index clash, as the SQLite and MongoDB adapters report it. */
export const isUniqueViolation = (error: unknown): boolean => {
  const text = `${(error as Error)?.message ?? ''} ${String((error as { cause?: unknown })?.cause ?? '')} ${JSON.stringify((error as { data?: unknown })?.data ?? '')}`
  return /UNIQUE constraint|SQLITE_CONSTRAINT|E11000|duplicate key|unique/i.test(text)
}

/** The parts of a SQL adapter (SQLite, Postgres) that insertSignature uses. */
type SqlAdapter = { drizzle: { insert: (table: unknown) => { values: (v: unknown) => { returning: (f: unknown) => Promise<{ id: number }[]> } & PromiseLike<unknown> } }; tables: Record<string, Record<string, unknown>> }

/**
 * Stores a signature. The input is already checked by signSchema and signatures have no hooks, so
 * on a SQL database it is one plain insert (plus one for any flags): Payload's create operation
 * (field validation, hooks, writing then re-reading the row) costs several times more, which
 * matters when thousands sign at once (see scripts/bench/signatures.ts). Other databases go
 * through the adapter's create.
 */
export const insertSignature = async (payload: Payload, data: Omit<Signature, 'id' | 'createdAt' | 'updatedAt'>): Promise<Pick<Signature, 'id'>> => {
  const now = new Date().toISOString()
  const sql = payload.db as unknown as Partial<SqlAdapter>
  const table = sql.tables?.signatures
  const texts = sql.tables?.signatures_texts
  if (!sql.drizzle || !table || !texts) {
    return (await payload.db.create({ collection: 'signatures', data: { ...data, createdAt: now, updatedAt: now } })) as Pick<Signature, 'id'>
  }
  const { flags, ...row } = data
  const [inserted] = await sql.drizzle.insert(table).values({ ...row, createdAt: now, updatedAt: now }).returning({ id: table.id })
  if (flags?.length) await sql.drizzle.insert(texts).values(flags.map((text, i) => ({ order: i + 1, parent: inserted.id, path: 'flags', text })))
  return inserted
}

const footerLinks = (payload: Payload, id: number, emailCanonical: string) => ({
  unsubscribe: links(cmsUrl()).unsubscribe('signature', id, linkToken(payload.secret, 'unsubscribe', 'signature', id, emailCanonical)),
  erase: links(cmsUrl()).erase('signature', id, linkToken(payload.secret, 'erase', 'signature', id, emailCanonical)),
})

/** Emails the confirmation link for a signature. */
const sendConfirm = async (payload: Payload, to: string, name: string, petition: PetitionRef, id: number, emailCanonical: string, token: string) => {
  const message = signatureConfirmEmail({
    name,
    petitionTitle: petition.title,
    confirmUrl: links(cmsUrl()).confirm('signature', token),
    ...footerLinks(payload, id, emailCanonical),
  })
  await payload.sendEmail({ to, ...message })
}

/**
 * Signs a petition for the person described by `raw` (form or JSON fields).
 * @example await signPetition(payload, 'fair-rotas', { name: 'Tom', email: 'tom@example.org' }, { ip: '203.0.113.9' })
 */
export const signPetition = async (payload: Payload, slug: string, raw: unknown, ctx: SubmitContext): Promise<SignOutcome> => {
  const checked = check(signSchema, raw)
  if (!checked.ok) return { status: 'invalid', errors: checked.errors }
  const input = checked.data
  const now = ctx.now ?? Date.now()

  const petition = await findPetitionBySlug(payload, slug)
  if (!petition || petition.state === 'draft') return { status: 'petition-not-found' }
  if (!isSignable(petition, new Date(now))) return { status: 'petition-closed' }

  const ipHash = hashIp(payload.secret, ctx.ip)
  const flags: Flag[] = formFlags({ honeypot: input[HONEYPOT_FIELD], stamp: input[STAMP_FIELD] }, payload.secret, now)
  if (await hitRateLimit(rateLimitStoreFor(payload), `sign:${petition.id}:${ipHash}`, rateRules('sign'), now)) flags.push(FLAGS.RATE_LIMIT)
  const quiet = suppressesEmail(flags)

  const emailCanonical = canonicalEmail(input.email)
  const place = input.postcode ? parsePostcode(input.postcode) : null
  const { token, hash } = newConfirmToken()

  let created: Pick<Signature, 'id'>
  try {
    created = await insertSignature(payload, {
      petition: petition.id,
      name: input.name,
      email: input.email,
      emailCanonical,
      postcode: place?.outward ?? null,
      region: place?.region ?? null,
      nation: place?.nation ?? null,
      consentUpdates: input.consentUpdates,
      consentVersion: CONSENT_VERSION,
      showName: input.showName,
      state: RECORD_STATES.PENDING,
      confirmTokenHash: hash,
      confirmationsSent: quiet ? 0 : 1,
      ipHash,
      flags,
    })
  } catch (error) {
    if (!isUniqueViolation(error)) throw error
    return repeatSignature(payload, petition, input.email, input.name, emailCanonical, quiet)
  }
  if (quiet) return { status: 'sent' }
  try {
    await sendConfirm(payload, input.email, input.name, petition, created.id, emailCanonical, token)
  } catch (error) {
    // Nothing half-done is kept: the person can simply try again.
    await payload.delete({ collection: 'signatures', id: created.id, overrideAccess: true })
    throw error
  }
  return { status: 'sent' }
}

/** A second attempt with the same email: resend (a few times at most), never a second signature. */
const repeatSignature = async (
  payload: Payload,
  petition: PetitionRef,
  email: string,
  name: string,
  emailCanonical: string,
  quiet: boolean,
): Promise<SignOutcome> => {
  const found = await payload.find({
    collection: 'signatures',
    where: { and: [{ petition: { equals: petition.id } }, { emailCanonical: { equals: emailCanonical } }] },
    limit: 1,
    depth: 0,
    overrideAccess: true,
    pagination: false,
  })
  const existing = found.docs[0]
  if (!existing) throw new Error(`Signature for petition ${petition.id} clashed with one that no longer exists; try again.`)
  if (quiet) return { status: 'sent' }
  const sent = existing.confirmationsSent ?? 0
  if (sent >= MAX_CONFIRMATION_EMAILS) return { status: 'too-many-emails' }
  if (existing.state === RECORD_STATES.CONFIRMED) {
    await payload.update({ collection: 'signatures', id: existing.id, data: { confirmationsSent: sent + 1 }, overrideAccess: true, depth: 0 })
    await payload.sendEmail({ to: email, ...signatureAlreadySignedEmail({ name, petitionTitle: petition.title, ...footerLinks(payload, existing.id, emailCanonical) }) })
    return { status: 'sent' }
  }
  // Pending: a new link replaces the old one (only hashes are stored, so the old one cannot be resent).
  const { token, hash } = newConfirmToken()
  await payload.update({ collection: 'signatures', id: existing.id, data: { confirmationsSent: sent + 1, confirmTokenHash: hash }, overrideAccess: true, depth: 0 })
  await sendConfirm(payload, email, name, petition, existing.id, emailCanonical, token)
  return { status: 'sent' }
}
