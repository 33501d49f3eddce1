import { APIError, type CollectionBeforeDeleteHook } from 'payload'

/**
 * A petition with signatures cannot be deleted, only closed: deleting it would leave its
 * signatures (personal data) pointing at nothing, outside the anonymisation schedule that runs
 * after a petition closes. Counts every signature, pending, confirmed or anonymised.
 */
export const keepPetitionsWithSignatures: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const { totalDocs } = await req.payload.count({
    collection: 'signatures',
    where: { petition: { equals: id } },
    overrideAccess: true,
    req,
  })
  if (totalDocs === 0) return
  throw new APIError(
    `This petition has ${totalDocs} ${totalDocs === 1 ? 'signature' : 'signatures'}, so it cannot be deleted. Set its state to "Closed" instead: ` +
      'it stops taking signatures, and its signatures are anonymised on schedule after it closes (ANONYMISE_AFTER_MONTHS).',
    409,
    { signatures: totalDocs },
    true,
  )
}
