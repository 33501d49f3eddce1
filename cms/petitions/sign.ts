/**
 * Signing a petition: check the input, store a pending signature (one per canonical email per
 * petition), flag abuse silently, and email a confirmation link. The endpoint only calls this.
 *
 * Under load, signatures are stored in batches (one transaction for many people, see batcher.ts),
 * and the confirmation email is owed in the same row, so a slow email service never loses one.
 */
import { getTableColumns, getTableName } from 'drizzle-orm'
import type { Payload } from 'payload'
import type { Signature } from '../payload-types'
import { formFlags, HONEYPOT_FIELD, hashIp, STAMP_FIELD, suppressesEmail, type Flag } from '../abuse/flags'
import { limitRate } from '../abuse/rateLimit'
import { clientRateKey } from '../endpoints/clientAddress'
import { check, type FieldErrors } from '../abuse/validation'
import { signatureAlreadySignedEmail } from '../email/messages/render'
import { canonicalEmail } from '../members/canonicalEmail'
import { CONSENT_VERSION } from '../members/consent'
import { parsePostcode } from '../members/postcode'
import { isSignable, MAX_CONFIRMATION_EMAILS, RECORD_STATES } from '../members/records'
import { newConfirmToken } from '../members/tokens'
import { createBatcher, type Batcher } from './batcher'
import { deliverOwedEmail, owedFrom, sendSignatureConfirm, signatureFooterLinks } from './confirmEmail'
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
  | { status: 'rate-limited'; retryAfterSeconds: number }

type PetitionRef = { id: number; title: string; state?: string | null; opensAt?: string | null; closesAt?: string | null }

/** How long a petition looked up for signing is kept: a closed petition stops taking signatures within this time. */
export const PETITION_LOOKUP_MS = 1000

type LookupCache = { entries: Map<string, { at: number; value: PetitionRef | null }>; reading: Map<string, Promise<PetitionRef | null>> }
const lookups = new WeakMap<Payload, LookupCache>()

/**
 * Finds a public petition by slug (only the fields signing needs). Kept for PETITION_LOOKUP_MS,
 * and read once however many requests ask at the same moment, so a rush of signatures costs one
 * lookup a second. The closing date is checked on every request (isSignable), so only a change
 * of state made in the CMS takes up to that second to apply.
 */
