import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { exportSnapshot } from '../../cms/publish/exportSnapshot'
import type { SnapshotGuide, SnapshotNetwork, SnapshotPetition } from '../../content-models/snapshot'
import { make, richText } from '../helpers/factories'
import { startHarness, type Harness } from '../helpers/harness'

let t: Harness
const read = async <T>(dir: string, name: string): Promise<T> =>
  JSON.parse(await readFile(path.join(dir, `${name}.json`), 'utf8'))

beforeAll(async () => {
  t = await startHarness()
})
afterAll(async () => t?.close())

describe('snapshot export', () => {
  it('exports published guides and never a draft', async () => {
    const topic = await make.topic(t.payload, { title: 'Holidays and holiday pay', slug: 'holidays' })
    const reviewer = await make.user(t.payload, ['reviewer'], 'Asha Reviewer')
    await make.guide(t.payload, {
      title: 'Holiday pay',
      slug: 'holiday-pay',
      topics: [topic.id],
      reviewedBy: reviewer.id,
    })
    await make.guide(t.payload, { title: 'Unfinished draft', slug: 'unfinished-draft', _status: 'draft' })
    const dir = path.join(t.dir, 'snap-1')
    const meta = await exportSnapshot(t.payload, dir)
    const guides = await read<SnapshotGuide[]>(dir, 'guides')
    expect(guides.map((g) => g.slug)).toEqual(['holiday-pay'])
    expect(meta.counts.guides).toBe(1)
    expect(guides[0].topics).toEqual([{ slug: 'holidays', title: 'Holidays and holiday pay' }])
    expect(guides[0].toc).toEqual([{ id: 'what-you-get', text: 'What you get', level: 2 }])
    expect(guides[0].bodyHtml).toBe('<h2 id="what-you-get">What you get</h2><p>You get paid holiday.</p>')
    // A reviewer's name is public; their email address never is.
    expect(guides[0].reviewedBy).toBe('Asha Reviewer')
    expect(JSON.stringify(guides)).not.toContain('@example.org')
  })

  it('keeps the published version when a published guide gets an unpublished draft edit', async () => {
    const guide = await make.guide(t.payload, { title: 'Sick pay', slug: 'sick-pay' })
    await t.payload.update({
      collection: 'guides',
      id: guide.id,
      draft: true,
      data: { title: 'Sick pay DRAFT EDIT', _status: 'draft' },
      overrideAccess: true,
    })
    const dir = path.join(t.dir, 'snap-2')
    await exportSnapshot(t.payload, dir)
    const guides = await read<SnapshotGuide[]>(dir, 'guides')
    expect(guides.find((g) => g.slug === 'sick-pay')?.title).toBe('Sick pay')
    expect(JSON.stringify(guides)).not.toContain('DRAFT EDIT')
  })

  it('does not link to an unpublished guide from a published one', async () => {
    const hidden = await make.guide(t.payload, { title: 'Not yet', slug: 'not-yet', _status: 'draft' })
    await make.guide(t.payload, { title: 'Notice', slug: 'notice', relatedGuides: [hidden.id] })
    const dir = path.join(t.dir, 'snap-3')
    await exportSnapshot(t.payload, dir)
    const guides = await read<SnapshotGuide[]>(dir, 'guides')
    expect(guides.find((g) => g.slug === 'notice')?.relatedGuides).toEqual([])
  })

  it('leaves out draft petitions, hidden employers and all personal data', async () => {
    const open = await make.petition(t.payload, { slug: 'fair-rotas', state: 'open' })
    await make.petition(t.payload, { slug: 'secret-plan', state: 'draft' })
    await make.network(t.payload, { slug: 'hidden-employer', employer: 'Quickdrop Ltd', hideEmployer: true })
    await make.signature(t.payload, open.id, { email: 'tom.signer@example.org' })
    await make.member(t.payload, { email: 'sara.member@example.org' })
    const dir = path.join(t.dir, 'snap-4')
    await exportSnapshot(t.payload, dir)
    const petitions = await read<SnapshotPetition[]>(dir, 'petitions')
    const networks = await read<SnapshotNetwork[]>(dir, 'networks')
    expect(petitions.map((p) => p.slug)).toEqual(['fair-rotas'])
    expect(networks.find((n) => n.slug === 'hidden-employer')?.employer).toBeNull()
    const everything = (
      await Promise.all(
        ['petitions', 'networks', 'guides', 'unions', 'training-sessions', 'templates', 'topics'].map((n) =>
          readFile(path.join(dir, `${n}.json`), 'utf8'),
        ),
      )
    ).join('')
    expect(everything).not.toMatch(/Quickdrop|tom\.signer|sara\.member/)
  })

  it('renders a script typed into rich text as text, and drops a javascript: link', async () => {
    const body = richText('Hello <script>alert(1)</script> and [click](javascript:void0)')
    await make.guide(t.payload, { title: 'Tricky', slug: 'tricky', body })
    const dir = path.join(t.dir, 'snap-5')
    await exportSnapshot(t.payload, dir)
    const guide = (await read<SnapshotGuide[]>(dir, 'guides')).find((g) => g.slug === 'tricky')!
    expect(guide.bodyHtml).toBe('<p>Hello &lt;script&gt;alert(1)&lt;/script&gt; and click</p>')
  })
})

