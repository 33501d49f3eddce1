import { describe, expect, it } from 'vitest'
import { explainResult, matchJobs, rankUnions, type FinderUnion } from '../../site/src/lib/finder'

const union = (slug: string, over: Partial<FinderUnion> = {}): FinderUnion => ({
  slug,
  name: slug.toUpperCase(),
  shortName: null,
  sectors: [],
  occupations: [],
  nations: ['england-wales', 'scotland', 'northern-ireland'],
  affiliations: ['tuc'],
  recognisedEmployers: [],
  ...over,
})

const unions = [
  union('big', {
    sectors: ['warehouse-logistics', 'care', 'retail', 'transport'],
    occupations: ['warehouse worker', 'care worker'],
  }),
  union('shops', {
    sectors: ['retail', 'warehouse-logistics'],
    occupations: ['shop worker', 'warehouse worker', 'forklift driver'],
  }),
  union('roads', {
    sectors: ['transport', 'warehouse-logistics'],
    occupations: ['lorry driver', 'forklift driver'],
  }),
  union('englandonly', {
    sectors: ['warehouse-logistics'],
    nations: ['england-wales'],
    occupations: ['picker'],
  }),
  union('teachers', { sectors: ['education'], nations: ['scotland'], occupations: ['teacher'] }),
]
const slugs = (q: Parameters<typeof rankUnions>[1]) =>
  rankUnions(unions, q).map((r) => `${r.tier}:${r.union.slug}`)

describe('the union finder ranking (the TUC order of preference)', () => {
  it('puts the union the employer recognises first, then a union at the workplace, then unions for the job', () => {
    expect(
      slugs({
        sector: 'warehouse-logistics',
        nation: 'scotland',
        recognisedUnion: 'big',
        workplaceUnion: 'shops',
      }),
    ).toEqual(['recognised:big', 'workplace:shops', 'job:roads'])
  })

  it('keeps the recognised union first even when it does not match the job', () => {
    expect(slugs({ sector: 'education', nation: 'scotland', recognisedUnion: 'roads' })).toEqual([
      'recognised:roads',
      'job:teachers',
    ])
  })

  it('finds the recognised union from the employer name the union lists', () => {
    const withEmployer = [...unions, union('bank', { recognisedEmployers: ['Example Bank plc'] })]
    expect(rankUnions(withEmployer, { sector: 'retail', employer: ' example bank PLC ' })[0]).toMatchObject({
      tier: 'recognised',
      union: { slug: 'bank' },
    })
  })

  it('leaves out unions that do not organise in the nation asked for', () => {
    expect(slugs({ sector: 'warehouse-logistics', nation: 'scotland' })).not.toContain('job:englandonly')
    expect(slugs({ sector: 'warehouse-logistics', nation: 'england-wales' })).toContain('job:englandonly')
  })

  it('ranks unions whose job words match above sector-only matches, then focused unions above broad ones', () => {
    expect(slugs({ sector: 'warehouse-logistics', job: 'forklift', nation: 'scotland' })).toEqual([
      'job:roads',
      'job:shops',
      'job:big',
    ])
    expect(slugs({ sector: 'warehouse-logistics', nation: 'scotland' })).toEqual([
      'job:roads',
      'job:shops',
      'job:big',
    ])
  })

  it('finds unions from job words alone, without a sector', () => {
    expect(slugs({ job: 'forklift drivers' })).toEqual(['job:roads', 'job:shops'])
    expect(slugs({ job: 'teach' })).toEqual(['job:teachers'])
  })

  it('returns nothing when nothing is asked', () => {
    expect(rankUnions(unions, {})).toEqual([])
  })

  it('matches the start of job words and plurals, not letters in the middle', () => {
    expect(matchJobs(['warehouse worker', 'forklift driver'], 'ware')).toEqual(['warehouse worker'])
    expect(matchJobs(['cleaner', 'care worker'], 'cleaners')).toEqual(['cleaner'])
    expect(matchJobs(['warehouse worker'], 'house')).toEqual([])
    expect(matchJobs(['IT worker', 'bus driver'], 'item')).toEqual([])
  })

  it('explains each answer in plain words', () => {
    const [recognised, workplace, job] = rankUnions(unions, {
      sector: 'warehouse-logistics',
      nation: 'scotland',
      recognisedUnion: 'big',
      workplaceUnion: 'shops',
    })
    const q = { nation: 'scotland' }
    expect(explainResult(recognised, q)).toBe(
      'Your employer recognises BIG. This means BIG already talks to your employer about pay and conditions. Join this union first.',
    )
    expect(explainResult(workplace, q)).toBe(
      'SHOPS already has members where you work. Joining the same union as your workmates makes you all stronger.',
    )
    expect(explainResult(job, q, 'Warehouses and logistics')).toBe(
      'ROADS is a union for people who work in warehouses and logistics in Scotland.',
    )
  })
})