export const findPetitionBySlug = async (payload: Payload, slug: string, now = Date.now()): Promise<PetitionRef | null> => {
  if (!/^[a-z0-9-]{1,120}$/.test(slug)) return null
  let cache = lookups.get(payload)
  if (!cache) lookups.set(payload, (cache = { entries: new Map(), reading: new Map() }))
  const hit = cache.entries.get(slug)
  if (hit && now - hit.at < PETITION_LOOKUP_MS) return hit.value
  const running = cache.reading.get(slug)
  if (running) return running
  const { entries, reading } = cache
  const read = lookUpPetition(payload, slug)
    .then((value) => {
      if (entries.size >= 1000) entries.clear()
      entries.set(slug, { at: now, value })
      return value
    })
    .finally(() => reading.delete(slug))
  reading.set(slug, read)
  return read
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

/** A signature row as signPetition builds it, before the database gives it an id. */
export type NewSignature = Omit<Signature, 'id' | 'createdAt' | 'updatedAt'>

/** A statement for libSQL's client. */
type Statement = { sql: string; args: unknown[] }
/** The parts of the SQL adapter (SQLite via libSQL) that insertSignatures uses; drizzle's own types are not exported by Payload. */
type SqlAdapter = {
  client: { batch: (statements: Statement[], mode: 'write') => Promise<{ rows: Record<string, unknown>[] }[]> }
  tables: Record<string, Table>
}
type Column = { name: string; default?: unknown; mapToDriverValue: (v: unknown) => unknown }
type Table = Record<string, unknown>

/** How the signatures table's columns are called and written, worked out once per table. */
type InsertPlan = { keys: string[]; columns: Column[]; table: string; texts: string; head: string; row: string }
const plans = new WeakMap<Table, InsertPlan>()

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`

const insertPlan = (table: Table, textsTable: Table): InsertPlan => {
  let plan = plans.get(table)
  if (!plan) {
    const all = getTableColumns(table as never) as Record<string, Column>
    const keys = Object.keys(all).filter((k) => k !== 'id')
    const columns = keys.map((k) => all[k])
    const name = getTableName(table as never)
    plan = {
      keys,
      columns,
      table: quote(name),
      texts: quote(getTableName(textsTable as never)),
      head: `insert into ${quote(name)} (${columns.map((c) => quote(c.name)).join(', ')}) values `,
      row: `(${columns.map(() => '?').join(', ')})`,
    }
    plans.set(table, plan)
  }
  return plan
}

/** A value as the column stores it; a missing one takes the column's plain default, as drizzle would. */
const driverValue = (column: Column, value: unknown): unknown => {
  if (value === undefined) return column.default === undefined || typeof column.default === 'object' ? null : column.mapToDriverValue(column.default)
  return value === null ? null : column.mapToDriverValue(value)
}

/**
 * Stores many signatures in one transaction and says, row by row, which were new: an id, or null
 * where the person had already signed (same petition and canonical email, in the database or
 * earlier in the same batch). The input is already checked by signSchema and signatures have no
 * hooks, so on SQL it is one multi-row INSERT … ON CONFLICT DO NOTHING plus one INSERT … SELECT
 * for the flags, run as one libSQL batch: its own BEGIN…COMMIT on the shared connection, so
 * nothing else interleaves (an interactive transaction would take a second connection and could
 * wait on the first). If any statement fails, none of the rows is stored. The SQL is written here,
 * with drizzle's column names and value mapping, because drizzle's query builder cost twice as
 * much CPU per row (scripts/bench/signatures.ts). Other databases go through the adapter, row by row.
 */
export const insertSignatures = async (payload: Payload, rows: NewSignature[]): Promise<(number | null)[]> => {
  const now = new Date().toISOString()
  const sql = payload.db as unknown as Partial<SqlAdapter>
  const table = sql.tables?.signatures
  const textsTable = sql.tables?.signatures_texts
  if (!sql.client?.batch || !table || !textsTable) {
    const ids: (number | null)[] = []
    for (const data of rows) {
      try {
        ids.push(((await payload.db.create({ collection: 'signatures', data: { ...data, createdAt: now, updatedAt: now } })) as { id: number }).id)
      } catch (error) {
        if (!isUniqueViolation(error)) throw error
        ids.push(null)
      }
    }
    return ids
  }
  const plan = insertPlan(table, textsTable)
  const args: unknown[] = []
  for (const r of rows) {
    const row = { ...r, createdAt: now, updatedAt: now } as Record<string, unknown>
    for (let i = 0; i < plan.keys.length; i++) args.push(driverValue(plan.columns[i], row[plan.keys[i]]))
  }
  const statements: Statement[] = [
    { sql: `${plan.head}${rows.map(() => plan.row).join(', ')} on conflict do nothing returning "id", "confirm_token_hash"`, args },
  ]
  // Flags go to the row with this confirm-token hash (new and unique), so never to an older
  // signature: one INSERT … SELECT for the whole batch, joined on the hash.
  const flagArgs: unknown[] = []
  for (const r of rows) (r.flags ?? []).forEach((text, i) => flagArgs.push(r.confirmTokenHash ?? null, i + 1, text))
  if (flagArgs.length) {
    statements.push({
      sql: `insert into ${plan.texts} ("order", "parent_id", "path", "text")
        select v.column2, s."id", 'flags', v.column3 from (values ${Array.from({ length: flagArgs.length / 3 }, () => '(?, ?, ?)').join(', ')}) as v
        join ${plan.table} as s on s."confirm_token_hash" = v.column1`,
      args: flagArgs,
    })
  }
  const [inserted] = await sql.client.batch(statements, 'write')
  const byHash = new Map(inserted.rows.map((r) => [r.confirm_token_hash as string, Number(r.id)]))
  return rows.map((r) => byHash.get(r.confirmTokenHash ?? '') ?? null)
}

const batchers = new WeakMap<Payload, Batcher<NewSignature, number | null>>()

/** The insert batcher of this Payload instance: SIGN_BATCH_MS (default 5) and SIGN_BATCH_ROWS (default 200, at most 1,000: SQLite allows about 32,000 values per statement). */
export const signatureBatcher = (payload: Payload): Batcher<NewSignature, number | null> => {
  let b = batchers.get(payload)
  if (!b) {
    b = createBatcher((rows: NewSignature[]) => insertSignatures(payload, rows), {
      maxWaitMs: Number(process.env.SIGN_BATCH_MS ?? 5) || 5,
      maxItems: Math.min(1000, Number(process.env.SIGN_BATCH_ROWS ?? 200) || 200),
    })
    batchers.set(payload, b)
  }
  return b
}

/** Stores one signature through the batcher: its id, or null if this person had already signed. */
export const insertSignature = (payload: Payload, data: NewSignature): Promise<number | null> => signatureBatcher(payload).add(data)

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

  const limit = await limitRate(payload, 'sign', clientRateKey(ctx.ip), String(petition.id))
  if (limit.limited) return { status: 'rate-limited', retryAfterSeconds: limit.retryAfterSeconds }
  const ipHash = hashIp(payload.secret, ctx.ip)
  const flags: Flag[] = formFlags({ honeypot: input[HONEYPOT_FIELD], stamp: input[STAMP_FIELD] }, payload.secret, now)
  const quiet = suppressesEmail(flags)

  const emailCanonical = canonicalEmail(input.email)
  const place = input.postcode ? parsePostcode(input.postcode) : null
  const { token, hash } = newConfirmToken()

  const id = await insertSignature(payload, {
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
    // Owed from the moment the row exists; the lease keeps the worker off while this request tries.
    ...(quiet ? { confirmEmailState: null, confirmEmailAttempts: 0, confirmEmailNextAt: null } : owedFrom(now)),
    ipHash,
    flags,
  })
  if (id === null) return repeatSignature(payload, petition, input.email, input.name, emailCanonical, quiet)
  if (quiet) return { status: 'sent' }
  return deliverConfirm(payload, { id, email: input.email, name: input.name, emailCanonical }, petition, token)
}

/** Sends a new signature's confirmation email (see deliverOwedEmail: a refused one undoes the signature). */
const deliverConfirm = async (
  payload: Payload,
  s: { id: number; email: string; name: string; emailCanonical: string },
  petition: PetitionRef,
  token: string,
): Promise<SignOutcome> => {
  await deliverOwedEmail(payload, 'signatures', s.id, () => sendSignatureConfirm(payload, s, petition, token), { undoOnRefusal: true })
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
    await payload.sendEmail({ to: email, ...signatureAlreadySignedEmail({ name, petitionTitle: petition.title, ...signatureFooterLinks(payload, existing.id, emailCanonical) }) })
    return { status: 'sent' }
  }
  // Pending: a new link replaces the old one (only hashes are stored, so the old one cannot be
  // resent). It is owed like a first one, so a failing email service cannot lose it either.
  const { token, hash } = newConfirmToken()
  await payload.update({
    collection: 'signatures',
    id: existing.id,
    data: { confirmationsSent: sent + 1, confirmTokenHash: hash, ...owedFrom(Date.now()) },
    overrideAccess: true,
    depth: 0,
  })
  await deliverOwedEmail(payload, 'signatures', existing.id, () => sendSignatureConfirm(payload, { id: existing.id, email, name, emailCanonical }, petition, token), { undoOnRefusal: false })
  return { status: 'sent' }
}
