/**
 * The island loader: an island's JavaScript is asked for only when the reader starts to use it
 * (or at once when asked to), and only once. Node's own EventTarget stands in for the element.
 */
import { describe, expect, it } from 'vitest'
import { INTERACTION_EVENTS, startOnInteraction } from '../../site/src/lib/islandLoader'

/** What startOnInteraction uses of an element: events, `contains` and the document's focus. */
class Place extends EventTarget {
  focused = false
  ownerDocument = { activeElement: {} as unknown }
  contains = (node: unknown) => this.focused && node === this.ownerDocument.activeElement
}

const place = () => {
  const el = new Place()
  const starts: unknown[] = []
  // eslint-disable-next-line no-restricted-syntax -- the loader reads only the EventTarget, contains and ownerDocument of an HTMLElement
  const go = startOnInteraction(el as unknown as HTMLElement, (e) => starts.push(e))
  return { el, starts, go }
}
const settle = () => new Promise((r) => setTimeout(r, 0))

describe('islandLoader', () => {
  it('downloads nothing until the reader interacts, then starts the island once', async () => {
    const { el, starts } = place()
    await settle()
    expect(starts).toEqual([])
    el.dispatchEvent(new Event('pointerover'))
    el.dispatchEvent(new Event('focusin'))
    el.dispatchEvent(new Event('click'))
    await settle()
    expect(starts).toEqual([el])
  })

  it('starts on each kind of first interaction: pointing, touching, focusing, typing, clicking', async () => {
    expect(INTERACTION_EVENTS).toEqual(
      expect.arrayContaining([
        'pointerover',
        'pointerdown',
        'touchstart',
        'focusin',
        'input',
        'click',
        'keydown',
      ]),
    )
    for (const name of INTERACTION_EVENTS) {
      const { el, starts } = place()
      el.dispatchEvent(new Event(name))
      await settle()
      expect(starts, name).toHaveLength(1)
    }
  })

  it('starts at once when asked to (a search page opened with ?q=) or when a field already has focus', async () => {
    const el = new Place()
    const starts: unknown[] = []
    // eslint-disable-next-line no-restricted-syntax -- as above
    startOnInteraction(el as unknown as HTMLElement, (e) => starts.push(e), { now: true })
    const focused = new Place()
    focused.focused = true
    // eslint-disable-next-line no-restricted-syntax -- as above
    startOnInteraction(focused as unknown as HTMLElement, (e) => starts.push(e))
    await settle()
    expect(starts).toEqual([el, focused])
  })

  it('the returned function starts it now, still only once, and a failed start leaves the plain page', async () => {
    const { el, starts, go } = place()
    await Promise.all([go(), go()])
    el.dispatchEvent(new Event('click'))
    await settle()
    expect(starts).toHaveLength(1)
    const errors: unknown[] = []
    const original = console.error
    console.error = (...args: unknown[]) => errors.push(args)
    try {
      // eslint-disable-next-line no-restricted-syntax -- as above
      const failing = startOnInteraction(new Place() as unknown as HTMLElement, () =>
        Promise.reject(new Error('offline')),
      )
      await expect(failing()).resolves.toBeUndefined()
      expect(errors).toHaveLength(1)
    } finally {
      console.error = original
    }
  })
})
