/**
 * Signing a petition: check the input, store a pending signature (one per canonical email per
 * petition), flag abuse silently, and email a confirmation link. The endpoint only calls this.
 *
 * Under load, signatures are stored in batches (one transaction for many people, see batcher.ts),
 * and the confirmation email is owed in the same row, so a slow email service never loses one.
 */
import type { Payload } from 'payload'
import { formFlags, HONEYPOT_FIELD, hashIp, STAMP_FIELD, suppressesEmail, type Flag } from '../abuse/flags'
import { limitRate } from '../abuse/rateLimit'
import { clientRateKey } from '../edge/clientAddress'
import { check, type FieldErrors } from '../abuse/validation'
import { signatureAlreadySignedEmail } from '../email/messages/render'
import { canonicalEmail } from '../members/canonicalEmail'
import { CONSENT_VERSION } from '../../content-models/consent'
import { CAMPAIGN_KINDS } from '../../content-models/collections/Petitions/kinds'
import { parsePostcode } from '../members/postcode'
import { isSignable, RECORD_STATES } from '../members/records'
import { newConfirmToken } from '../members/tokens'
import { storeSignature } from './signatureRows'
import { deliverOwedEmail, owedFrom } from '../email/owedEmail'
import { sendSignatureConfirm, signatureFooterLinks } from './signatureEmails'
import { signSchema } from './signSchema'
import { PUBLISHED } from '../../content-models/access/publishedOrStaff'

export { isUniqueViolation, signatureBatcher, storeSignatures, type NewSignature } from './signatureRows'

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

type PetitionRef = {
  id: number
  title: string
  kind?: string | null
  state?: string | null
  opensAt?: string | null
  closesAt?: string | null
}

/** How long a petition looked up for signing is kept: a closed petition stops taking signatures within this time. */
export const PETITION_LOOKUP_MS = 1000

type LookupCache = {
  entries: Map<string, { at: number; value: PetitionRef | null }>
  reading: Map<string, Promise<PetitionRef | null>>
}
const lookups = new WeakMap<Payload, LookupCache>()

/**
 * Finds a public petition by slug (only the fields signing needs). Kept for PETITION_LOOKUP_MS,
 * and read once however many requests ask at the same moment, so a rush of signatures costs one
 * lookup a second. The closing date is checked on every request (isSignable), so only a change
 * of state made in the CMS takes up to that second to apply.
 */
export const findPetitionBySlug = async (
  payload: Payload,
  slug: string,
  now = Date.now(),
): Promise<PetitionRef | null> => {
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
    // Only a published petition takes signatures: never one an editor has not published yet.
    where: { and: [{ slug: { equals: slug } }, PUBLISHED] },
    limit: 1,
    depth: 0,
    pagination: false,
    overrideAccess: true,
    select: { title: true, kind: true, state: true, opensAt: true, closesAt: true },
  })
  return (found.docs[0] as PetitionRef | undefined) ?? null
}

/**
 * Signs a petition for the person described by `raw` (form or JSON fields).
 * @example await signPetition(payload, 'fair-rotas', { name: 'Tom', email: 'tom@example.org' }, { ip: '203.0.113.9' })
 */
export const signPetition = async (
  payload: Payload,
  slug: string,
  raw: unknown,
  ctx: SubmitContext,
): Promise<SignOutcome> => {
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
  const flags: Flag[] = formFlags(
    { honeypot: input[HONEYPOT_FIELD], stamp: input[STAMP_FIELD] },
    payload.secret,
    now,
  )
  const quiet = suppressesEmail(flags)

  const emailCanonical = canonicalEmail(input.email)
  const place = input.postcode ? parsePostcode(input.postcode) : null
  const { token, hash } = newConfirmToken()

  const stored = await storeSignature(payload, {
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
    // A role is shown only with a name, on an open letter: otherwise it is not kept at all.
    role: input.showName && petition.kind === CAMPAIGN_KINDS.OPEN_LETTER ? (input.role ?? null) : null,
    state: RECORD_STATES.PENDING,
    confirmTokenHash: hash,
    confirmationsSent: quiet ? 0 : 1,
    pendingSince: new Date(now).toISOString(),
    // Owed from the moment the row exists; the lease keeps the worker off while this request tries.
    ...(quiet
      ? { confirmEmailState: null, confirmEmailAttempts: 0, confirmEmailNextAt: null }
      : owedFrom(now)),
    ipHash,
    flags,
  })
  // Past its cap of emails, or flagged: nothing is sent, and the answer is the same.
  if (!stored) return { status: quiet ? 'sent' : 'too-many-emails' }
  if (quiet) return { status: 'sent' }
  const person = { id: stored.id, email: input.email, name: input.name, emailCanonical }
  if (stored.state === RECORD_STATES.CONFIRMED) {
    await payload.sendEmail({
      to: input.email,
      ...signatureAlreadySignedEmail({
        name: input.name,
        petitionTitle: petition.title,
        ...signatureFooterLinks(payload, stored.id, emailCanonical),
      }),
    })
    return { status: 'sent' }
  }
  // A new signature, or a pending one signed again (its new link): owed until sent, so a failing
  // email service cannot lose it; a refused email undoes a new signature.
  await deliverOwedEmail(
    payload,
    'signatures',
    stored.id,
    () => sendSignatureConfirm(payload, person, petition, token),
    { undoOnRefusal: stored.inserted },
  )
  return { status: 'sent' }
}
