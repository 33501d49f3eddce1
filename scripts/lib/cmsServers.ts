/**
 * The CMS as `npm start` serves it, on one port:
 *   - Next (the admin, the REST API, uploads, and the job runner) on a private port on
 *     127.0.0.1;
 *   - in front of it, on the CMS port, the endpoint server (cms/edge/serve.ts), which answers
 *     the public endpoints itself (signing, counts, joining, the confirm, unsubscribe and erase
 *     links: all that anonymous people use, and the busy part) and passes everything else to Next.
 * Next listens on a port the OS picks (-p 0) and says which; the front server is then started with
 * that address (PROXY_TO), on the CMS port it is given (0: any, read from its "listening on" line).
 */
import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'
import { stripVTControlCharacters } from 'node:util'

/** Started servers: their processes, when they answer, and how to stop them. */
export type Servers<Children extends ChildProcess[] = ChildProcess[]> = {
  children: Children
  /**
   * Resolves with the front server's address when it is answering; rejects with the tail of its
   * output if it stops first (a port already in use shows in that message: see isPortTaken).
   */
  ready: Promise<string>
  /** Stops them all (SIGTERM) and resolves when they have exited. */
  stop: () => Promise<void>
}

/** Next, then the front server. */
export type CmsServers = Servers<[next: ChildProcess, front: ChildProcess]>

/** Where and how to start: the project root, the front server's host and port (0: any), its settings. */
export type ServerOptions = {
  root: string
  host: string
  port: number
  env: NodeJS.ProcessEnv
  /** Node flags for each process (for example --cpu-prof). */
  nodeArgs?: string[]
}

type Started = { child: ChildProcess; ready: Promise<string> }

/**
 * Starts `node <args>` and resolves `ready` with the first match of `address` in its output (its
 * error output also goes to this process's stderr); rejects with the output's tail if it exits first.
 */
const startChild = (
  root: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  address: RegExp,
  name: string,
): Started => {
  const child = spawn(process.execPath, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] })
  let seen = ''
  // Without colour codes, so the address reads the same in a terminal or not.
  const keep = (c: Buffer) => (seen = stripVTControlCharacters(seen + c.toString()).slice(-4000))
  child.stderr!.on('data', (c: Buffer) => {
    keep(c)
    process.stderr.write(c)
  })
  const ready = new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (c: Buffer) => {
      keep(c)
      const found = address.exec(seen)
      if (found) resolve(found[1])
    })
    child.once('exit', (code) =>
      reject(
        new Error(
          `The ${name} did not start (exit code ${code}).\n${seen.trim().split('\n').slice(-15).join('\n')}`,
        ),
      ),
    )
  })
  // Awaited by the caller; this only keeps a late failure from becoming an unhandled rejection.
  ready.catch(() => {})
  return { child, ready }
}

/** Sends SIGTERM to each child still running and resolves when all have exited. */
const stopAll = (children: ChildProcess[]) =>
  Promise.all(
    children.map(async (child) => {
      if (child.exitCode !== null || child.signalCode !== null) return
      const exited = new Promise((resolve) => child.once('exit', resolve))
      child.kill('SIGTERM')
      await exited
    }),
  ).then(() => undefined)

/**
 * The front server alone (cms/edge/serve.ts, in production mode), as the signing benchmark runs it:
 * Payload's router answers everything it does not answer itself, unless env.PROXY_TO names Next.
 */
export const startFrontServer = ({ root, host, port, env, nodeArgs = [] }: ServerOptions): Servers => {
  const front = startChild(
    root,
    [...nodeArgs, '--import', 'tsx', path.join(root, 'cms/edge/serve.ts')],
    { ...env, NODE_ENV: 'production', PORT: String(port), HOST: host },
    /listening on (https?:\/\/[^\s/]+)/i,
    'CMS front server',
  )
  return { children: [front.child], ready: front.ready, stop: () => stopAll([front.child]) }
}

/**
 * Starts Next, waits for the address it says it listens on, and starts the front server passing
 * everything outside /api/public/ to it. Their error output goes to this process's stderr.
 * Rejects (with nothing left running) if Next stops before it listens.
 */
export const startCmsServers = async ({
  env,
  nodeArgs = [],
  ...where
}: ServerOptions): Promise<CmsServers> => {
  const production = { ...env, NODE_ENV: 'production' as const, NEXT_TELEMETRY_DISABLED: '1' }
  const next = startChild(
    where.root,
    [
      ...nodeArgs,
      path.join(where.root, 'node_modules/next/dist/bin/next'),
      'start',
      'cms',
      '-p',
      '0',
      '-H',
      '127.0.0.1',
    ],
    production,
    /Local:\s+(https?:\/\/\S+)\s*\n/,
    'CMS (Next)',
  )
  const front = startFrontServer({ ...where, nodeArgs, env: { ...production, PROXY_TO: await next.ready } })
  const children: CmsServers['children'] = [next.child, front.children[0]!]
  return { children, ready: front.ready, stop: () => stopAll(children) }
}
