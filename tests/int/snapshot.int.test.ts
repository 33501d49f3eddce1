import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { exportSnapshot } from '../../cms/snapshot/exportSnapshot'
import type { SnapshotGuide, SnapshotNetwork, SnapshotPetition } from '../../cms/snapshot/types'
import { make, richText } from '../helpers/factories'
import { startTestPayload, type TestPayload } from '../helpers/payload'

let t: TestPayload
const read = async <T>(dir: string, name: string): Promise<T> => JSON.parse(await readFile(path.join(dir, `${name}.json`), 'utf8'))

beforeAll(async () => {
  t = await startTestPayload()
})
afterAll(async () => t?.cleanup())

describe('snapshot export', () => {
  it('exports published guides and never a draft', async () => {
    const topic = await make.topic(t.payload, { title: 'Holidays and holiday pay', slug: 'holidays' })
    const reviewer = await make.user(t.payload, ['reviewer'], 'Asha Reviewer')
    await make.guide(t.payload, { title: 'Holiday pay', slug: 'holiday-pay', topics: [topic.id], reviewedBy: reviewer.id })
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
    await t.payload.update({ collection: 'guides', id: guide.id, draft: true, data: { title: 'Sick pay DRAFT EDIT', _status: 'draft' } as never, overrideAccess: true })
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
    const everything = (await Promise.all(['petitions', 'networks', 'guides', 'unions', 'training-sessions', 'templates', 'topics'].map((n) => readFile(path.join(dir, `${n}.json`), 'utf8')))).join('')
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
