/** Small measures shared by the search bench's parts. */
import { gzipSync } from 'node:zlib'

/** Gzipped size in bytes. */
export const gz = (s: string | Buffer) => gzipSync(s).length
/** A duration for the report. */
export const ms = (n: number) => `${n.toFixed(1)} ms`
/** The middle value. */
export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
/** A size for the report. */
export const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`
/** What a question's files are, by kind (the part of the path before "/" or ".json"), in KB gzip (1 KB = 1000 bytes). */
export const byKind = (fetched: string[], gzBytes: Map<string, number>): string => {
  const kinds = new Map<string, [files: number, bytes: number]>()
  for (const p of fetched) {
    const kind = p.split('/')[0].replace(/\.json$/, '')
    const [files, bytes] = kinds.get(kind) ?? [0, 0]
    kinds.set(kind, [files + 1, bytes + gzBytes.get(p)!])
  }
  const total = fetched.reduce((n, p) => n + gzBytes.get(p)!, 0)
  const parts = [...kinds].map(
    ([k, [files, bytes]]) => `${k} ${(bytes / 1000).toFixed(1)}${files > 1 ? ` (${files} files)` : ''}`,
  )
  return `${(total / 1000).toFixed(1)} KB = ${parts.join(' + ')}`
}
