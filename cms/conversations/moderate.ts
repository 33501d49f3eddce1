/**
 * Moderation: an organiser of the network (or an admin) creates a moderation action with its
 * reason; this hook checks they moderate that network, applies the action, and fills in what the
 * log keeps (the network, the message's id, who did it). An action that cannot be applied is
 * refused with a message naming the field, and nothing is logged.
 */
import {
  Forbidden,
  ValidationError,
  type CollectionBeforeChangeHook,
  type CollectionConfig,
  type PayloadRequest,
} from 'payload'
import type { Member, ModerationAction, Message } from '../../content-models/payload-types'
import { hasRole } from '../../content-models/access/roles'
import { networksOrganisedBy } from '../../content-models/access/networkModerators'
import { idTypeOf, parseRecordId } from '../members/recordId'
import { appendEvent } from './feed'
import { deleteMessage } from './post'
import { anyRefId, refId } from './views'

const DEFAULT_MUTE_DAYS = 7

/** A refusal the admin shows next to the field. */
class ActionError extends ValidationError {
  constructor(field: string, message: string) {
    super({ collection: 'moderation-actions', errors: [{ path: field, message }] })
  }
}

/**
 * An id as the database keeps it: a number with SQLite, an ObjectId string with MongoDB.
 */
const storedId = (id: string): number =>
  // The generated types know SQLite's number ids only; with MongoDB the field holds the ObjectId string.
  (/^\d+$/.test(id) ? Number(id) : id) as number

const MESSAGE_ACTIONS = new Set(['hide', 'show', 'remove', 'mute'])
const MEMBER_ACTIONS = new Set(['approve', 'refuse', 'unmute', 'remove-member'])

const mayModerate = async (req: PayloadRequest, networkId: string): Promise<boolean> =>
  hasRole(req.user, 'admin') || (await networksOrganisedBy(req)).some((id) => String(id) === networkId)

/** An id from the admin's form as the database keys it (a number with SQLite); '' for none. */
const recordIdOf = (req: PayloadRequest, value: unknown) =>
  parseRecordId(anyRefId(value), idTypeOf(req.payload)) ?? ''

const findMessage = (req: PayloadRequest, id: unknown) =>
  req.payload.findByID({
    collection: 'messages',
    id: recordIdOf(req, id),
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
    req,
  })

const findMember = (req: PayloadRequest, id: unknown) =>
  req.payload.findByID({
    collection: 'members',
    id: recordIdOf(req, id),
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
    req,
  })

const ids = (refs: Member['networks']) => (refs ?? []).map((r) => refId(r)!)

/** Changes one member's standing in a network (membership, waiting, mute). */
const changeMember = async (
  req: PayloadRequest,
  member: Member,
  networkId: string,
  data: ModerationAction,
) => {
  const networks = ids(member.networks)
  const waiting = ids(member.networksAwaitingApproval)
  const entries = member.displayNames ?? []
  const update: Partial<Member> = {}
  const num = (list: string[]) => list.map(Number) // depth 0 ids, as stored
  switch (data.action) {
    case 'approve':
      if (!waiting.includes(networkId))
        throw new ActionError('member', 'This member is not waiting to join this network.')
      update.networksAwaitingApproval = num(waiting.filter((n) => n !== networkId))
      update.networks = num([...new Set([...networks, networkId])])
      break
    case 'refuse':
      update.networksAwaitingApproval = num(waiting.filter((n) => n !== networkId))
      break
    case 'remove-member':
      if (!networks.includes(networkId))
        throw new ActionError('member', 'This member is not in this network.')
      update.networks = num(networks.filter((n) => n !== networkId))
      break
    case 'mute':
    case 'unmute': {
      const until =
        data.action === 'mute'
          ? (data.mutedUntil ?? new Date(Date.now() + DEFAULT_MUTE_DAYS * 86_400_000).toISOString())
          : null
      update.displayNames = entries.map((d) =>
        refId(d.network) === networkId ? { ...d, mutedUntil: until } : d,
      )
      break
    }
  }
  await req.payload.update({
    collection: 'members',
    id: member.id,
    data: update,
    depth: 0,
    overrideAccess: true,
    req,
  })
  if (data.action === 'remove-member')
    await appendEvent(req.payload, { kind: 'left', network: networkId, member: member.id })
}

