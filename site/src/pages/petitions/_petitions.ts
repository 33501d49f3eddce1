/** Petition words and order for the site's petition pages. */
import type { SnapshotPetition } from '../../lib/snapshot'
import { isSignable } from '../../../../content-models/constants'

/** What each state means to a reader. */
export const STATE_WORDS: Record<string, string> = {
  open: 'Open: you can sign',
  closed: 'Closed',
  delivered: 'Delivered',
}

/** The campaigns of one kind (a snapshot from before kinds holds petitions only). */
export const ofKind = (petitions: SnapshotPetition[], kind: 'petition' | 'open-letter'): SnapshotPetition[] =>
  petitions.filter((p) => (p.kind ?? 'petition') === kind)

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

/** A sharing link: where it goes and what it is called. */
export type ShareLink = { label: string; href: string }

/**
 * Plain sharing links for a page: WhatsApp, Telegram and email. No third-party script and no
 * tracking parameters: only the title and the page's own address go with them.
 * @example shareLinks({ title: 'Fair rotas', summary: null, url: 'https://x.org/petitions/a/' })[0].href // 'https://wa.me/?text=Fair%20rotas%20https%3A%2F%2Fx.org%2Fpetitions%2Fa%2F'
 */
export const shareLinks = ({
  title,
  summary,
  url,
  noun = 'petition',
}: {
  title: string
  summary: string | null
  url: string
  /** What is being shared: "petition" or "open letter". */
  noun?: string
}): ShareLink[] => {
  const e = encodeURIComponent
  const body = `${summary ? `${summary}\n\n` : ''}Sign the ${noun}: ${url}`
  return [
    { label: 'Share on WhatsApp', href: `https://wa.me/?text=${e(`${title} ${url}`)}` },
    { label: 'Share on Telegram', href: `https://t.me/share/url?url=${e(url)}&text=${e(title)}` },
    { label: 'Share by email', href: `mailto:?subject=${e(title)}&body=${e(body)}` },
  ]
}
