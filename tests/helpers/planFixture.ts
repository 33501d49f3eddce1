/** The small snapshot the incremental-plan tests start from: guide a in topic pay, b links to a, c alone. */

/** A guide as the snapshot holds it, with no topics or related guides unless given. */
export const guide = (id: number, slug: string, extra: Record<string, unknown> = {}) => ({
  id,
  slug,
  title: slug,
  topics: [] as { slug: string; title: string }[],
  relatedGuides: [] as { slug: string; title: string }[],
  ...extra,
})

/** The snapshot before a change. */
export const planBefore = {
  guides: [
    guide(1, 'a', { topics: [{ slug: 'pay', title: 'Pay' }] }),
    guide(2, 'b', { relatedGuides: [{ slug: 'a', title: 'a' }] }),
    guide(3, 'c'),
  ],
  topics: [{ id: 9, slug: 'pay', title: 'Pay' }],
}
