/**
 * Joining the network: check the input, store a pending member with both consents and the
 * consent wording's version, flag abuse silently, and email a confirmation link (owed in the
 * record until sent, as for signatures: cms/campaigns/confirmEmail.ts). Joining again changes
 * nothing stored until the new link is confirmed: the new choices wait in `pendingChanges`.
 */
import type { Payload } from 'payload'
import type { Member } from '../../content-models/payload-types'
import { formFlags, HONEYPOT_FIELD, hashIp, STAMP_FIELD, suppressesEmail, type Flag } from '../abuse/flags'
import { limitRate } from '../abuse/rateLimit'
import { clientRateKey } from '../edge/clientAddress'
import { check, type FieldErrors } from '../abuse/validation'
import { memberAlreadyJoinedEmail, memberConfirmEmail } from '../email/messages/render'
import { deliverOwedEmail, owedFrom, sendOwed } from '../campaigns/confirmEmail'
import { isUniqueViolation, type SubmitContext } from '../campaigns/sign'
import { canonicalEmail } from './canonicalEmail'
import { CONSENT_VERSION } from '../../content-models/consent'
import { joinSchema } from './joinSchema'
import { parsePostcode } from './postcode'
import { refId, type RecordId } from './recordId'
import { MAX_CONFIRMATION_EMAILS, RECORD_STATES } from './records'
import { cmsUrl, linkToken, links, newConfirmToken } from './tokens'
import { looksLikeWorkEmail } from '../../content-models/validators/workEmail'

export type JoinOutcome =
  | { status: 'invalid'; errors: FieldErrors }
  | { status: 'sent'; workEmail: boolean }
  | { status: 'too-many-emails'; workEmail: boolean }
  | { status: 'rate-limited'; retryAfterSeconds: number }

const footerLinks = (payload: Payload, id: RecordId, emailCanonical: string) => ({
  unsubscribe: links(cmsUrl()).unsubscribe(
    'member',
    id,
    linkToken(payload.secret, 'unsubscribe', 'member', id, emailCanonical),
  ),
  erase: links(cmsUrl()).erase(
    'member',
    id,
    linkToken(payload.secret, 'erase', 'member', id, emailCanonical),
  ),
})

/** Who a member confirmation email goes to, and what they chose (named in the email). */
type MemberEmail = {
  id: RecordId
  email: string
  firstName: string
  emailCanonical: string
  networkNames: string[]
  sessionTitle?: string
}

/** Emails a member the link to confirm (with the raw token; only its hash is stored). */
export const sendMemberConfirm = (payload: Payload, m: MemberEmail, token: string) =>
  payload.sendEmail({
    to: m.email,
    ...memberConfirmEmail({
      firstName: m.firstName,
      confirmUrl: links(cmsUrl()).confirm('member', token),
      networkNames: m.networkNames,
      sessionTitle: m.sessionTitle,
      ...footerLinks(payload, m.id, m.emailCanonical),
    }),
  })

/** What a member chose: stored, or waiting in `pendingChanges` for a re-join's confirmation. */
type Choices = {
  email?: string
  firstName?: string
  networks?: (RecordId | { id: RecordId })[] | null
  trainingSession?: RecordId | { id: RecordId } | null
}

type OwedMember = Pick<
  Member,
  'id' | 'email' | 'firstName' | 'emailCanonical' | 'confirmEmailAttempts' | 'confirmEmailNextAt'
> &
  Choices & { pendingChanges?: unknown }

/**
 * Sends the members' confirmation emails still owed (the email service was down when they
 * joined), each with a new link and the names of what they chose.
 * @returns how many were sent and how many failed this time
 */
export const sendOwedMemberConfirmations = async (
  payload: Payload,
  { now = Date.now(), limit = 200 } = {},
) => {
  const names = new Map<string, string>()
  const nameOf = async (
    collection: 'networks' | 'training-sessions',
    id: RecordId,
  ): Promise<string | undefined> => {
    const key = `${collection}:${id}`
    if (!names.has(key)) {
      const doc = await payload.db.findOne<{ id: RecordId; name?: string; title?: string }>({
        collection,
        where: { id: { equals: id } },
        select: collection === 'networks' ? { name: true } : { title: true },
      })
      names.set(key, doc?.name ?? doc?.title ?? '')
    }
    return names.get(key) || undefined
  }
  return sendOwed<OwedMember>(payload, 'members', {
    now,
    limit,
    select: {
      email: true,
      firstName: true,
      emailCanonical: true,
      networks: true,
      trainingSession: true,
      pendingChanges: true,
    },
    send: async (m, token) => {
      // A re-join's email names the new choices, as the first try did.
      const c: Choices =
        m.pendingChanges && typeof m.pendingChanges === 'object'
          ? { ...m, ...(m.pendingChanges as Choices) }
          : m
      const networkNames = (
        await Promise.all((c.networks ?? []).map((n) => nameOf('networks', refId(n))))
      ).filter((n): n is string => Boolean(n))
      const sessionTitle = c.trainingSession
        ? await nameOf('training-sessions', refId(c.trainingSession))
        : undefined
      await sendMemberConfirm(
        payload,
        {
          id: m.id,
          email: c.email ?? m.email,
          firstName: c.firstName ?? m.firstName,
          emailCanonical: m.emailCanonical ?? '',
          networkNames,
          sessionTitle,
        },
        token,
      )
    },
  })
}

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

