import { randomBytes } from 'node:crypto'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { brotliWindowBits, precompress } from '../../cms/publish/precompress'

describe('precompressed copies', () => {
  it('fits the brotli window to the file: never smaller than it, within brotli limits', () => {
    expect(brotliWindowBits(1024)).toBe(11)
    expect(brotliWindowBits(3000)).toBe(12)
    // A window of 2^n bytes holds 2^n − 16: a file of exactly 2^16 bytes needs 17 bits.
    expect(brotliWindowBits(2 ** 16 - 16)).toBe(16)
    expect(brotliWindowBits(2 ** 16)).toBe(17)
    expect(brotliWindowBits(1)).toBe(10)
    expect(brotliWindowBits(1e9)).toBe(24)
  })

  it('writes copies that decompress to the file and still find repeats a whole file apart', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'organise-precompress-'))
    try {
      // Half random text, then the same half again: only a window as long as the file finds the repeat.
      const half = randomBytes(60_000).toString('base64')
      const page = `<!doctype html><p>${half}</p><p>${half}</p>`
      await writeFile(path.join(dir, 'index.html'), page)
      await writeFile(path.join(dir, 'small.html'), '<p>hi</p>')
      expect(await precompress(dir)).toBe(1)
      const br = await readFile(path.join(dir, 'index.html.br'))
      const gz = await readFile(path.join(dir, 'index.html.gz'))
      expect(brotliDecompressSync(br).toString()).toBe(page)
      expect(gunzipSync(gz).toString()).toBe(page)
      // The random half compresses to about 3/4 of its base64 length; the repeat costs almost nothing.
      expect(br.length).toBeLessThan(half.length * 0.8)
      await expect(readFile(path.join(dir, 'small.html.br'))).rejects.toThrow(/ENOENT/)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})
