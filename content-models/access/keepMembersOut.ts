import type { Endpoint, PayloadRequest, SanitizedConfig } from 'payload'
import { isMemberUser } from './roles'

type Rule = (args: { req: PayloadRequest }) => unknown

/** An access rule that refuses a signed-in member, and otherwise asks the rule it wraps. */
export const exceptMembers =
  <R extends Rule>(rule: R) =>
  (args: Parameters<R>[0]): ReturnType<R> | false =>
    isMemberUser(args.req.user) ? false : (rule(args) as ReturnType<R>)

const wrapAll = (access: object) => {
  const rules = access as Record<string, Rule | undefined>
  for (const [name, rule] of Object.entries(rules))
    if (typeof rule === 'function') rules[name] = exceptMembers(rule)
}

/** A collection's or global's REST route that answers 403 to a member before doing anything. */
const refusingMembers = (endpoint: Endpoint): Endpoint => ({
  ...endpoint,
  handler: (req) =>
    isMemberUser(req.user)
      ? Response.json(
          { errors: [{ message: 'A member’s sign-in opens My account (/api/account/) only.' }] },
          { status: 403 },
        )
      : endpoint.handler(req),
})

/**
 * A member signs in only for /api/account/* (those endpoints check the member themselves). With a
 * member's session every collection's and global's access rules and REST routes refuse, and so do
 * the jobs queue's run, queue and cancel: including Payload's own collections (jobs, locked
 * documents, preferences), whose default rule lets anyone signed in through. Applied to the built
 * config, after Payload has added its collections. The Local API with overrideAccess is unaffected.
 */
export const keepMembersOut = (config: SanitizedConfig): SanitizedConfig => {
  for (const entity of [...config.collections, ...config.globals]) {
    wrapAll(entity.access)
    // Routes that skip access rules (preferences, auth's logout) refuse members too; /me answers
    // "nobody" to a member on staff's collection, and the access rule refuses it on members.
    if (Array.isArray(entity.endpoints))
      entity.endpoints = entity.endpoints.map((e) => (e.path === '/me' ? e : refusingMembers(e)))
  }
  if (config.jobs?.access) wrapAll(config.jobs.access)
  return config
}
