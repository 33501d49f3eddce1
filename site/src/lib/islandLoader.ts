/**
 * Starts an island only when the reader starts to use it, so a page downloads no island's
 * JavaScript (React alone is about 60 KB gzip) until then. Until it starts, the page's plain HTML
 * (a form that posts, a link, a table) does the job without it.
 *
 * Any of these on the island's element counts as starting to use it: pointing at it (a mouse
 * over it, a finger on it), focusing a field or button in it (Tab), typing or clicking. A form
 * sent before the island has started is sent as the plain form it is.
 */

/** The events that start an island; all bubble, so one listener on its element sees them all. */
export const INTERACTION_EVENTS = [
  'pointerover',
  'pointerdown',
  'touchstart',
  'focusin',
  'input',
  'click',
  'keydown',
] as const

/** Starts one island in its element (usually a dynamic import of its `*.mount.tsx` file, then mount). */
export type IslandStart = (el: HTMLElement) => unknown

export type StartOptions = {
  /** Start at once: what the address or the page's state shows needs the island (a search opened with ?q=). */
  now?: boolean
}

/**
 * Starts `start(el)` the first time the reader interacts with `el` (or at once with `now`, or
 * when a field in it already has focus or the pointer is already over it). Returns a function that starts it now (at most once).
 * @example startOnInteraction(slot, (el) => import('../islands/Signup.mount').then((m) => m.mountSignup(el)))
 */
export const startOnInteraction = (
  el: HTMLElement,
  start: IslandStart,
  { now = false }: StartOptions = {},
): (() => Promise<void>) => {
  let started: Promise<void> | undefined
  const go = (): Promise<void> => {
    if (!started) {
      for (const name of INTERACTION_EVENTS) el.removeEventListener(name, onEvent, true)
      started = Promise.resolve()
        .then(() => start(el))
        .then(
          () => undefined,
          (error: unknown) => {
            // The plain HTML still works; say why the island did not start, for whoever debugs it.
            console.error('An island did not start; the page works without it.', error)
          },
        )
    }
    return started
  }
  const onEvent = () => void go()
  // A field in it already focused, or the pointer already resting on it, when this script runs.
  if (now || el.contains(el.ownerDocument.activeElement) || el.matches?.(':hover')) void go()
  else
    for (const name of INTERACTION_EVENTS)
      el.addEventListener(name, onEvent, { capture: true, passive: true })
  return go
}

/**
 * Starts each element matching `selector` on interaction (see startOnInteraction).
 * @example startIslands('.signup-island', (el) => import('../islands/Signup.mount').then((m) => m.mountSignup(el)))
 */
export const startIslands = (selector: string, start: IslandStart, options?: StartOptions): void => {
  for (const el of document.querySelectorAll<HTMLElement>(selector)) startOnInteraction(el, start, options)
}
