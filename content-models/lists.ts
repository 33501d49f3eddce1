/**
 * The site's long lists and how they are cut into pages: the guides A to Z (/guides/) and each
 * topic's guides (/topics/<slug>/). The site renders them from here and the CMS's incremental
 * build plans from here (cms/publish/incremental.ts), so a change renders only the pages whose
 * items changed. Page 1 keeps the list's own address; page n is at `<list>/page/<n>/`.
 */

/** Guides shown on one page of a long list. */
export const LIST_PAGE_SIZE = 50

/** What a list shows of each guide: its address comes from the slug. */
export type ListItem = { slug: string; title: string; summary?: string | null }

/** A guide as the lists read it (a snapshot guide, or the planner's untyped entry). */
type ListedGuide = ListItem & { topics?: readonly { slug: string }[] | null }

/** The routes of the paginated lists, as Astro names them: these render only the pages named by a plan. */
export const PAGINATED_ROUTES = [
  '/guides',
  '/guides/page/[page]',
  '/topics/[slug]',
  '/topics/[slug]/page/[page]',
]

/** Every guide, A to Z by title (British English collation), as /guides/ lists them. */
export const guidesAtoZ = <T extends ListedGuide>(guides: readonly T[]): T[] =>
  [...guides].sort((a, b) => a.title.localeCompare(b.title, 'en-GB'))

/** The guides of one topic, in snapshot order, as its topic page lists them. */
export const guidesInTopic = <T extends ListedGuide>(guides: readonly T[], topic: string): T[] =>
  guides.filter((g) => (g.topics ?? []).some((t) => t.slug === topic))

/** How many pages a list of `count` items takes (an empty list still has its first page). */
export const pageCount = (count: number): number => Math.max(1, Math.ceil(count / LIST_PAGE_SIZE))

/** The items on page `page` (from 1) of a list. */
export const itemsOnPage = <T>(items: readonly T[], page: number): T[] =>
  items.slice((page - 1) * LIST_PAGE_SIZE, page * LIST_PAGE_SIZE)

/**
 * The address of page `page` of the list at `base` (which ends in a slash).
 * @example pagePath('/topics/pay/', 1) → '/topics/pay/'; pagePath('/topics/pay/', 3) → '/topics/pay/page/3/'
 */
export const pagePath = (base: string, page: number): string => (page === 1 ? base : `${base}page/${page}/`)

/** The page numbers after the first, as getStaticPaths params: ['2', '3'…]. */
export const laterPages = (count: number): string[] =>
  Array.from({ length: pageCount(count) - 1 }, (_, i) => String(i + 2))

/**
 * Every paginated list of a snapshot: its address and its items in order. Topics are given so a
 * topic with no guide still has its (empty) first page.
 */
export const paginatedLists = (
  guides: readonly ListedGuide[],
  topics: readonly { slug: string }[],
): { base: string; items: ListItem[] }[] => [
  { base: '/guides/', items: guidesAtoZ(guides) },
  ...topics.map((t) => ({ base: `/topics/${t.slug}/`, items: guidesInTopic(guides, t.slug) })),
]

/**
 * What one page of a list shows, as a string to compare between snapshots: its items' slugs,
 * titles and summaries, and whether a next page exists (it links to it).
 */
const pageKey = (items: readonly ListItem[], page: number): string =>
  JSON.stringify([
    itemsOnPage(items, page).map((i) => [i.slug, i.title, i.summary ?? null]),
    page < pageCount(items.length),
  ])

/**
 * The addresses of list pages that differ between two snapshots' lists (`before` and `after` from
 * paginatedLists): a page whose items, or whose next-page link, changed, and every new page.
 * Pages that no longer exist are in `gone`.
 */
export const changedListPages = (
  before: readonly { base: string; items: ListItem[] }[],
  after: readonly { base: string; items: ListItem[] }[],
): { render: string[]; gone: string[] } => {
  const old = new Map(before.map((l) => [l.base, l.items]))
  const render: string[] = []
  const gone: string[] = []
  for (const { base, items } of after) {
    const was = old.get(base)
    for (let page = 1; page <= pageCount(items.length); page++)
      if (!was || page > pageCount(was.length) || pageKey(was, page) !== pageKey(items, page))
        render.push(pagePath(base, page))
    for (let page = pageCount(items.length) + 1; was && page <= pageCount(was.length); page++)
      gone.push(pagePath(base, page))
  }
  return { render, gone }
}
