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
