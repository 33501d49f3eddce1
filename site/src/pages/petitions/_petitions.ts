/** Petition words and order for the site's petition pages. */
import type { SnapshotPetition } from '../../lib/snapshot'

/** What each state means to a reader. */
export const STATE_WORDS: Record<string, string> = {
  open: 'Open: you can sign',
  closed: 'Closed',
  delivered: 'Delivered',
}

/** Open petitions first (newest first), then the closed and delivered ones. */
export const sortPetitions = (petitions: SnapshotPetition[]): SnapshotPetition[] =>
  [...petitions].sort((a, b) => Number(b.state === 'open') - Number(a.state === 'open') || (b.opensAt ?? b.createdAt).localeCompare(a.opensAt ?? a.createdAt))

/** Whether a petition takes signatures at build time (open, and not past its closing date). */
export const isOpen = (p: SnapshotPetition, now = new Date()): boolean =>
  p.state === 'open' && (!p.opensAt || new Date(p.opensAt) <= now) && (!p.closesAt || new Date(p.closesAt) > now)