/** Applies an action to its message (hide, show, remove, or mute its author). */
const onMessage = async (req: PayloadRequest, message: Message, data: ModerationAction) => {
  const network = refId(message.network)!
  const thread = refId(message.thread)
  if (data.action === 'remove') return deleteMessage(req.payload, message)
  if (data.action === 'hide' || data.action === 'show') {
    await req.payload.update({
      collection: 'messages',
      id: message.id,
      data: {
        state: data.action === 'hide' ? 'hidden' : 'visible',
        hiddenReason: data.action === 'hide' ? data.reason : null,
      },
      depth: 0,
      overrideAccess: true,
      req,
    })
    await appendEvent(req.payload, {
      kind: data.action === 'hide' ? 'hidden' : 'shown',
      network,
      thread,
      message: message.id,
    })
    return
  }
  const author = message.author ? await findMember(req, message.author) : null
  if (!author) throw new ActionError('message', 'The author of this message is no longer a member.')
  await changeMember(req, author, network, data)
}

const closeReport = async (req: PayloadRequest, report: unknown) => {
  const id = anyRefId(report)
  if (id)
    await req.payload.update({
      collection: 'message-reports',
      id,
      data: { state: 'dealt-with' },
      depth: 0,
      overrideAccess: true,
      req,
    })
}

/** The hook: check, apply, fill in the log entry. */
export const applyModeration: CollectionBeforeChangeHook<ModerationAction> = async ({
  data,
  operation,
  req,
}) => {
  if (operation !== 'create') return data
  const action = data as ModerationAction
  if (!action.reason?.trim())
    throw new ActionError('reason', 'Give a reason: it is kept in the moderation log.')
  const message = MESSAGE_ACTIONS.has(action.action) ? await findMessage(req, action.message) : null
  if (MESSAGE_ACTIONS.has(action.action) && !message)
    throw new ActionError('message', 'Choose the message this action is about (it may have been deleted).')
  const member = MEMBER_ACTIONS.has(action.action) ? await findMember(req, action.member) : null
  if (MEMBER_ACTIONS.has(action.action) && !member)
    throw new ActionError('member', 'Choose the member this action is about.')
  const report = action.report
    ? await req.payload.findByID({
        collection: 'message-reports',
        id: recordIdOf(req, action.report),
        depth: 0,
        overrideAccess: true,
        disableErrors: true,
        req,
      })
    : null
  const network = refId(message?.network) ?? refId(report?.network) ?? refId(action.network)
  if (!network) throw new ActionError('network', 'Choose the network this action is about.')
  if (!(await mayModerate(req, network))) throw new Forbidden(req.t)
  if (message) await onMessage(req, message, action)
  else if (member) await changeMember(req, member, network, action)
  else if (action.action !== 'dismiss-report')
    throw new ActionError('action', 'This action needs a message or a member.')
  if (report) await closeReport(req, report.id)
  req.payload.logger.info({
    msg: `Moderation: ${action.action} in network ${network} by user ${req.user?.id}`,
  })
  return {
    ...action,
    network: storedId(network),
    messageKey: message ? String(message.id) : action.messageKey,
    message: action.action === 'remove' ? null : action.message,
    actor: req.user ? storedId(String(req.user.id)) : undefined,
  }
}

/** The moderation-actions collection with its hook (cms/config.ts). */
export const withModeration = (collection: CollectionConfig): CollectionConfig => ({
  ...collection,
  hooks: { ...collection.hooks, beforeChange: [...(collection.hooks?.beforeChange ?? []), applyModeration] },
})
