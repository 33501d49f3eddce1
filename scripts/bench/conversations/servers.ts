/**
 * Front servers for the conversations bench: `count` processes of cms/edge/serve.ts
 * (startFrontServer) on the same database, started one after another (so only the first could ever
 * meet a pending migration), each told its own address (CMS_URL) and the site's (SITE_URL).
 */
import { startFrontServer } from '../../lib/cmsServers'
import { onFreePort } from '../../lib/ports'
import type { BenchServer } from './run'

/** Started servers, and how to stop them all (by process id, waiting until each has exited). */
export type ServerGroup = { servers: BenchServer[]; stop: () => Promise<void> }

/** Every process id any group started: killed on exit if still running (see killOnExit). */
const started: number[] = []

/** Starts the servers; if one fails to start, those already started are stopped before it throws. */
export const startServers = async (
  count: number,
  env: NodeJS.ProcessEnv,
  nodeArgs: string[] = [],
): Promise<ServerGroup> => {
  const stops: (() => Promise<void>)[] = []
  const servers: BenchServer[] = []
  const mine: number[] = []
  const stop = async () => {
    await Promise.all(stops.map((s) => s()))
    for (const pid of mine) started.splice(started.indexOf(pid), 1)
    mine.length = 0
  }
  try {
    for (let i = 0; i < count; i++) {
      const server = await onFreePort(async (port) => {
        const front = startFrontServer({
          root: process.cwd(),
          host: '127.0.0.1',
          port,
          env: { ...env, CMS_URL: `http://127.0.0.1:${port}` },
          nodeArgs,
        })
        stops.push(front.stop)
        for (const child of front.children) {
          if (!child.pid) continue
          started.push(child.pid)
          mine.push(child.pid)
        }
        await front.ready
        return { port, pid: front.children[0].pid! }
      })
      servers.push({ url: `http://127.0.0.1:${server.port}`, ...server })
    }
  } catch (error) {
    await stop()
    throw new Error(`Front server ${servers.length + 1} of ${count} did not start.`, { cause: error })
  }
  return { servers, stop }
}

/**
 * Kills (SIGKILL) any server process still running when this process exits without stopping them
 * (an uncaught error, Ctrl-C): only the process ids this module started.
 */
export const killServersOnExit = () => {
  process.on('exit', () => {
    for (const pid of started)
      try {
        process.kill(pid, 0)
        process.kill(pid, 'SIGKILL')
      } catch {
        // Already gone.
      }
  })
}
