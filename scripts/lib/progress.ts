/** Numbered steps with timings, so a long start shows where it is: "[3/8] Seeding demo content… 4.1 s". */
export const createProgress = (
  total: number,
  out: (line: string) => void = (l) => process.stdout.write(`${l}\n`),
) => {
  let n = 0
  return async <T>(label: string, fn: (note: (detail: string) => void) => Promise<T>): Promise<T> => {
    n += 1
    const started = Date.now()
    out(`[${n}/${total}] ${label}…`)
    const result = await fn((detail) => out(`      ${detail}`))
    out(`      done in ${((Date.now() - started) / 1000).toFixed(1)} s`)
    return result
  }
}
