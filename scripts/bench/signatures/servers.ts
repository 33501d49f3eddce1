/**
 * The two servers the signatures bench compares, each a child process of its own, started the
 * way they run: ours is cms/edge/serve.ts (PORT, HOST, DATABASE_URI, OUTBOX_DIR,
 * PAYLOAD_SECRET and TRUST_PROXY from the environment), the bare one is bareSign.ts. Both say
 * "listening on <url>" when they take requests.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import path from 'node:path'

/** A started server: where it listens, its process, and how to stop it. */
export type BenchServer = { name: string; url: string; child: ChildProcess; stop: () => Promise<void> }

const TSX = path.resolve('node_modules/tsx/dist/cli.mjs')

/**
 * Starts `script` with tsx and waits (up to `timeoutMs`) for its "listening on" line; its other
 * output goes to this process's stderr. Rejects with the output so far if it exits first.
 */
export const startServer = (
  name: string,
  script: string,
  env: NodeJS.ProcessEnv,
  timeoutMs = 120_000,
): Promise<BenchServer> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [TSX, script], { env, stdio: ['ignore', 'pipe', 'pipe'] })
    let seen = ''
    let ready = false
    const exited = new Promise<void>((r) => child.once('exit', () => r()))
    const stop = async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM')
        const killLater = setTimeout(() => child.kill('SIGKILL'), 15_000)
        await exited
        clearTimeout(killLater)
      }
    }
    const timer = setTimeout(() => {
      void stop()
      reject(
        new Error(
          `${name} (${script}) did not say "listening on" within ${timeoutMs / 1000} s. Its output:\n${seen}`,
        ),
      )
    }, timeoutMs)
    const read = (chunk: Buffer) => {
      const text = chunk.toString('utf8')
      if (ready) return void process.stderr.write(`[${name}] ${text}`)
      seen += text
      const m = /listening on (https?:\/\/[^\s/]+)/.exec(seen)
      if (m) {
        ready = true
        clearTimeout(timer)
        resolve({ name, url: m[1], child, stop })
      }
    }
    child.stdout!.on('data', read)
    child.stderr!.on('data', read)
    child.once('exit', (code, signal) => {
      if (ready) return
      clearTimeout(timer)
      reject(
        new Error(
          `${name} (${script}) exited (${signal ?? code}) before it was listening. Its output:\n${seen}`,
        ),
      )
    })
  })
