import { describe, expect, it } from 'vitest'
import { petitionToSnapshot, signerToSnapshot } from '../../cms/publish/toSnapshot'
import type { Petition } from '../../content-models/payload-types'
import { recentSignersLine } from '../../site/src/pages/petitions/_petitions'

describe('a signer as the public sees them', () => {
  it('keeps only the first word of the name and the region', () => {
    expect(signerToSnapshot({ name: '  Tom   Walker-Smith ', region: 'North West England' })).toEqual({
      firstName: 'Tom',
      area: 'North West England',
    })
  })

  it('shows no area when the signer gave no postcode', () => {
    expect(signerToSnapshot({ name: 'Priya', region: null })).toEqual({ firstName: 'Priya', area: null })
  })

  it('shows nothing for an anonymised signature with no name left', () => {
    expect(signerToSnapshot({ name: null, region: 'Wales' })).toBeNull()
    expect(signerToSnapshot({ name: '   ', region: 'Wales' })).toBeNull()
  })
})

describe('recent signers on a petition', () => {
  const petition = (showSignerNames: boolean): Petition => ({
    id: 1,
    title: 'T',
    slug: 't',
    summary: 's',
    addressedTo: 'a',
    whatWeWant: 'w',
    goal: 10,
    state: 'open',
    showSignerNames,
    createdAt: '',
    updatedAt: '',
  })

  it('drops signers when the petition does not allow names, even if some are passed in', () => {
    expect(petitionToSnapshot(petition(false), [{ firstName: 'Tom', area: null }]).recentSigners).toEqual([])
    expect(petitionToSnapshot(petition(true), [{ firstName: 'Tom', area: null }]).recentSigners).toEqual([
      { firstName: 'Tom', area: null },
    ])
  })

  it('reads as a sentence: "Tom from North West England, Priya and Sam from Scotland"', () => {
    const recentSigners = [
      { firstName: 'Tom', area: 'North West England' },
      { firstName: 'Priya', area: null },
      { firstName: 'Sam', area: 'Scotland' },
    ]
    expect(recentSignersLine({ showSignerNames: true, recentSigners })).toBe(
      'Tom from North West England, Priya and Sam from Scotland',
    )
    expect(recentSignersLine({ showSignerNames: true, recentSigners: recentSigners.slice(0, 1) })).toBe(
      'Tom from North West England',
    )
    expect(recentSignersLine({ showSignerNames: false, recentSigners })).toBeNull()
    expect(recentSignersLine({ showSignerNames: true })).toBeNull()
  })
})
