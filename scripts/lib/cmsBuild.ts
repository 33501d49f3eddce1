import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { readdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'

const FINGERPRINT_FILE = '.organise-fingerprint'

/** A fingerprint of what the admin build depends on: cms/, content-models/ and the lockfile. */
export const cmsFingerprint = async (root: string): Promise<string> => {
  const hash = createHash('sha256')
  const walk = async (dir: string): Promise<void> => {
    for (const e of (await readdir(dir, { withFileTypes: true }).catch(() => [])).sort((a, b) =>
      a.name.localeCompare(b.name),
    )) {
      if (e.name === '.next' || e.name === 'node_modules' || e.name === 'next-env.d.ts') continue
      const p = path.join(dir, e.name)
      if (e.isDirectory()) await walk(p)
      else hash.update(p.slice(root.length)).update(await readFile(p))
    }
  }
  await walk(path.join(root, 'cms'))
  await walk(path.join(root, 'content-models'))
  hash.update(await readFile(path.join(root, 'package-lock.json')).catch(() => Buffer.from('')))
  return hash.digest('hex').slice(0, 16)
}

/** Runs a command, streaming nothing but keeping the tail of its output for the error message. */
export const run = (
  cmd: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv },
): Promise<void> =>
  new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    const keep = (c: Buffer) => (output = (output + c.toString()).slice(-6000))
    child.stdout.on('data', keep)
    child.stderr.on('data', keep)
    child.on('error', reject)
    child.on('close', (code) =>
      code === 0
        ? resolve()
        : reject(
            new Error(
              `${path.basename(args[0] ?? cmd)} ${args.slice(1).join(' ')} failed with exit code ${code}:\n${output.trim().split('\n').slice(-25).join('\n')}`,
            ),
          ),
    )
  })

/** Next's answer when another process's `next build` holds its lock on cms/.next. */
const ANOTHER_BUILD = /Another next build process is already running/

/** True when cms/.next holds a finished build of exactly these sources. */
const isBuilt = async (root: string, fingerprint: string): Promise<boolean> => {
  const distDir = path.join(root, 'cms/.next')
  return (
    existsSync(path.join(distDir, 'BUILD_ID')) &&
    (await readFile(path.join(distDir, FINGERPRINT_FILE), 'utf8').catch(() => '')) === fingerprint
  )
}

/**
 * Builds the Next admin (`next build cms`) unless a build of the same sources exists. When another
 * process is building it (Next's own lock), waits for that build, up to `waitMs`, instead of failing.
 */
export const buildCmsIfNeeded = async (
  root: string,
  env: NodeJS.ProcessEnv,
  { waitMs = 900_000 }: { waitMs?: number } = {},
): Promise<{ skipped: boolean }> => {
  const fingerprint = await cmsFingerprint(root)
  const started = Date.now()
  for (;;) {
    if (await isBuilt(root, fingerprint)) return { skipped: true }
    try {
      await run(process.execPath, [path.join(root, 'node_modules/next/dist/bin/next'), 'build', 'cms'], {
        cwd: root,
        env: { ...env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
      })
      await writeFile(path.join(root, 'cms/.next', FINGERPRINT_FILE), fingerprint)
      return { skipped: false }
    } catch (error) {
      if (!ANOTHER_BUILD.test(String(error)) || Date.now() - started > waitMs) throw error
      await new Promise((r) => setTimeout(r, 3000))
    }
  }
}