/**
 * Adds a pending member for the person described by `raw` (form or JSON fields).
 * @example await joinNetwork(payload, { firstName: 'Sara', email: 'sara@example.org', consentEmail: 'on', consentUnionInterest: 'on' }, { ip })
 */
export const joinNetwork = async (
  payload: Payload,
  raw: unknown,
  ctx: SubmitContext,
): Promise<JoinOutcome> => {
  const checked = check(joinSchema, raw)
  if (!checked.ok) return { status: 'invalid', errors: checked.errors }
  const input = checked.data
  const { errors, networks, session } = await resolveChoices(payload, input.networks, input.session)
  if (Object.keys(errors).length) return { status: 'invalid', errors }
  const now = ctx.now ?? Date.now()
  const workEmail = looksLikeWorkEmail(input.email)

  const limit = await limitRate(payload, 'join', clientRateKey(ctx.ip))
  if (limit.limited) return { status: 'rate-limited', retryAfterSeconds: limit.retryAfterSeconds }
  const ipHash = hashIp(payload.secret, ctx.ip)
  const flags: Flag[] = formFlags(
    { honeypot: input[HONEYPOT_FIELD], stamp: input[STAMP_FIELD] },
    payload.secret,
    now,
  )
  const quiet = suppressesEmail(flags)

  const emailCanonical = canonicalEmail(input.email)
  // Keep only the first half of a postcode; an area name is kept as typed.
  const place = input.postcode ? (parsePostcode(input.postcode)?.outward ?? input.postcode) : null
  const { token, hash } = newConfirmToken()
  const details = {
    firstName: input.firstName,
    email: input.email,
    postcode: place,
    sector: (input.sector ?? null) as Member['sector'],
    networks: networks.map((n) => n.id),
    trainingSession: session?.id ?? null,
    consentEmail: true,
    consentUnionInterest: true,
    consentVersion: CONSENT_VERSION,
  }
  // The email is owed in the record from the start: if the email service is down, the worker
  // sends it later (see deliverOwedEmail); only a refusal it cannot fix is reported at once.
  const deliver = (id: RecordId, confirmToken: string, undoOnRefusal: boolean) =>
    deliverOwedEmail(
      payload,
      'members',
      id,
      async () => {
        await sendMemberConfirm(
          payload,
          {
            id,
            email: input.email,
            firstName: input.firstName,
            emailCanonical,
            networkNames: networks.map((n) => n.name),
            sessionTitle: session?.title,
          },
          confirmToken,
        )
      },
      { undoOnRefusal },
    )

  let created: Member
  try {
    created = await payload.create({
      collection: 'members',
      overrideAccess: true,
      depth: 0,
      data: {
        ...details,
        emailCanonical,
        state: RECORD_STATES.PENDING,
        pendingSince: new Date(now).toISOString(),
        confirmTokenHash: hash,
        confirmationsSent: quiet ? 0 : 1,
        ...(quiet ? {} : owedFrom(now)),
        flags,
      },
    })
  } catch (error) {
    if (!isUniqueViolation(error)) throw error
    if (quiet) return { status: 'sent', workEmail }
    const existing = (
      await payload.find({
        collection: 'members',
        where: { emailCanonical: { equals: emailCanonical } },
        limit: 1,
        depth: 0,
        overrideAccess: true,
        pagination: false,
      })
    ).docs[0]
    if (!existing)
      throw new Error('A sign-up clashed with one that no longer exists; try again.', { cause: error })
    const sent = existing.confirmationsSent ?? 0
    if (sent >= MAX_CONFIRMATION_EMAILS) return { status: 'too-many-emails', workEmail }
    if (existing.state === RECORD_STATES.CONFIRMED) {
      await payload.update({
        collection: 'members',
        id: existing.id,
        data: { confirmationsSent: sent + 1 },
        overrideAccess: true,
        depth: 0,
      })
      await payload.sendEmail({
        to: input.email,
        ...memberAlreadyJoinedEmail({
          firstName: input.firstName,
          ...footerLinks(payload, existing.id, emailCanonical),
        }),
      })
      return { status: 'sent', workEmail }
    }
    // Pending or unsubscribed: a fresh link with a clock of its own. The new choices and consents
    // wait in pendingChanges until that link is confirmed (confirmRecord), so someone who only
    // knows the address cannot change what the person chose.
    await payload.update({
      collection: 'members',
      id: existing.id,
      data: {
        state: RECORD_STATES.PENDING,
        pendingChanges: details,
        pendingSince: new Date(now).toISOString(),
        confirmTokenHash: hash,
        confirmationsSent: sent + 1,
        ...owedFrom(now),
      },
      overrideAccess: true,
      depth: 0,
    })
    await deliver(existing.id, token, false)
    return { status: 'sent', workEmail }
  }
  if (quiet) return { status: 'sent', workEmail }
  await deliver(created.id, token, true)
  return { status: 'sent', workEmail }
}
