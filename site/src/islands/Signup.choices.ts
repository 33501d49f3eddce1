/**
 * What the join form offers, worked out from the snapshot at build time: every network, and the
 * training sessions people can still sign up for through our own form. The training-session page
 * uses the same rule, so a session page shows the form exactly when the form can preselect it.
 */
import type { SnapshotNetwork, SnapshotTrainingSession } from '../../../content-models/snapshot'
import { formatDate } from '../lib/format'

export type SignupNetworkChoice = { slug: string; name: string }
export type SignupSessionChoice = { slug: string; title: string; when: string }

/** Whether people sign up for this session through our join form (not cancelled, full, started or external). */
export const takesSignupsHere = (
  s: Pick<SnapshotTrainingSession, 'status' | 'registration' | 'start'>,
  now: Date,
): boolean => s.status === 'scheduled' && s.registration === 'platform' && Date.parse(s.start) > now.getTime()

/** Networks by name, as the form's checkboxes. */
export const networkChoices = (networks: Pick<SnapshotNetwork, 'slug' | 'name'>[]): SignupNetworkChoice[] =>
  [...networks]
    .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'))
    .map((n) => ({ slug: n.slug, name: n.name }))

/** Sessions that take sign-ups, soonest first, as the form's list. */
export const sessionChoices = (sessions: SnapshotTrainingSession[], now: Date): SignupSessionChoice[] =>
  sessions
    .filter((s) => takesSignupsHere(s, now))
    .sort((a, b) => a.start.localeCompare(b.start))
    .map((s) => ({ slug: s.slug, title: s.title, when: formatDate(s.start) }))
