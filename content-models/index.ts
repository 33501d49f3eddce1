import { Guides } from './collections/guides'
import { Media } from './collections/Media'
import { Members } from './collections/Members'
import { ConversationEvents } from './collections/conversations/ConversationEvents'
import { MessageReports } from './collections/conversations/MessageReports'
import { Messages } from './collections/conversations/Messages'
import { ModerationActions } from './collections/conversations/ModerationActions'
import { ThreadFollows } from './collections/conversations/ThreadFollows'
import { Threads } from './collections/conversations/Threads'
import { Questions } from './collections/Questions'
import { Networks } from './collections/Networks'
import { Petitions } from './collections/Petitions'
import { PetitionProposals } from './collections/PetitionProposals'
import { Registrations } from './collections/Registrations'
import { ReviewLog } from './collections/ReviewLog'
import { Signatures } from './collections/Signatures'
import { supporterUpdateCollections } from './collections/SupporterUpdates'
import { SiteBuilds } from './collections/SiteBuilds'
import { Templates } from './collections/Templates'
import { Topics } from './collections/Topics'
import { TrainingSessions } from './collections/TrainingSessions'
import { Unions } from './collections/Unions'
import { Users } from './collections/Users'
import { ReviewRules } from './globals/ReviewRules'
import { SiteSettings } from './globals/SiteSettings'
import { withBuildAdmin } from './hooks/withBuildAdmin'
import { withDrafts, withGlobalDrafts } from './hooks/withDrafts'
import { type QueueRebuild, withGlobalRebuildHooks, withRebuildHooks } from './hooks/withRebuildHooks'
import { isPublicCollection } from './constants'

/** Every collection, in the order the admin lists them. */
const allCollections = [
  Guides,
  Templates,
  ReviewLog,
  Topics,
  Media,
  TrainingSessions,
  Networks,
  Petitions,
  PetitionProposals,
  Unions,
  Signatures,
  ...supporterUpdateCollections,
  Members,
  Registrations,
  Threads,
  Messages,
  MessageReports,
  ModerationActions,
  ThreadFollows,
  ConversationEvents,
  Questions,
  withBuildAdmin(SiteBuilds),
  Users,
]

export type { QueueRebuild }

/**
 * Every collection; public ones queue a site build through `queueRebuild` when what readers see
 * changes (content-models/hooks). The CMS passes its job queue in.
 */
export const createCollections = (queueRebuild: QueueRebuild) =>
  allCollections.map((c) => (isPublicCollection(c.slug) ? withRebuildHooks(withDrafts(c), queueRebuild) : c))

/** Every global; the site settings queue a build when saved. */
export const createGlobals = (queueRebuild: QueueRebuild) => [
  withGlobalRebuildHooks(withGlobalDrafts(SiteSettings), queueRebuild),
  ReviewRules,
]
