/**
 * What a page says without signal. A banner at the top of the page says the reader is offline and
 * what still works; every form that sends something (one that posts: signing, joining, asking,
 * registering) gets a note above it, and pressing its button while offline sends nothing and keeps
 * what was typed: nothing is queued to be sent later. A search form (GET) is left alone: the search
 * island answers it from the saved index. The notes go beside an island's element, never inside
 * it, so React's own DOM is left alone. The banner also says when the copy shown was saved.
 */
import { OFFLINE_CACHES, READER_KEPT_DAYS } from '../../../../content-models/offline'

/** The banner's words. */
export const OFFLINE_BANNER =
  'You are offline. Pages you have opened or saved on this device still work, and search works over them.'

/** The note above a form that needs signal. */
export const OFFLINE_FORM_NOTE =
  'You are offline, so this cannot be sent now. Nothing is kept to send later: when you have signal again, send it then. What you typed stays here.'

/** Whether a form sends something that needs the network: it posts (a GET form is a search). */
export const needsNetwork = (form: HTMLFormElement): boolean => form.method.toLowerCase() === 'post'

/** The element a form's note goes before: the island the form is in, or the form itself. */
const anchorOf = (form: HTMLFormElement): Element => form.closest('[data-props], [data-mounted]') ?? form

const NOTE_CLASS = 'offline-note'

const banner = (): HTMLElement => {
  const p = document.createElement('p')
  p.className = `${NOTE_CLASS} offline-banner`
  p.setAttribute('role', 'status')
  p.textContent = OFFLINE_BANNER
  return p
}

/** Shows or removes the banner and the forms' notes. */
export const showOffline = (offline: boolean, doc: Document = document): void => {
  for (const old of doc.querySelectorAll(`.${NOTE_CLASS}`)) old.remove()
  if (!offline) return
  doc.querySelector('main')?.prepend(banner())
  const anchors = new Set<Element>()
  for (const form of doc.querySelectorAll('form')) if (needsNetwork(form)) anchors.add(anchorOf(form))
  for (const anchor of anchors) {
    const note = doc.createElement('p')
    note.className = `${NOTE_CLASS} offline-form-note`
    note.textContent = OFFLINE_FORM_NOTE
    anchor.before(note)
  }
}

/**
 * When the copy of this page the worker answers with was saved (its Date): the reader's own copy
 * while it is under READER_KEPT_DAYS old, else the saved library's; null when neither is known.
 */
export const savedOn = async (pathname: string, now = Date.now()): Promise<Date | null> => {
  if (typeof caches === 'undefined') return null
  const dateIn = async (cache: string) =>
    Date.parse((await (await caches.open(cache)).match(pathname))?.headers.get('Date') ?? '')
  const own = await dateIn(OFFLINE_CACHES.pages)
  const at = now - own < READER_KEPT_DAYS * 24 * 60 * 60 * 1000 ? own : await dateIn(OFFLINE_CACHES.saved)
  return Number.isNaN(at) ? null : new Date(at)
}

/** Adds to the banner when this page was saved, so a reader knows how old what they read may be. */
const tellWhenSaved = async () => {
  const at = await savedOn(location.pathname).catch(() => null)
  const banner = document.querySelector('.offline-banner')
  if (!at || !banner || banner.textContent?.includes('This copy was saved')) return
  const day = at.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' })
  banner.append(` This copy was saved on ${day}.`)
}

/** Keeps the notes in step with the connection, and stops forms that need it while it is gone. */
export const watchConnection = (): void => {
  const update = () => {
    showOffline(!navigator.onLine)
    if (!navigator.onLine) void tellWhenSaved()
  }
  window.addEventListener('online', update)
  window.addEventListener('offline', update)
  if (!navigator.onLine) update()
  // Capture, on the document: before any island's own handler sends anything.
  document.addEventListener(
    'submit',
    (event) => {
      const form = event.target
      if (navigator.onLine || !(form instanceof HTMLFormElement) || !needsNetwork(form)) return
      event.preventDefault()
      event.stopImmediatePropagation()
      update()
      const note = anchorOf(form).previousElementSibling
      if (note instanceof HTMLElement && note.classList.contains('offline-form-note')) {
        note.tabIndex = -1
        note.focus()
      }
    },
    true,
  )
}
