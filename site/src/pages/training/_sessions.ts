/** Shared by the training pages: which sessions are upcoming, and the filters (format, region, topic). */
import { SESSION_FORMATS } from '../../../../content-models/constants'
import type { Snapshot, SnapshotTrainingSession } from '../../lib/snapshot'
import { hasEnded } from '../../lib/time'

/**
 * "Now" for a build: when the snapshot was made (the rebuild job exports it just before building),
 * so a build from the same snapshot always gives the same pages. The browser corrects pages
 * that have aged since (see the PastMarker island).
 */
export const buildNow = (snapshot: Snapshot): Date => {
  const at = Date.parse(snapshot.meta?.generatedAt ?? '')
  return Number.isNaN(at) || at === 0 ? new Date() : new Date(at)
}

/** Sessions that have not finished, soonest first. */
export const upcomingSessions = (sessions: SnapshotTrainingSession[], now: Date) =>
  sessions.filter((s) => !hasEnded(s.end, now)).sort((a, b) => Date.parse(a.start) - Date.parse(b.start))

/** Sessions that have finished, latest first. */
export const pastSessions = (sessions: SnapshotTrainingSession[], now: Date) =>
  sessions.filter((s) => hasEnded(s.end, now)).sort((a, b) => Date.parse(b.start) - Date.parse(a.start))

/** A region name as a URL part: "North West England" → "north-west-england". */
export const regionSlug = (region: string): string =>
  region
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')

export const formatLabel = (format: string): string =>
  SESSION_FORMATS.find((f) => f.value === format)?.label ?? format

export const STATUS_LABELS: Record<string, string> = {
  scheduled: 'Places available',
  full: 'Full',
  cancelled: 'Cancelled',
}

export type Facet = 'format' | 'region' | 'topic'
export type FacetValue = { facet: Facet; value: string; label: string }

/** Every filter value, from all sessions (past ones too, so old filter links still work). */
export const facetValues = (sessions: SnapshotTrainingSession[]): FacetValue[] => {
  const regions = new Map<string, string>()
  const topics = new Map<string, string>()
  for (const s of sessions) {
    if (s.region) regions.set(regionSlug(s.region), s.region)
    for (const t of s.topics) topics.set(t.slug, t.title)
  }
  const byLabel = (a: FacetValue, b: FacetValue) => a.label.localeCompare(b.label, 'en-GB')
  return [
    ...SESSION_FORMATS.map((f) => ({
      facet: 'format' as const,
      value: f.value as string,
      label: f.label as string,
    })),
    ...[...regions].map(([value, label]) => ({ facet: 'region' as const, value, label })).sort(byLabel),
    ...[...topics].map(([value, label]) => ({ facet: 'topic' as const, value, label })).sort(byLabel),
  ]
}

/** True when a session matches a filter value. */
export const matchesFacet = (s: SnapshotTrainingSession, f: Pick<FacetValue, 'facet' | 'value'>): boolean =>
  f.facet === 'format'
    ? s.format === f.value
    : f.facet === 'region'
      ? !!s.region && regionSlug(s.region) === f.value
      : s.topics.some((t) => t.slug === f.value)

export const facetUrl = (f: Pick<FacetValue, 'facet' | 'value'>) => `/training/${f.facet}/${f.value}/`
