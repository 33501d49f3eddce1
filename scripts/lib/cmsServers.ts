/**
 * The CMS as `npm start` serves it, on one port:
 *   - Next (the admin, the REST and GraphQL API, uploads, and the job runner) on a private port on
 *     127.0.0.1;
 *   - in front of it, on the CMS port, the endpoint server (cms/edge/serve.ts), which answers
 *     the public endpoints itself (signing, counts, joining, the confirm, unsubscribe and erase
 *     links: all that anonymous people use, and the busy part) and passes everything else to Next.
 * Through Next alone, signing ran at 417/s and the count at 522 reads/s on the 2-core test machine
 * (scripts/bench/signatures.ts --next, before this front server); Next's own handling of each
 * request cost about 1.4–2 ms of CPU, more than signing itself.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import net from 'node:net'
import path from 'node:path'

/** A free TCP port on 127.0.0.1. */
export const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = net.createServer()
    s.once('error', reject)
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo
      s.close(() => resolve(port))
    })
  })

export type CmsServers = {
  /** Next, then the front server. */
  children: [next: ChildProcess, front: ChildProcess]
  /** Resolves when both are answering; rejects with the tail of a child's output if one stops first. */
  ready: Promise<void>
}

/**
 * Starts Next and the front server. Their error output goes to this process's stderr.
 * `nodeArgs` go to both Node processes (for example --cpu-prof).
 */
export const startCmsServers = async ({
  root,
  host,
  port,
  env,
  nodeArgs = [],
}: {
  root: string
  host: string
  port: number
  env: NodeJS.ProcessEnv
  nodeArgs?: string[]
}): Promise<CmsServers> => {
  const nextPort = await freePort()
  const nextUrl = `http://127.0.0.1:${nextPort}`
  const start = (args: string[], childEnv: NodeJS.ProcessEnv, readyLine: RegExp, name: string) => {
    const child = spawn(process.execPath, [...nodeArgs, ...args], {
      cwd: root,
      env: childEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let seen = ''
    const keep = (c: Buffer) => (seen = (seen + c.toString()).slice(-4000))
    child.stderr!.on('data', (c: Buffer) => {
      keep(c)
      process.stderr.write(c)
    })
    const ready = new Promise<void>((resolve, reject) => {
      child.stdout!.on('data', (c: Buffer) => {
        keep(c)
        if (readyLine.test(seen)) resolve()
      })
      child.once('exit', (code) =>
        reject(
          new Error(
            `The ${name} did not start (exit code ${code}).\n${seen.trim().split('\n').slice(-15).join('\n')}`,
          ),
        ),
      )
    })
    return { child, ready }
  }
  const production = { ...env, NODE_ENV: 'production' as const, NEXT_TELEMETRY_DISABLED: '1' }
  const next = start(
    [
      path.join(root, 'node_modules/next/dist/bin/next'),
      'start',
      'cms',
      '-p',
      String(nextPort),
      '-H',
      '127.0.0.1',
    ],
    production,
    /Ready in|started server|Local:/i,
    'CMS (Next)',
  )
  const front = start(
    ['--import', 'tsx', path.join(root, 'cms/edge/serve.ts')],
    { ...production, PORT: String(port), HOST: host, PROXY_TO: nextUrl },
    /listening on/i,
    'CMS front server',
  )
  // Each is awaited below; these only keep a late failure of one from becoming an unhandled rejection.
  next.ready.catch(() => {})
  front.ready.catch(() => {})
  return {
    children: [next.child, front.child],
    ready: Promise.all([next.ready, front.ready]).then(() => undefined),
  }
}