describe('incremental snapshot export', () => {
  const files = [
    'topics',
    'guides',
    'templates',
    'training-sessions',
    'unions',
    'networks',
    'petitions',
    'site-settings',
  ]
  const allOf = async (dir: string) =>
    Object.fromEntries(await Promise.all(files.map(async (f) => [f, await read<unknown>(dir, f)])))

  it('copies unchanged entries from the previous snapshot and reads changed ones and those showing them', async () => {
    const a = await make.guide(t.payload, { title: 'Rest breaks', slug: 'rest-breaks' })
    const b = await make.guide(t.payload, { title: 'Night work', slug: 'night-work', relatedGuides: [a.id] })
    await make.guide(t.payload, { title: 'Leaving soon', slug: 'leaving-soon' })
    const first = path.join(t.dir, 'inc-1')
    await exportSnapshot(t.payload, first)

    // A renamed guide, a deleted one, and an unchanged guide that shows the renamed one's title.
    await t.payload.update({
      collection: 'guides',
      id: a.id,
      data: { title: 'Rest breaks at work' },
      overrideAccess: true,
    })
    const leaving = (
      await t.payload.find({
        collection: 'guides',
        where: { slug: { equals: 'leaving-soon' } },
        overrideAccess: true,
      })
    ).docs[0]!
    await t.payload.delete({ collection: 'guides', id: leaving.id, overrideAccess: true })
    const incremental = path.join(t.dir, 'inc-2')
    const meta = await exportSnapshot(t.payload, incremental, { previous: first })
    const full = path.join(t.dir, 'inc-3')
    await exportSnapshot(t.payload, full)

    expect(await allOf(incremental)).toEqual(await allOf(full))
    // Every guide made before this test was copied, not read again: all but the two that changed or show a change.
    expect(meta.reused).toBe(
      meta.counts.guides! -
        2 +
        meta.counts.templates! +
        meta.counts['training-sessions']! +
        meta.counts.unions! +
        meta.counts.networks!,
    )
    const guides = await read<SnapshotGuide[]>(incremental, 'guides')
    expect(guides.find((g) => g.id === b.id)!.relatedGuides).toEqual([
      expect.objectContaining({ slug: 'rest-breaks', title: 'Rest breaks at work' }),
    ])
    expect(guides.map((g) => g.slug)).not.toContain('leaving-soon')
  })

  it('reads everything again when the previous snapshot is missing or a topic changed', async () => {
    const topic = await make.topic(t.payload, { title: 'Hours', slug: 'hours' })
    await make.guide(t.payload, { title: 'Long hours', slug: 'long-hours', topics: [topic.id] })
    const first = path.join(t.dir, 'inc-topic-1')
    await exportSnapshot(t.payload, first)
    await t.payload.update({
      collection: 'topics',
      id: topic.id,
      data: { title: 'Working hours' },
      overrideAccess: true,
    })
    const incremental = path.join(t.dir, 'inc-topic-2')
    expect((await exportSnapshot(t.payload, incremental, { previous: first })).reused).toBeUndefined()
    const guides = await read<SnapshotGuide[]>(incremental, 'guides')
    expect(guides.find((g) => g.slug === 'long-hours')!.topics).toEqual([
      { slug: 'hours', title: 'Working hours' },
    ])
    const missing = path.join(t.dir, 'inc-topic-3')
    expect(
      (await exportSnapshot(t.payload, missing, { previous: path.join(t.dir, 'no-such-snapshot') })).reused,
    ).toBeUndefined()
    expect(await allOf(missing)).toEqual(await allOf(incremental))
  })
})
