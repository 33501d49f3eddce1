/**
 * The access rules a collection × operation × role matrix cannot show (access.int.test.ts walks
 * that): readers never see drafts, staff cannot change their own roles, a hidden employer stays
 * hidden from the public, and only admins change the site settings. Through the Local API with
 * access enforced.
 */
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { make, staffUsers, type RoleUsers } from '../helpers/factories'
import { startHarness, type Harness } from '../helpers/harness'

let t: Harness
let payload: Payload
let users: RoleUsers

const isForbidden = (e: unknown) =>
  (e as { status?: number }).status === 403 || (e as Error).name === 'Forbidden'

beforeAll(async () => {
  t = await startHarness()
  payload = t.payload
  users = await staffUsers(payload)
})
afterAll(async () => t?.close())

describe('access rules', () => {
  it('anonymous readers see only published guides and templates, never drafts', async () => {
    const draftGuide = await make.guide(payload, { _status: 'draft', title: 'Secret draft guide' })
    const draftTemplate = await make.template(payload, { _status: 'draft' })
    const guides = await payload.find({
      collection: 'guides',
      overrideAccess: false,
      where: { id: { equals: draftGuide.id } },
    })
    const templates = await payload.find({
      collection: 'templates',
      overrideAccess: false,
      where: { id: { equals: draftTemplate.id } },
    })
    expect(guides.docs).toHaveLength(0)
    expect(templates.docs).toHaveLength(0)
    const asEditor = await payload.find({
      collection: 'guides',
      overrideAccess: false,
      user: users.editor,
      draft: true,
      where: { id: { equals: draftGuide.id } },
    })
    expect(asEditor.docs.map((d) => d.title)).toEqual(['Secret draft guide'])
  })

  it('anonymous readers never see a draft petition', async () => {
    const draft = await make.petition(payload, { state: 'draft' })
    const { docs } = await payload.find({
      collection: 'petitions',
      overrideAccess: false,
      where: { id: { equals: draft.id } },
    })
    expect(docs).toHaveLength(0)
  })

  it('a staff member can read their own account but not change their own roles', async () => {
    const editor = users.editor
    const own = await payload.find({
      collection: 'users',
      overrideAccess: false,
      user: users.editor,
      where: { id: { equals: editor.id } },
    })
    expect(own.docs).toHaveLength(1)
    const updated = await payload.update({
      collection: 'users',
      id: editor.id,
      overrideAccess: false,
      user: users.editor,
      data: { roles: ['admin'] },
    })
    expect(updated.roles).toEqual(['editor'])
  })

  it('a hidden employer is not readable by the public, but is by staff', async () => {
    const n = await make.network(payload, { employer: 'Quickdrop Ltd', hideEmployer: true })
    const anon = await payload.findByID({ collection: 'networks', id: n.id, overrideAccess: false })
    expect(anon.employer).toBeUndefined()
    const staff = await payload.findByID({
      collection: 'networks',
      id: n.id,
      overrideAccess: false,
      user: users.organiser,
    })
    expect(staff.employer).toBe('Quickdrop Ltd')
  })

  it('site settings are public to read and only admins may change them', async () => {
    const read = await payload.findGlobal({ slug: 'site-settings', overrideAccess: false })
    expect(read.siteName).toBe('Better Work')
    await expect(
      payload.updateGlobal({
        slug: 'site-settings',
        overrideAccess: false,
        user: users.editor,
        data: { siteName: 'X' },
      }),
    ).rejects.toSatisfy(isForbidden)
    const updated = await payload.updateGlobal({
      slug: 'site-settings',
      overrideAccess: false,
      user: users.admin,
      data: { siteName: 'Better Work Wales' },
    })
    expect(updated.siteName).toBe('Better Work Wales')
  })

  it("organisers see a petition's signers by name and state, never their addresses; admins do", async () => {
    const petition = await make.petition(payload, { state: 'open' })
    const sig = await payload.create({
      collection: 'signatures',
      data: {
        petition: petition.id,
        name: 'Tom',
        email: 'tom.private@example.org',
        emailCanonical: 'tom.private@example.org',
        postcode: 'LS1',
        state: 'confirmed',
      },
    })
    const asOrganiser = await payload.findByID({
      collection: 'signatures',
      id: sig.id,
      overrideAccess: false,
      user: users.organiser,
    })
    expect(asOrganiser.name).toBe('Tom')
    expect(asOrganiser.email).toBeUndefined()
    expect(asOrganiser.emailCanonical).toBeUndefined()
    expect(asOrganiser.postcode).toBeUndefined()
    // Nor can they find someone by address.
    await expect(
      payload.find({
        collection: 'signatures',
        overrideAccess: false,
        user: users.organiser,
        where: { email: { equals: 'tom.private@example.org' } },
      }),
    ).rejects.toThrow(/email/)
    const asAdmin = await payload.findByID({
      collection: 'signatures',
      id: sig.id,
      overrideAccess: false,
      user: users.admin,
    })
    expect(asAdmin.email).toBe('tom.private@example.org')
  })
})
