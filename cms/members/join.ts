/**
 * Joining the network: check the input, store a pending member with the email consent, the
 * union-interest consent only if it was given (it is optional, never needed to join), and the
 * consent wording's version, flag abuse silently, and email a confirmation link (owed in the
 * record until sent, as for signatures: cms/email/owedEmail.ts). Joining again changes
 * nothing stored until the new link is confirmed: the new choices wait in `pendingChanges`.
 */
import type { Payload } from 'payload'
import { CONSENT_VERSION } from '../../content-models/consent'
import type { Member } from '../../content-models/payload-types'
import { looksLikeWorkEmail } from '../../content-models/validators/workEmail'
import { formFlags, HONEYPOT_FIELD, STAMP_FIELD, suppressesEmail } from '../abuse/flags'
import { limitRate } from '../abuse/rateLimit'
import { check, type FieldErrors } from '../abuse/validation'
import { isUniqueViolation, type SubmitContext } from '../campaigns/sign'
import { clientRateKey } from '../edge/clientAddress'
import { deliverOwedEmail, owedFrom } from '../email/owedEmail'
import { unionInterestConsent } from './accountConsent'
import { canonicalEmail } from './canonicalEmail'
import { joinSchema, type JoinInput } from './joinSchema'
import { sendMemberAlreadyJoined, sendMemberConfirm } from './memberEmails'
import { parsePostcode } from './postcode'
import type { RecordId } from './recordId'
import { MAX_CONFIRMATION_EMAILS, RECORD_STATES } from './records'
import { registerOnJoin } from './registerOnJoin'
import { newConfirmToken } from './tokens'

export type JoinOutcome =
  | { status: 'invalid'; errors: FieldErrors }
  | { status: 'sent'; workEmail: boolean }
  | { status: 'too-many-emails'; workEmail: boolean }
  | { status: 'rate-limited'; retryAfterSeconds: number }

/** Looks up chosen networks and session by slug; unknown ones are field errors. */
const resolveChoices = async (payload: Payload, networkSlugs: string[], sessionSlug?: string) => {
  const errors: FieldErrors = {}
  const networks = networkSlugs.length
    ? (
        await payload.find({
          collection: 'networks',
          where: { slug: { in: networkSlugs } },
          depth: 0,
          limit: 50,
          pagination: false,
          overrideAccess: false,
          select: { name: true, slug: true },
        })
      ).docs
    : []
  if (networks.length !== new Set(networkSlugs).size) errors.networks = 'Choose networks from the list.'
  const session = sessionSlug
    ? (
        await payload.find({
          collection: 'training-sessions',
          where: { slug: { equals: sessionSlug } },
          depth: 0,
          limit: 1,
          pagination: false,
          overrideAccess: false,
          select: { title: true },
        })
      ).docs[0]
    : undefined
  if (sessionSlug && !session) errors.session = 'Choose a training session from the list, or leave it empty.'
  return { errors, networks, session }
}

type Choices = Awaited<ReturnType<typeof resolveChoices>>

/** What a person chose and agreed to, as stored on the member (or kept in `pendingChanges`). */
const memberDetails = (input: JoinInput, { networks }: Choices, now: number) => ({
  firstName: input.firstName,
  email: input.email,
  // Keep only the first half of a postcode; an area name is kept as typed.
  postcode: input.postcode ? (parsePostcode(input.postcode)?.outward ?? input.postcode) : null,
  sector: (input.sector ?? null) as Member['sector'],
  networks: networks.map((n) => n.id),
  consentEmail: true,
  // Optional and separate (UK GDPR Art. 9): stored only when given; joining again never withdraws it.
  ...(input.consentUnionInterest ? unionInterestConsent(new Date(now)) : {}),
  consentVersion: CONSENT_VERSION,
})

/** One join, worked out: who, what they chose, the new link, and whether it sends email. */
type Join = {
  payload: Payload
  input: JoinInput
  choices: Choices
  details: ReturnType<typeof memberDetails>
  emailCanonical: string
  token: string
  hash: string
  now: number
  workEmail: boolean
}

/**
 * Sends a member's confirmation email, owed in the record from the start: if the email service is
 * down, the worker sends it later (see deliverOwedEmail); only a refusal it cannot fix is
 * reported at once (and, for a new record, undone).
 */
const deliver = (j: Join, id: RecordId, undoOnRefusal: boolean) =>
  deliverOwedEmail(
    j.payload,
    'members',
    id,
    async () => {
      await sendMemberConfirm(
        j.payload,
        {
          id,
          email: j.input.email,
          firstName: j.input.firstName,
          emailCanonical: j.emailCanonical,
          networkNames: j.choices.networks.map((n) => n.name),
          sessionTitle: j.choices.session?.title,
        },
        j.token,
      )
    },
    { undoOnRefusal },
  )

/**
 * What a confirmed member's new join adds (issue 15: several networks per member): networks they
 * are not in yet, a training session, the union-interest consent not given before; null when it
 * adds nothing. Only additions: their name, postcode and sector change in My account, not here.
 */
