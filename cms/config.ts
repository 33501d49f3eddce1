import path from 'node:path'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { buildConfig, type CollectionConfig, type EmailAdapter } from 'payload'
import sharp from 'sharp'
import { createCollections, createGlobals } from '../content-models'
import { queueRebuild } from './jobs/rebuild/queueRebuild'
import { withLoginCookie } from '../content-models/collections/Users'
import { projectRoot } from '../content-models/paths'
import { FLAGGED_COLLECTIONS } from './abuse/release'
import { withFlaggedAdmin } from './admin/components/FlaggedRecords/withFlaggedAdmin'
import { databaseAdapter } from './db'
import { emailAdapter } from './email'
import { endpoints } from './api'
import { withUnknownRoutesNotFound } from './api/unknownRoutes'
import { keepMembersOut } from '../content-models/access/keepMembersOut'
import { jobs } from './jobs'
import { withMemberSessions } from './members/sessionStrategy'
import { withConversationsErased } from './conversations/erase'
import { withModeration } from './conversations/moderate'
import { withSharedContact } from './conversations/contact'
import { createLogger } from './logger'
import { payloadSecret } from './secret'
import { waitWhenBusy } from './db/rows'
import { withReviewGate } from './review/withReviewGate'
import { withPreview } from './admin/withPreview'

export type AppConfigOptions = {
  /** Overrides DATABASE_URI (tests use a temporary SQLite file). */
  databaseUri?: string
  /** Overrides the email adapter chosen from the environment. */
  email?: EmailAdapter
  /** Overrides PAYLOAD_SECRET. */
  secret?: string
}

/** Collections whose login cookie is Secure when CMS_URL is https: staff and members. */
const LOGIN_COLLECTIONS = ['users', 'members']

/**
 * A collection as this deployment runs it: login cookies Secure from CMS_URL, members' sessions
 * verified (cms/members/sessionStrategy.ts) and their conversations erased with them, moderation
 * applied (cms/conversations), flagged records' column and actions.
 */
const forAdmin = (c: CollectionConfig): CollectionConfig => {
  const withCookie = LOGIN_COLLECTIONS.includes(c.slug) ? withLoginCookie(c) : c
  const withAuth = c.slug === 'members' ? withConversationsErased(withMemberSessions(withCookie)) : withCookie
  if (c.slug === 'moderation-actions') return withModeration(c)
  if (c.slug === 'messages') return withSharedContact(c)
  return (FLAGGED_COLLECTIONS as readonly string[]).includes(c.slug) ? withFlaggedAdmin(withAuth) : withAuth
}

/** The site's public origin, the only one allowed to call the CMS from a browser. */
export const siteOrigin = (): string => new URL(process.env.SITE_URL || 'http://localhost:4321').origin

/**
 * Builds the Payload config. payload.config.ts only calls this; tests call it with their own database.
 * Unknown or unsupported API routes then answer 404 (api/unknownRoutes.ts), and a member's session
 * opens nothing but the member endpoints (content-models/access/keepMembersOut.ts).
 */
export const createConfig = (options: AppConfigOptions = {}) =>
  buildConfig({
    serverURL: process.env.CMS_URL || 'http://localhost:3000',
    secret: options.secret ?? payloadSecret(),
    onInit: waitWhenBusy,
    admin: {
      user: 'users',
      meta: { titleSuffix: ' – Better Work CMS' },
      // Not Gravatar: staff email hashes must not go to a third party.
      avatar: 'default',
      importMap: {
        baseDir: path.resolve(projectRoot(), 'cms'),
        importMapFile: path.resolve(projectRoot(), 'cms/app/(payload)/admin/importMap.js'),
      },
      // The legal review dashboard (cms/review/dashboard.ts), linked from the navigation.
      components: {
        views: {
          review: { Component: '/admin/components/ReviewDashboard#ReviewDashboard', path: '/review' },
        },
        afterNavLinks: ['/admin/components/ReviewDashboard/NavLink#ReviewNavLink'],
      },
    },
    // Fresh arrays each time: Payload appends its own collections to them while sanitising.
    collections: createCollections(queueRebuild).map(withReviewGate).map(withPreview).map(forAdmin),
    globals: createGlobals(queueRebuild),
    editor: lexicalEditor(),
    endpoints,
    jobs,
    db: databaseAdapter(options.databaseUri),
    email: options.email ?? emailAdapter(),
    sharp,
    cors: [siteOrigin()],
    csrf: [siteOrigin(), process.env.CMS_URL || 'http://localhost:3000'],
    telemetry: false,
    logger: createLogger(),
    graphQL: { disable: true },
    // Types are written by `npm run generate:types` and checked by `npm test`. Left on, Payload
    // starts a child process to rewrite them every time it starts outside production: in every
    // test file's CMS (about 10 s of CPU each) and while the committed file is being checked.
    typescript: {
      outputFile: path.resolve(projectRoot(), 'content-models/payload-types.ts'),
      autoGenerate: false,
    },
  })
    .then(withUnknownRoutesNotFound)
    .then(keepMembersOut)
