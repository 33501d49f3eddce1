/**
 * lunr 2.3.9's BM25 field weight, operation for operation (lunr.idf and
 * lunr.Builder#createFieldVectors), so the same doubles come out and round the same way. The one
 * place the formula lives: the builder's reference weights (checked against lunr.Builder's in
 * tests/unit/searchWeights.test.ts) and the browser's scorer both call it. The index stores only
 * what does not depend on other documents (term frequencies, field lengths); the browser puts in
 * the numbers that do (document count, average field lengths, document frequency), so one
 * changed document rewrites only the files that hold it.
 */

/** lunr.Builder's defaults: term-frequency saturation (k1) and field-length normalisation (b). */
const K1 = 1.2
const B = 0.75

/**
 * lunr.idf: `pairs` is the number of (document, field) pairs holding the term (lunr counts a
 * document once per field it has the term in), `documentCount` the number of documents.
 */
export const lunrIdf = (pairs: number, documentCount: number): number => {
  const x = (documentCount - pairs + 0.5) / (pairs + 0.5)
  return Math.log(1 + Math.abs(x))
}

/** A field's average length over the documents, as lunr.Builder#calculateAverageFieldLengths divides it. */
export const averageLength = (total: number, documentCount: number): number => total / documentCount

/** The numbers of one field that every weight in it shares. */
export type FieldStats = { averageLength: number; boost: number }

/**
 * A term's weight in one field of one document, rounded to three decimals as lunr stores it.
 * @example lunrWeight(lunrIdf(1, 2), 1, 4, { averageLength: 4, boost: 1 }, 1) // 0.693 (ln 2)
 */
export const lunrWeight = (
  idf: number,
  tf: number,
  fieldLength: number,
  field: FieldStats,
  docBoost: number,
): number => {
  let score = (idf * ((K1 + 1) * tf)) / (K1 * (1 - B + B * (fieldLength / field.averageLength)) + tf)
  score *= field.boost || 1
  score *= docBoost || 1
  return Math.round(score * 1000) / 1000
}
