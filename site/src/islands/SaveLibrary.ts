/**
 * "Save all guides and letters for offline", on the guides page. Not a React island: a button, a
 * line of status and a progress bar need a few kilobytes, not React. Pressing the button first
 * says how much it downloads, and saving starts only when the reader says so. Once saved, each
 * visit to the page with signal fetches only what a publish or a deploy changed, and says how much
 * first (site/src/lib/offline/libraryPlan.ts).
 */
import {
  fetchManifest,
  formatBytes,
  planUpdate,
  readSaved,
  removeLibrary,
  saveLibrary,
  updateWords,
  type LibraryPlan,
  type SavedLibrary,
  type SaveProgress,
} from '../lib/offline/library'
import type { LibraryManifest } from '../../../content-models/offline'

/** The parts of the section the island works with (see site/src/pages/guides/index.astro). */
type Parts = { status: HTMLElement; actions: HTMLElement; progress: HTMLProgressElement }

const button = (label: string, onClick: () => void, secondary = false): HTMLButtonElement => {
  const b = document.createElement('button')
  b.type = 'button'
  b.textContent = label
  if (secondary) b.className = 'secondary'
  b.addEventListener('click', onClick)
  return b
}

const dateTime = (iso: string) =>
  new Date(iso).toLocaleString('en-GB', { day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' })

const savedWords = (s: SavedLibrary) =>
  `Saved on this device: ${s.counts.guides} guides and ${s.counts.letters} letters (${formatBytes(s.bytes)}), up to date on ${dateTime(s.savedAt)}. They open and can be searched without signal.`

/** Says `text` (read out by screen readers: the status is a live region) and shows `buttons`. */
const show = ({ status, actions }: Parts, text: string, buttons: HTMLButtonElement[] = []) => {
  status.textContent = text
  actions.replaceChildren(...buttons)
}

/** Shows the progress bar while saving; tells screen readers only each quarter, not every file. */
const progressOf = (parts: Parts, verb: string) => {
  let told = -1
  parts.progress.hidden = false
  parts.progress.value = 0
  return (p: SaveProgress) => {
    const share = p.totalSent ? p.sent / p.totalSent : 1
    parts.progress.value = Math.round(share * 100)
    parts.progress.textContent = `${Math.round(share * 100)}%`
    const quarter = Math.floor(share * 4)
    if (quarter !== told) {
      told = quarter
      parts.status.textContent = `${verb}: ${formatBytes(p.sent)} of ${formatBytes(p.totalSent)} (${p.files} of ${p.totalFiles} files).`
    }
  }
}

/** Runs a save (or an update), then shows the result or what went wrong. */
const run = async (
  parts: Parts,
  manifest: LibraryManifest,
  saved: SavedLibrary | null,
  plan: LibraryPlan,
) => {
  const verb = saved ? 'Updating' : 'Saving'
  show(parts, saved ? updateWords(plan) : `${verb}…`)
  // Asks the browser not to clear the library when the device runs short of space (it may say no).
  void navigator.storage?.persist?.().catch(() => false)
  try {
    const done = await saveLibrary(manifest, saved, plan, progressOf(parts, verb))
    parts.progress.hidden = true
    showSaved(parts, done)
  } catch (error) {
    parts.progress.hidden = true
    const full = error instanceof DOMException && error.name === 'QuotaExceededError'
    show(
      parts,
      full
        ? 'This device has no room left for the library. What was saved so far is kept.'
        : `Saving stopped${navigator.onLine ? '' : ' because the signal went'}. What was saved so far is kept: try again to save the rest.`,
      [button('Try again', () => void offer(parts, true))],
    )
  }
}

/** The saved state, with a way to remove it. */
const showSaved = (parts: Parts, saved: SavedLibrary) =>
  show(parts, savedWords(saved), [
    button(
      'Remove the saved guides and letters',
      () => void removeLibrary().then(() => show(parts, 'Removed from this device.', [start(parts)])),
      true,
    ),
  ])

/** The first button: asks for the size first. */
const start = (parts: Parts) =>
  button('Save all guides and letters for offline', () => void offer(parts, false))

/** Fetches the list, says how much it downloads, and saves when the reader says so (or at once, to retry). */
const offer = async (parts: Parts, now: boolean) => {
  show(parts, 'Finding out how much there is to download…')
  let manifest: LibraryManifest
  try {
    manifest = await fetchManifest()
  } catch {
    show(parts, 'The library cannot be saved without signal. Try again when you have signal.', [start(parts)])
    return
  }
  const saved = await readSaved()
  const plan = planUpdate(saved, manifest)
  if (now) return run(parts, manifest, saved, plan)
  show(
    parts,
    `This downloads about ${formatBytes(plan.sent)}: ${manifest.counts.guides} guides, ${manifest.counts.letters} letters with their Word and text files, and what search needs. It takes about ${formatBytes(manifest.bytes)} on this device.`,
    [
      button('Start saving', () => void run(parts, manifest, saved, plan)),
      button('Not now', () => show(parts, '', [start(parts)]), true),
    ],
  )
}

/** After a publish: fetches what changed since the library was saved (only with signal). */
const refresh = async (parts: Parts, saved: SavedLibrary) => {
  showSaved(parts, saved)
  if (!navigator.onLine) return
  const manifest = await fetchManifest().catch(() => null)
  if (!manifest || manifest.build === saved.build) return
  const plan = planUpdate(saved, manifest)
  await run(parts, manifest, saved, plan)
}

/**
 * Starts the island in its section. With `pressed`, the reader has just pressed the plain
 * button (which loaded this file): its size is fetched at once.
 */
export const mountSaveLibrary = async (section: HTMLElement, { pressed = false } = {}): Promise<void> => {
  const parts: Parts = {
    status: section.querySelector<HTMLElement>('[data-save-status]')!,
    actions: section.querySelector<HTMLElement>('[data-save-actions]')!,
    progress: section.querySelector<HTMLProgressElement>('progress')!,
  }
  const saved = await readSaved()
  if (saved) return refresh(parts, saved)
  if (pressed) return offer(parts, false)
  show(parts, '', [start(parts)])
}
