/** The starting data for the union directory, networks and training sessions. */
import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { NATIONS, SECTORS, SESSION_STATES } from '../../content-models/constants'

const read = async <T>(name: string): Promise<T> =>
  JSON.parse(await readFile(`scripts/seed-data/${name}.json`, 'utf8'))

type SeedUnion = {
  slug: string
  name: string
  affiliations: string[]
  sectors: string[]
  nations: string[]
  occupations: string[]
  membership: number | null
  membershipYear: number | null
  sources: { url: string }[]
  description: string
}
const EMAIL = /[\w.+-]+@[\w-]+\.[\w.]+/
const UK_PHONE = /(\+44|\b0)\s?\d{3,4}\s?\d{3}\s?\d{3,4}/

describe('seed data for the directory', () => {
  it('lists as many TUC affiliates as the count it cites, plus independent unions', async () => {
    const data = await read<{ tucAffiliateCount: number; unions: SeedUnion[] }>('unions')
    expect(data.unions.filter((u) => u.affiliations.includes('tuc'))).toHaveLength(data.tucAffiliateCount)
    expect(data.unions.filter((u) => !u.affiliations.includes('tuc')).map((u) => u.slug)).toEqual(
      expect.arrayContaining(['iwgb', 'uvw']),
    )
  })

  it('gives every union known sectors and nations, job words, a description and a source', async () => {
    const { unions } = await read<{ unions: SeedUnion[] }>('unions')
    const sectors = new Set<string>(SECTORS.map((s) => s.value))
    const nations = new Set<string>(NATIONS.map((n) => n.value))
    const problems = unions.flatMap((u) => [
      ...u.sectors.filter((s) => !sectors.has(s)).map((s) => `${u.slug}: unknown sector ${s}`),
      ...u.nations.filter((n) => !nations.has(n)).map((n) => `${u.slug}: unknown nation ${n}`),
      ...(u.sectors.length === 0 ? [`${u.slug}: no sectors`] : []),
      ...(u.nations.length === 0 ? [`${u.slug}: no nations`] : []),
      ...(u.occupations.length === 0 ? [`${u.slug}: no job words`] : []),
      ...(u.sources.length === 0 ? [`${u.slug}: no sources`] : []),
      ...(u.description.length < 40 ? [`${u.slug}: description too short`] : []),
    ])
    expect(problems).toEqual([])
  })

  it('never gives a membership figure without the year it was counted', async () => {
    const { unions } = await read<{ unions: SeedUnion[] }>('unions')
    expect(
      unions.filter((u) => (u.membership == null) !== (u.membershipYear == null)).map((u) => u.slug),
    ).toEqual([])
  })

  it('has a union for warehouse work in Scotland', async () => {
    const { unions } = await read<{ unions: SeedUnion[] }>('unions')
    expect(
      unions.filter((u) => u.sectors.includes('warehouse-logistics') && u.nations.includes('scotland'))
        .length,
    ).toBeGreaterThan(1)
  })

  it('keeps personal contact details out of networks, and points each at a union that exists', async () => {
    const { networks } = await read<{
      networks: { slug: string; description: string; meets: string; relatedUnion: string | null }[]
    }>('networks')
    const { unions } = await read<{ unions: SeedUnion[] }>('unions')
    for (const n of networks) {
      expect(`${n.description} ${n.meets}`, n.slug).not.toMatch(EMAIL)
      expect(`${n.description} ${n.meets}`, n.slug).not.toMatch(UK_PHONE)
      if (n.relatedUnion)
        expect(
          unions.map((u) => u.slug),
          n.slug,
        ).toContain(n.relatedUnion)
    }
  })

  it('has training sessions that end after they start, with a known status and a way to sign up', async () => {
    const { sessions } = await read<{
      sessions: {
        slug: string
        start: string
        end: string
        status: string
        registration: string
        externalUrl: string | null
      }[]
    }>('training-sessions')
    for (const s of sessions) {
      expect(Date.parse(s.end), s.slug).toBeGreaterThan(Date.parse(s.start))
      expect(SESSION_STATES, s.slug).toContain(s.status)
      if (s.registration === 'external') expect(s.externalUrl, s.slug).toMatch(/^https:\/\//)
    }
    expect(sessions.some((s) => s.status === 'cancelled')).toBe(true)
  })
})
