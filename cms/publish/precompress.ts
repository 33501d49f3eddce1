/**
 * Writes a brotli (.br) and a gzip (.gz) copy beside each text file of a build, so the site
 * server (@fastify/static with preCompressed) sends a guide page in a fraction of its size
 * without compressing on every request. Small files are left alone: compressing them saves
 * nothing.
 */
import { readFile, rename, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { promisify } from 'node:util'
import zlib from 'node:zlib'
import { listFiles } from './checkBuild'

const brotli = promisify(zlib.brotliCompress)
const gzip = promisify(zlib.gzip)

/** File types worth compressing. */
export const COMPRESSIBLE = new Set([
  '.html',
  '.css',
  '.js',
  '.mjs',
  '.json',
  '.xml',
  '.svg',
  '.txt',
  '.ics',
  '.webmanifest',
  '.map',
])

/** Files smaller than this are sent as they are. */
export const MIN_COMPRESS_BYTES = 1024

/**
 * The smallest brotli window (in bits) that holds a whole file of `bytes`. Left at brotli's default
 * (22 bits, 4 MiB), every file paid for setting up a window hundreds of times its size: quality 9
 * took 26 ms a page; fitted, 2.8 ms for the same bytes (README, "Benchmarks").
 * @example brotliWindowBits(3000) // 12
 */
export const brotliWindowBits = (bytes: number): number =>
  Math.min(
    zlib.constants.BROTLI_MAX_WINDOW_BITS,
    Math.max(zlib.constants.BROTLI_MIN_WINDOW_BITS, Math.ceil(Math.log2(bytes + 16))),
  )

/** Writes a new file and moves it into place: a carried-over file may be a hard link into the live build, never written through. */
const replace = async (file: string, body: Buffer) => {
  await writeFile(`${file}.tmp`, body)
  await rename(`${file}.tmp`, file)
}

/**
 * Compresses the text files of `dir`: all of them, or only `only` (paths relative to `dir`, the
 * files an incremental build rendered afresh; the copies of carried-over files came with them).
 * @returns how many files were compressed
 */
export const precompress = async (dir: string, only?: string[]): Promise<number> => {
  const files = (only ?? (await listFiles(dir))).filter(
    (f) => COMPRESSIBLE.has(path.extname(f).toLowerCase()) && !path.basename(f).startsWith('.'),
  )
  let done = 0
  const queue = [...files]
  const worker = async () => {
    for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
      const full = path.join(dir, file)
      const body = await readFile(full)
      if (body.length < MIN_COMPRESS_BYTES) continue
      const [br, gz] = await Promise.all([
        brotli(body, {
          params: {
            [zlib.constants.BROTLI_PARAM_QUALITY]: 9,
            [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length,
            [zlib.constants.BROTLI_PARAM_LGWIN]: brotliWindowBits(body.length),
          },
        }),
        gzip(body, { level: 9 }),
      ])
      await Promise.all([replace(`${full}.br`, br), replace(`${full}.gz`, gz)])
      done++
    }
  }
  await Promise.all(Array.from({ length: 4 }, worker))
  return done
}