const moreChoices = (j: Join, existing: Member): Record<string, unknown> | null => {
  const mine = (existing.networks ?? []).map((n) => (typeof n === 'object' ? n.id : n))
  const added = j.choices.networks.map((n) => n.id).filter((id) => !mine.includes(id))
  const session = j.choices.session?.id
  const consent = j.input.consentUnionInterest && !existing.consentUnionInterest
  if (!added.length && !session && !consent) return null
  return {
    networks: [...mine, ...added],
    ...(session ? { trainingSession: session } : {}),
    ...(consent ? unionInterestConsent(new Date(j.now)) : {}),
  }
}

/**
 * Someone joins with an address that is already a member. Confirmed: a link to confirm what the
 * join adds (moreChoices), or, when it adds nothing, told they are already in. Pending or unsubscribed: a fresh link with a clock of its own; the new choices and consents wait
 * in pendingChanges until that link is confirmed (confirmRecord), so someone who only knows the
 * address cannot change what the person chose.
 */
const joinAgain = async (j: Join, clash: unknown): Promise<JoinOutcome> => {
  const { payload, workEmail } = j
  const existing = (
    await payload.find({
      collection: 'members',
      where: { emailCanonical: { equals: j.emailCanonical } },
      limit: 1,
      depth: 0,
      overrideAccess: true,
      pagination: false,
    })
  ).docs[0]
  if (!existing)
    throw new Error('A sign-up clashed with one that no longer exists; try again.', { cause: clash })
  const sent = existing.confirmationsSent ?? 0
  if (sent >= MAX_CONFIRMATION_EMAILS) return { status: 'too-many-emails', workEmail }
  const again = { overrideAccess: true, depth: 0, collection: 'members', id: existing.id } as const
  if (existing.state === RECORD_STATES.CONFIRMED) {
    const more = moreChoices(j, existing)
    if (more) {
      // Still confirmed; the new networks wait beside the record until this link is confirmed.
      await payload.update({
        ...again,
        data: {
          pendingChanges: more,
          confirmTokenHash: j.hash,
          confirmationsSent: sent + 1,
          ...owedFrom(j.now),
        },
      })
      await deliver(j, existing.id, false)
      return { status: 'sent', workEmail }
    }
    await payload.update({ ...again, data: { confirmationsSent: sent + 1 } })
    await sendMemberAlreadyJoined(payload, {
      id: existing.id,
      email: j.input.email,
      firstName: j.input.firstName,
      emailCanonical: j.emailCanonical,
    })
    return { status: 'sent', workEmail }
  }
  await payload.update({
    ...again,
    data: {
      state: RECORD_STATES.PENDING,
      // The session waits with the other choices; confirming registers it (applyMemberConfirmation).
      pendingChanges: { ...j.details, trainingSession: j.choices.session?.id ?? null },
      pendingSince: new Date(j.now).toISOString(),
      confirmTokenHash: j.hash,
      confirmationsSent: sent + 1,
      ...owedFrom(j.now),
    },
  })
  await deliver(j, existing.id, false)
  return { status: 'sent', workEmail }
}

/**
 * Adds a pending member for the person described by `raw` (form or JSON fields).
 * @example await joinNetwork(payload, { firstName: 'Sara', email: 'sara@example.org', consentEmail: 'on' }, { ip })
 */
export const joinNetwork = async (
  payload: Payload,
  raw: unknown,
  ctx: SubmitContext,
): Promise<JoinOutcome> => {
  const checked = check(joinSchema, raw)
  if (!checked.ok) return { status: 'invalid', errors: checked.errors }
  const input = checked.data
  const choices = await resolveChoices(payload, input.networks, input.session)
  if (Object.keys(choices.errors).length) return { status: 'invalid', errors: choices.errors }
  const now = ctx.now ?? Date.now()
  const workEmail = looksLikeWorkEmail(input.email)

  const limit = await limitRate(payload, 'join', clientRateKey(ctx.ip))
  if (limit.limited) return { status: 'rate-limited', retryAfterSeconds: limit.retryAfterSeconds }
  const flags = formFlags({ honeypot: input[HONEYPOT_FIELD], stamp: input[STAMP_FIELD] }, payload.secret, now)
  const quiet = suppressesEmail(flags)
  const j: Join = {
    payload,
    input,
    choices,
    details: memberDetails(input, choices, now),
    emailCanonical: canonicalEmail(input.email),
    ...newConfirmToken(),
    now,
    workEmail,
  }
  let created: Member
  try {
    created = await payload.create({
      collection: 'members',
      overrideAccess: true,
      depth: 0,
      data: {
        consentUnionInterest: false,
        ...j.details,
        emailCanonical: j.emailCanonical,
        state: RECORD_STATES.PENDING,
        pendingSince: new Date(now).toISOString(),
        confirmTokenHash: j.hash,
        confirmationsSent: quiet ? 0 : 1,
        ...(quiet ? {} : owedFrom(now)),
        flags,
      },
    })
  } catch (error) {
    if (!isUniqueViolation(error)) throw error
    return quiet ? { status: 'sent', workEmail } : joinAgain(j, error)
  }
  await registerOnJoin(payload, created.id, choices.session?.id)
  if (!quiet) await deliver(j, created.id, true)
  return { status: 'sent', workEmail }
}
