/**
 * The vocabulary of network conversations and questions to advisers, shared by the CMS (rules,
 * endpoints, jobs) and the site (islands): one place for each limit and choice.
 */

/** The longest message a member may post, in characters. */
export const MESSAGE_MAX_CHARS = 4000

/** The longest thread title, in characters. */
export const THREAD_TITLE_MAX_CHARS = 120

/** The longest display name, in characters. */
export const DISPLAY_NAME_MAX_CHARS = 40

/** How long a network keeps its messages: a number of days, or for ever. */
export const MESSAGE_RETENTION = [
  { value: '7', label: '7 days' },
  { value: '30', label: '30 days' },
  { value: '90', label: '90 days' },
  { value: 'forever', label: 'For ever' },
] as const
export type MessageRetention = (typeof MESSAGE_RETENTION)[number]['value']
export const DEFAULT_MESSAGE_RETENTION: MessageRetention = '90'

/** The days a retention choice keeps messages for, or null for ever. */
export const retentionDays = (choice: string | null | undefined): number | null =>
  choice === 'forever' ? null : Number(choice) > 0 ? Number(choice) : Number(DEFAULT_MESSAGE_RETENTION)

/** A message is shown, or hidden by a moderator (its author still sees it, marked hidden). */
export const MESSAGE_STATES = ['visible', 'hidden'] as const
export type MessageState = (typeof MESSAGE_STATES)[number]

/**
 * What the live feed says happened. Events carry ids only, never text: a viewer's stream reads the
 * message as it is now, so a hidden or deleted message never comes back on a reconnect.
 */
export const CONVERSATION_EVENTS = ['posted', 'removed', 'hidden', 'shown', 'thread', 'left'] as const
export type ConversationEventKind = (typeof CONVERSATION_EVENTS)[number]

/** Why a member reports a message. */
export const REPORT_REASONS = [
  { value: 'abuse', label: 'Abusive or threatening' },
  { value: 'personal-information', label: 'Shares someone’s personal information' },
  { value: 'employer', label: 'Looks like someone from management watching' },
  { value: 'spam', label: 'Spam or advertising' },
  { value: 'other', label: 'Something else' },
] as const

export const REPORT_STATES = ['open', 'dealt-with'] as const

/** What a moderator (an organiser of the network, or an admin) can do; each is logged with a reason. */
export const MODERATION_ACTIONS = [
  { value: 'hide', label: 'Hide a message' },
  { value: 'show', label: 'Show a hidden message again' },
  { value: 'remove', label: 'Remove a message for good' },
  { value: 'mute', label: 'Mute the author in this network' },
  { value: 'unmute', label: 'Unmute the author' },
  { value: 'approve', label: 'Approve a member waiting to join' },
  { value: 'refuse', label: 'Refuse a member waiting to join' },
  { value: 'remove-member', label: 'Remove a member from the network' },
  { value: 'dismiss-report', label: 'Close a report without action' },
] as const
export type ModerationAction = (typeof MODERATION_ACTIONS)[number]['value']

/** At most one "new replies" email per followed thread in this many minutes. */
export const FOLLOW_EMAIL_EVERY_MINUTES = 60

/** A question to an adviser: waiting, taken by an adviser, answered, closed. */
export const QUESTION_STATES = ['open', 'claimed', 'answered', 'closed'] as const
export type QuestionState = (typeof QUESTION_STATES)[number]

/** How the asker works, as employment law sorts people (they may not know). */
export const EMPLOYMENT_STATUSES = [
  { value: 'employee', label: 'Employee' },
  { value: 'worker', label: 'Worker (for example zero-hours or casual)' },
  { value: 'agency', label: 'Agency worker' },
  { value: 'self-employed', label: 'Self-employed or gig work' },
  { value: 'not-sure', label: 'I am not sure' },
] as const

/** How soon an adviser usually replies, in working days: told to the asker. */
export const EXPECTED_REPLY_WORKING_DAYS = 3

/** The longest question or reply, in characters. */
export const QUESTION_MAX_CHARS = 4000
