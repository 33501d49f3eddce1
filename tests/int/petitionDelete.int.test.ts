import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { make } from '../helpers/factories'
import { startHarness, type Harness } from '../helpers/harness'

let t: Harness
beforeAll(async () => {
  t = await startHarness()
})
afterAll(async () => {
  await t?.close()
})

describe('deleting a petition', () => {
  it('refuses a petition with signatures, naming how many and saying to close it instead; nothing is deleted', async () => {
    const { payload } = t
    const organiser = await make.user(payload, ['organiser'])
    const petition = await make.petition(payload)
    await make.signature(payload, petition.id)
    await make.signature(payload, petition.id, { state: 'confirmed' })

    const refused = payload.delete({
      collection: 'petitions',
      id: petition.id,
      user: organiser,
      overrideAccess: false,
    })
    await expect(refused).rejects.toMatchObject({ status: 409 })
    await expect(refused).rejects.toThrow(
      'This petition has 2 signatures, so it cannot be deleted. Set its state to "Closed" instead: it stops taking signatures, and its signatures are anonymised on schedule after it closes (ANONYMISE_AFTER_MONTHS).',
    )
    expect(
      (await payload.findByID({ collection: 'petitions', id: petition.id, overrideAccess: true })).id,
    ).toBe(petition.id)
    expect(
      (
        await payload.count({
          collection: 'signatures',
          where: { petition: { equals: petition.id } },
          overrideAccess: true,
        })
      ).totalDocs,
    ).toBe(2)
  })

  it('allows deleting a petition no one has signed, even when other petitions have signatures', async () => {
    const { payload } = t
    const organiser = await make.user(payload, ['organiser'])
    const signed = await make.petition(payload)
    await make.signature(payload, signed.id)
    const unsigned = await make.petition(payload, { state: 'draft' })

    await payload.delete({ collection: 'petitions', id: unsigned.id, user: organiser, overrideAccess: false })
    const left = await payload.find({
      collection: 'petitions',
      where: { id: { in: [signed.id, unsigned.id] } },
      overrideAccess: true,
    })
    expect(left.docs.map((p) => p.id)).toEqual([signed.id])
  })

  it('refuses a bulk delete only for the petitions with signatures', async () => {
    const { payload } = t
    const signed = await make.petition(payload)
    await make.signature(payload, signed.id)
    const unsigned = await make.petition(payload, { state: 'draft' })

    const result = await payload.delete({
      collection: 'petitions',
      where: { id: { in: [signed.id, unsigned.id] } },
      overrideAccess: true,
    })
    expect(result.docs.map((p) => p.id)).toEqual([unsigned.id])
    expect(result.errors).toEqual([
      {
        id: signed.id,
        isPublic: true,
        message: expect.stringContaining('This petition has 1 signature, so it cannot be deleted.'),
      },
    ])
  })
})
