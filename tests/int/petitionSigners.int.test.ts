/**
 * Recent signers on petition pages: only what is public reaches the snapshot. A signer appears by
 * first name and region only when they asked, their signature is confirmed, and the petition
 * allows names.
 */
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { exportSnapshot } from '../../cms/publish/exportSnapshot'
import type { SnapshotPetition } from '../../content-models/snapshot'
import { make, type Traits } from '../helpers/factories'
import { startHarness, type Harness } from '../helpers/harness'

let t: Harness
let petitions: SnapshotPetition[]
let json: string

const confirmed = (name: string, email: string, at: string, extra: Traits<'signatures'> = {}) => ({
  name,
  email,
  emailCanonical: email,
  postcode: 'M1',
  region: 'North West England',
  nation: 'England',
  showName: true,
  state: 'confirmed' as const,
  confirmedAt: at,
  ...extra,
})

beforeAll(async () => {
  t = await startHarness()
  const allows = await make.petition(t.payload, { slug: 'fair-rotas', showSignerNames: true })
  const forbids = await make.petition(t.payload, { slug: 'first-day-sick-pay', showSignerNames: false })
  await make.signature(
    t.payload,
    allows.id,
    confirmed('Tom Walker', 'tom.walker@example.org', '2026-11-01T10:00:00.000Z'),
  )
  await make.signature(
    t.payload,
    allows.id,
    confirmed('Priya', 'priya.shah@example.org', '2026-11-03T10:00:00.000Z', {
      region: null,
      postcode: null,
      nation: null,
    }),
  )
  await make.signature(
    t.payload,
    allows.id,
    confirmed('Sam Okafor', 'sam.okafor@example.org', '2026-11-02T10:00:00.000Z', {
      region: 'Scotland',
      postcode: 'G1',
    }),
  )
  // Did not ask to be shown.
  await make.signature(
    t.payload,
    allows.id,
    confirmed('Quiet Hidden-Person', 'quiet.person@example.org', '2026-11-04T10:00:00.000Z', {
      showName: false,
    }),
  )
  // Asked, but never confirmed.
  await make.signature(t.payload, allows.id, {
    ...confirmed('Pending Unconfirmed-Person', 'pending.person@example.org', '2026-11-05T10:00:00.000Z'),
    state: 'pending',
    confirmedAt: null,
  })
  // Asked and confirmed, but the petition does not allow names.
  await make.signature(
    t.payload,
    forbids.id,
    confirmed('Blocked Notallowed-Person', 'blocked.person@example.org', '2026-11-06T10:00:00.000Z'),
  )
  const dir = path.join(t.dir, 'snap')
  await exportSnapshot(t.payload, dir)
  json = await readFile(path.join(dir, 'petitions.json'), 'utf8')
  petitions = JSON.parse(json)
})
afterAll(async () => t?.close())

describe('recent signers in the snapshot', () => {
  it('shows confirmed signers who asked, newest first, by first name and region only', () => {
    const fairRotas = petitions.find((p) => p.slug === 'fair-rotas')!
    expect(fairRotas.recentSigners).toEqual([
      { firstName: 'Priya', area: null },
      { firstName: 'Sam', area: 'Scotland' },
      { firstName: 'Tom', area: 'North West England' },
    ])
  })

  it('never shows a signer who did not ask, an unconfirmed one, or any on a petition that does not allow names', () => {
    expect(petitions.find((p) => p.slug === 'first-day-sick-pay')!.recentSigners).toEqual([])
    expect(json).not.toMatch(/Quiet|Pending|Blocked/)
  })

  it('never puts an email address, a postcode or a surname into the snapshot', () => {
    expect(json).not.toContain('@')
    expect(json).not.toMatch(/"postcode"|"M1"|"G1"|"email/)
    expect(json).not.toMatch(/Walker|Okafor|Shah|Hidden-Person|Unconfirmed-Person|Notallowed-Person/)
  })

  it('shows at most the latest 20 signers', async () => {
    const busy = await make.petition(t.payload, { slug: 'busy-petition', showSignerNames: true })
    for (let i = 0; i < 23; i++) {
      await make.signature(
        t.payload,
        busy.id,
        confirmed(
          `Signer${String(i).padStart(2, '0')} Surname`,
          `s${i}@example.org`,
          new Date(Date.UTC(2026, 10, 1, 0, i)).toISOString(),
        ),
      )
    }
    const dir = path.join(t.dir, 'snap-busy')
    await exportSnapshot(t.payload, dir)
    const shown = (
      JSON.parse(await readFile(path.join(dir, 'petitions.json'), 'utf8')) as SnapshotPetition[]
    ).find((p) => p.slug === 'busy-petition')!.recentSigners!
    expect(shown).toHaveLength(20)
    expect(shown[0].firstName).toBe('Signer22')
    expect(shown[19].firstName).toBe('Signer03')
  })
})
