/**
 * Marks sessions as finished when their end time has passed since the page was built. Not a
 * React island on purpose: it needs no UI, so it ships a few hundred bytes instead of React.
 * Elements with `data-ends="<ISO time>"` that have ended get the class `is-past`; inside them,
 * `[data-when-past]` is shown and `[data-until-past]` hidden.
 */

/** Applies the marking; returns how many elements it marked. */
export const markPast = (root: ParentNode, now = Date.now()): number => {
  let marked = 0
  root.querySelectorAll<HTMLElement>('[data-ends]').forEach((el) => {
    const ends = Date.parse(el.dataset.ends ?? '')
    if (Number.isNaN(ends) || ends > now) return
    el.classList.add('is-past')
    el.querySelectorAll<HTMLElement>('[data-when-past]').forEach((n) => (n.hidden = false))
    el.querySelectorAll<HTMLElement>('[data-until-past]').forEach((n) => (n.hidden = true))
    marked++
  })
  return marked
}
