import type { RouteData } from 'astro'
import { describe, expect, it } from 'vitest'
import {
  changedListPages,
  LIST_PAGE_SIZE,
  laterPages,
  pagePath,
  paginatedLists,
} from '../../content-models/lists'
import { planIncremental } from '../../cms/publish/incremental'
import { keeps, mayRender, type RenderOnly } from '../../site/render/pages'
import { planBefore } from '../helpers/planFixture'

/** Guides g000…, titled so A to Z is their number order. */
const guides = (n: number, topic = 'pay') =>
  Array.from({ length: n }, (_, i) => ({
    slug: `g${String(i).padStart(3, '0')}`,
    title: `Guide ${String(i).padStart(3, '0')}`,
    summary: 'S',
    topics: [{ slug: topic }],
  }))
const topics = [{ slug: 'pay' }]

describe('long lists cut into pages', () => {
  it('keeps page 1 at the list address and numbers the later pages', () => {
    expect(pagePath('/topics/pay/', 1)).toBe('/topics/pay/')
    expect(pagePath('/topics/pay/', 3)).toBe('/topics/pay/page/3/')
    expect(laterPages(0)).toEqual([])
    expect(laterPages(LIST_PAGE_SIZE)).toEqual([])
    expect(laterPages(LIST_PAGE_SIZE * 2 + 1)).toEqual(['2', '3'])
  })

  it('renders only the page holding an edited guide', () => {
    const before = guides(170)
    const after = before.map((g, i) => (i === 120 ? { ...g, summary: 'Changed' } : g))
    expect(changedListPages(paginatedLists(before, topics), paginatedLists(after, topics))).toEqual({
      render: ['/guides/page/3/', '/topics/pay/page/3/'],
      gone: [],
    })
  })

  it('renders nothing when what the lists show is unchanged', () => {
    const before = guides(120)
    const after = before.map((g, i) => (i === 7 ? { ...g, body: 'new words' } : g))
    expect(changedListPages(paginatedLists(before, topics), paginatedLists(after, topics)).render).toEqual([])
  })

  it('a new last page renders with the page before it (which gains a next link); a lost one is gone', () => {
    const before = guides(100)
    const after = guides(101)
    expect(changedListPages(paginatedLists(before, topics), paginatedLists(after, topics))).toEqual({
      render: ['/guides/page/2/', '/guides/page/3/', '/topics/pay/page/2/', '/topics/pay/page/3/'],
      gone: [],
    })
    expect(changedListPages(paginatedLists(after, topics), paginatedLists(before, topics))).toEqual({
      render: ['/guides/page/2/', '/topics/pay/page/2/'],
      gone: ['/guides/page/3/', '/topics/pay/page/3/'],
    })
  })
})

describe('which pages of the long lists an incremental build renders', () => {
  const route = (r: string) => ({ route: r }) as RouteData
  const only: RenderOnly = {
    routes: { guides: 'guides', topics: 'topics' },
    slugs: { topics: ['rest'] },
    folders: { guides: 'lists', topics: 'lists', unions: 'none' },
    pages: ['/guides/page/2/', '/topics/pay/'],
  }
  const keep = keeps(only)
  it('renders the pages the plan names, and a topic first page whose topic it names', () => {
    expect(keep({ routeData: route('/guides'), params: {}, pathname: '/guides/' })).toBe(false)
    expect(
      keep({ routeData: route('/guides/page/[page]'), params: { page: '2' }, pathname: '/guides/page/2/' }),
    ).toBe(true)
    expect(
      keep({ routeData: route('/topics/[slug]'), params: { slug: 'pay' }, pathname: '/topics/pay/' }),
    ).toBe(true)
    expect(
      keep({ routeData: route('/topics/[slug]'), params: { slug: 'rest' }, pathname: '/topics/rest/' }),
    ).toBe(true)
    expect(
      keep({
        routeData: route('/topics/[slug]/page/[page]'),
        params: { slug: 'rest', page: '2' },
        pathname: '/topics/rest/page/2/',
      }),
    ).toBe(false)
  })
  it('lists again only the routes that may render; the rest come from the live build', () => {
    const may = mayRender(only)
    expect(may(route('/guides/[slug]'))).toBe(true)
    expect(may(route('/unions/[slug]'))).toBe(false)
    expect(may(route('/unions/sector/[sector]'))).toBe(false)
    expect(may(route('/privacy'))).toBe(true)
    expect(
      mayRender({ ...only, slugs: { unions: ['u'] }, routes: { unions: 'unions' } })(route('/unions/[slug]')),
    ).toBe(true)
  })
})

describe('which topic pages a change renders', () => {
  const before = planBefore
  it("renders a template's topic page (it lists the topic's letters), but not for a guide's body alone", () => {
    const withLetter = {
      ...before,
      templates: [{ id: 5, slug: 't', title: 'T', topics: [{ slug: 'pay', title: 'Pay' }] }],
    }
    const letterChanged = {
      ...withLetter,
      templates: [{ id: 5, slug: 't', title: 'T2', topics: [{ slug: 'pay', title: 'Pay' }] }],
    }
    expect(planIncremental(withLetter, letterChanged, false)).toMatchObject({
      render: { templates: ['t'], topics: ['pay'] },
      pages: [],
    })
    const bodyChanged = {
      ...before,
      guides: [{ ...before.guides[0]!, body: 'new words' }, before.guides[1]!, before.guides[2]!],
    }
    // The title and summary the lists show are unchanged: no list page, no topic page renders.
    expect(planIncremental(before, bodyChanged, false)).toMatchObject({
      render: { guides: ['a', 'b'] },
      pages: [],
    })
  })
})
