/**
 * Test data as factories with traits, written through the Local API (never hand-written SQL).
 * Public documents are published unless a test asks for a draft.
 * @example await make.guide(payload, { _status: 'draft' })
 */
import type { CollectionSlug, DataFromCollectionSlug, Payload } from 'payload'
import type { User } from '../../content-models/payload-types'
import { markdownToLexical } from '../../cms/richtext/markdownToLexical'
import { slugify } from '../../content-models/validators/slug'

let n = 0
const next = () => ++n

/** Traits: any of a collection's own fields, typed by the generated payload-types.ts. */
export type Traits<S extends CollectionSlug> = Partial<
  Omit<DataFromCollectionSlug<S>, 'id' | 'createdAt' | 'updatedAt'>
>

/** Markdown as the Lexical rich text Payload stores. */
export const richText = markdownToLexical

export const make = {
  user: (payload: Payload, roles: ('admin' | 'editor' | 'reviewer' | 'organiser')[], name?: string) =>
    payload.create({
      collection: 'users',
      overrideAccess: true,
      data: {
        email: `${roles.join('-') || 'none'}-${next()}@example.org`,
        password: 'a-long-test-password',
        roles,
        name: name ?? `Test ${roles.join(' ')}`,
      },
    }),
  topic: (payload: Payload, data: Traits<'topics'> = {}) => {
    const title = data.title ?? `Topic ${next()}`
    return payload.create({
      collection: 'topics',
      overrideAccess: true,
      draft: data._status === 'draft',
      // The slug as the slug field fills it from the title.
      data: { title, slug: slugify(title), _status: 'published', ...data },
    })
  },
  guide: (payload: Payload, data: Traits<'guides'> = {}) => {
    const i = next()
    return payload.create({
      collection: 'guides',
      overrideAccess: true,
      draft: data._status === 'draft',
      data: {
        title: `Guide ${i}`,
        slug: `guide-${i}`,
        summary: 'A short summary.',
        nations: ['england-wales', 'scotland'],
        body: richText('## What you get\n\nYou get paid holiday.'),
        _status: 'published',
        ...data,
      },
    })
  },
  template: (payload: Payload, data: Traits<'templates'> = {}) => {
    const i = next()
    return payload.create({
      collection: 'templates',
      overrideAccess: true,
      draft: data._status === 'draft',
      data: {
        title: `Template ${i}`,
        slug: `template-${i}`,
        summary: 'A letter.',
        kind: 'letter',
        nations: ['england-wales'],
        body: 'Dear {{employer_name}},\n\nPlease pay me.',
        placeholders: [{ key: 'employer_name', label: 'Employer' }],
        _status: 'published',
        ...data,
      },
    })
  },
  petition: (payload: Payload, data: Traits<'petitions'> = {}) => {
    const i = next()
    return payload.create({
      collection: 'petitions',
      overrideAccess: true,
      draft: data._status === 'draft',
      data: {
        title: `Petition ${i}`,
        slug: `petition-${i}`,
        summary: 'Sum.',
        addressedTo: 'The boss',
        whatWeWant: 'Fair rotas',
        goal: 100,
        state: 'open',
        _status: 'published',
        ...data,
      },
    })
  },
  network: (payload: Payload, data: Traits<'networks'> = {}) => {
    const i = next()
    return payload.create({
      collection: 'networks',
      overrideAccess: true,
      draft: data._status === 'draft',
      data: {
        name: `Network ${i}`,
        slug: `network-${i}`,
        description: 'Peer support.',
        sector: 'care',
        region: 'Wales',
        _status: 'published',
        ...data,
      },
    })
  },
  union: (payload: Payload, data: Traits<'unions'> = {}) => {
    const i = next()
    return payload.create({
      collection: 'unions',
      overrideAccess: true,
      draft: data._status === 'draft',
      data: {
        name: `Union ${i}`,
        slug: `union-${i}`,
        website: 'https://example.org',
        description: 'A union.',
        nations: ['scotland'],
        _status: 'published',
        ...data,
      },
    })
  },
  session: (payload: Payload, data: Traits<'training-sessions'> = {}) => {
    const i = next()
    return payload.create({
      collection: 'training-sessions',
      overrideAccess: true,
      draft: data._status === 'draft',
      data: {
        title: `Session ${i}`,
        slug: `session-${i}`,
        summary: 'Learn.',
        format: 'online',
        start: '2027-01-14T18:30:00.000Z',
        end: '2027-01-14T20:00:00.000Z',
        registration: 'platform',
        status: 'scheduled',
        _status: 'published',
        ...data,
      },
    })
  },
  member: (payload: Payload, data: Traits<'members'> = {}) => {
    const i = next()
    return payload.create({
      collection: 'members',
      overrideAccess: true,
      data: {
        firstName: 'Sara',
        email: `sara${i}@example.org`,
        emailCanonical: `sara${i}@example.org`,
        consentEmail: true,
        consentUnionInterest: true,
        consentVersion: '2026-11',
        state: 'pending',
        ...data,
      },
    })
  },
  signature: (payload: Payload, petition: number, data: Traits<'signatures'> = {}) => {
    const i = next()
    return payload.create({
      collection: 'signatures',
      overrideAccess: true,
      data: {
        petition,
        name: 'Tom',
        email: `tom${i}@example.org`,
        emailCanonical: `tom${i}@example.org`,
        state: 'pending',
        ...data,
      },
    })
  },
}

/** One user of each staff role, as the Local API's `user` option takes them. */
export type RoleUsers = Record<'admin' | 'editor' | 'reviewer' | 'organiser', User & { collection: 'users' }>

/** Creates one user of each staff role (admin, editor, reviewer, organiser, in that order). */
export const staffUsers = async (payload: Payload): Promise<RoleUsers> => {
  const one = async (role: keyof RoleUsers) => ({
    ...(await make.user(payload, [role])),
    collection: 'users' as const,
  })
  return {
    admin: await one('admin'),
    editor: await one('editor'),
    reviewer: await one('reviewer'),
    organiser: await one('organiser'),
  }
}
