/** Share images: drawn at build time with sharp, and drawn again only when what they show changes. */
import { mkdtemp, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { renderShareImage, shareImageSvg, wrapTitle } from '../../cms/publish/offline/shareImage'
import { SHARE_RECORD, writeShareImages } from '../../cms/publish/offline/shareImages'
import { SHARE_PAGE_FOLDERS, shareWords } from '../../content-models/offline'

let root: string
beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'share-images-'))
})
afterAll(() => rm(root, { recursive: true, force: true }))

/** A snapshot folder with these guides, letters and petitions. */
const snapshot = async (
  name: string,
  titles: { guides: string[]; templates?: string[]; petitions?: string[] },
) => {
  const dir = path.join(root, name)
  await mkdir(dir, { recursive: true })
  const entries = (list: string[] = []) =>
    list.map((title, i) => ({ id: i + 1, slug: `entry-${i + 1}`, title }))
  await writeFile(path.join(dir, 'guides.json'), JSON.stringify(entries(titles.guides)))
  await writeFile(path.join(dir, 'templates.json'), JSON.stringify(entries(titles.templates)))
  await writeFile(path.join(dir, 'petitions.json'), JSON.stringify(entries(titles.petitions)))
  await writeFile(
    path.join(dir, 'site-settings.json'),
    JSON.stringify({ siteName: 'Better Work', tagline: 'Better work is possible' }),
  )
  return dir
}

describe('a share image', () => {
  it('is a 1200×630 PNG', async () => {
    const png = await renderShareImage({ title: 'Holiday pay', label: 'Guide', siteName: 'Better Work' })
    const meta = await sharp(png).metadata()
    expect({ format: meta.format, width: meta.width, height: meta.height }).toEqual({
      format: 'png',
      width: 1200,
      height: 630,
    })
  })

  it('shows a title typed with markup as text', () => {
    const svg = shareImageSvg({ title: 'Pay & <b>"rights"</b>', siteName: 'Better Work' })
    expect(svg).toContain('Pay &amp; &lt;b&gt;&quot;rights&quot;&lt;/b&gt;')
    expect(svg).not.toContain('<b>')
  })

  it('wraps a long title at spaces, and ends one too long for four lines with an ellipsis', () => {
    expect(wrapTitle('Holiday pay for zero-hours workers', 20)).toEqual([
      'Holiday pay for',
      'zero-hours workers',
    ])
    const lines = wrapTitle('word '.repeat(40), 20)
    expect(lines).toHaveLength(4)
    expect(lines.every((l) => l.length <= 20)).toBe(true)
    expect(lines[3]).toMatch(/…$/)
    expect(wrapTitle('Supercalifragilisticexpialidocious pay', 12)[0]).toBe('Supercalifr-')
  })
})

describe('the share images of a build', () => {
  it('draws one per guide, letter and petition, and the site’s own', async () => {
    const snap = await snapshot('first', {
      guides: ['Holiday pay', 'Sick pay'],
      templates: ['Ask for pay'],
      petitions: ['Fair rotas'],
    })
    const build = path.join(root, 'build-1')
    expect(await writeShareImages(build, snap, null)).toEqual({ drawn: 5, reused: 0 })
    for (const file of ['site', 'guides/entry-1', 'guides/entry-2', 'templates/entry-1', 'petitions/entry-1'])
      expect((await stat(path.join(build, 'share', `${file}.png`))).size).toBeGreaterThan(1000)
    expect(Object.keys(JSON.parse(await readFile(path.join(build, SHARE_RECORD), 'utf8')))).toHaveLength(5)
  })

  it('draws again only the image whose title changed, and links the others from the live build', async () => {
    const live = path.join(root, 'build-1')
    const snap = await snapshot('second', {
      guides: ['Holiday pay', 'Statutory sick pay'],
      templates: ['Ask for pay'],
      petitions: ['Fair rotas'],
    })
    const build = path.join(root, 'build-2')
    expect(await writeShareImages(build, snap, live)).toEqual({ drawn: 1, reused: 4 })
    const same = path.join('share', 'guides', 'entry-1.png')
    expect((await stat(path.join(build, same))).ino).toBe((await stat(path.join(live, same))).ino)
    const changed = path.join('share', 'guides', 'entry-2.png')
    expect((await stat(path.join(build, changed))).ino).not.toBe((await stat(path.join(live, changed))).ino)
    // The live build's image is untouched.
    expect(await readFile(path.join(live, changed))).not.toEqual(await readFile(path.join(build, changed)))
  })
})

describe('shareWords: what a share image says a page is', () => {
  it('names each kind of page, an open letter as one', () => {
    expect(shareWords('guides')).toEqual({ label: 'Guide', noun: 'a guide' })
    expect(shareWords('templates')).toEqual({ label: 'Letter', noun: 'a letter' })
    expect(shareWords('petitions', 'petition')).toEqual({ label: 'Petition', noun: 'a petition' })
    expect(shareWords('petitions', 'open-letter')).toEqual({ label: 'Open letter', noun: 'an open letter' })
    // A campaign saved before kinds existed is a petition.
    expect(shareWords('petitions', undefined)).toEqual({ label: 'Petition', noun: 'a petition' })
  })

  it('finds an open letter’s page folder', () => {
    expect(SHARE_PAGE_FOLDERS['open-letters']).toBe('petitions')
  })
})
