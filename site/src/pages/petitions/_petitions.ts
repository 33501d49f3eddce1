/** Petition words and order for the site's petition pages. */
import type { SnapshotPetition } from '../../lib/snapshot'
import { isSignable } from '../../../../content-models/constants'

/** What each state means to a reader. */
export const STATE_WORDS: Record<string, string> = {
  open: 'Open: you can sign',
  closed: 'Closed',
  delivered: 'Delivered',
}

/** Open petitions first (newest first), then the closed and delivered ones. */
export const sortPetitions = (petitions: SnapshotPetition[]): SnapshotPetition[] =>
  [...petitions].sort(
    (a, b) =>
      Number(b.state === 'open') - Number(a.state === 'open') ||
      (b.opensAt ?? b.createdAt).localeCompare(a.opensAt ?? a.createdAt),
  )

/** Whether a petition takes signatures at build time: the same rule the sign endpoint applies. */
export const isOpen = (p: SnapshotPetition, now = new Date()): boolean => isSignable(p, now)

/**
 * The public line of recent signers, or null when there is none to show (the petition does not
 * allow names, or nobody asked).
 * @example recentSignersLine(p) // 'Tom from North West England, Priya and Sam'
 */
export const recentSignersLine = (
  p: Pick<SnapshotPetition, 'showSignerNames' | 'recentSigners'>,
): string | null => {
  const shown = p.showSignerNames ? (p.recentSigners ?? []) : []
  if (shown.length === 0) return null
  const names = shown.map((s) => (s.area ? `${s.firstName} from ${s.area}` : s.firstName))
  return names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`
}
