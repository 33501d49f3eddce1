/**
 * The petition proposals tests' member side: confirmed members with sessions, proposing and
 * supporting through /api/account/proposals as the islands do, and the stored row.
 */
import { expect } from 'vitest'
import { make } from '../helpers/factories'
import type { ServedHarness } from '../helpers/harness'
import { anotherSession, call } from './accountClient'

/** A proposal that passes the form's checks. */
export const PROPOSAL = {
  title: 'Fair breaks at Quickdrop Leeds depot',
  ask: 'Give every driver a paid 30-minute break on shifts over six hours.',
  addressedTo: 'The directors of Quickdrop Ltd',
  why: 'Drivers are skipping lunch to hit delivery targets, and it is not safe.',
  showCreatorName: true,
}

let n = 0

/** The helpers, bound to one harness. */
export const proposalsClient = (t: ServedHarness) => {
  /** A confirmed member with a session: their id and cookie. */
  const member = async (name: string) => {
    const email = `${name.toLowerCase()}.${++n}@example.org`
    const m = await make.member(t.payload, {
      firstName: name,
      email,
      emailCanonical: email,
      state: 'confirmed',
      confirmedAt: new Date().toISOString(),
    })
    return { id: m.id, cookie: await anotherSession(t.payload, m.id) }
  }
  /** Proposes as `who`; the proposal's id and its private link's token. */
  const propose = async (who: { cookie: string }, data: Record<string, unknown> = PROPOSAL) => {
    const res = await call(t, who.cookie, 'POST', '/account/proposals', data)
    expect(res.status, res.text).toBe(201)
    const supportUrl = String(res.json.supportUrl)
    return { id: (res.json.proposal as { id: number }).id, token: supportUrl.split('#')[1] }
  }
  const supportAs = (who: { cookie: string }, token: string) =>
    call(t, who.cookie, 'POST', '/account/proposals/support', { token })
  const stored = (id: number) =>
    t.payload.findByID({
      collection: 'petition-proposals',
      id,
      overrideAccess: true,
      showHiddenFields: true,
      depth: 0,
    })
  /** Five members who support the proposal all at once; after that it is in review with exactly 5. */
  const fiveSupporters = async (token: string) => {
    const five = await Promise.all([0, 1, 2, 3, 4].map((i) => member(`Co${i}`)))
    const answers = await Promise.all(five.map((m) => supportAs(m, token)))
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201, 201, 201])
  }
  return { member, propose, supportAs, stored, fiveSupporters }
}
