/**
 * Ports for the servers we start, without the race of asking the OS for a free port, closing it and
 * handing the number on (another process may take it in between):
 *   - a server in this process listens on port 0 and reads back the port it got (server.address());
 *   - a child process that prints its address does the same (PORT=0, then its "listening on" line);
 *   - only a child that must be told its port before it starts (its own address is in its settings,
 *     as CMS_URL is) is started through `onFreePorts`, which starts it again on other ports when one
 *     it was given was taken meanwhile.
 */
import net from 'node:net'

/** Whether an error, or a child's output carried in its message, says that a port was already in use. */
export const isPortTaken = (error: unknown): boolean => {
  if (!(error instanceof Error)) return false
  if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') return true
  return /EADDRINUSE|address already in use|Port \d+ is in use/i.test(error.message)
}

/** `count` different ports the OS reports free on `host` now; each may be taken again before it is used. */
const probePorts = async (count: number, host: string): Promise<number[]> => {
  const probes = Array.from({ length: count }, () => net.createServer())
  try {
    // All held open together, so the ports differ.
    return await Promise.all(
      probes.map(
        (probe) =>
          new Promise<number>((resolve, reject) => {
            probe.once('error', reject)
            probe.listen(0, host, () => resolve((probe.address() as net.AddressInfo).port))
          }),
      ),
    )
  } finally {
    await Promise.all(probes.map((probe) => new Promise((resolve) => probe.close(resolve))))
  }
}

export type FreePortOptions = {
  /** The address the ports must be free on. */
  host?: string
  /** How many sets of ports to try before giving up. */
  attempts?: number
}

/**
 * Runs `start` with `count` ports that are free now and returns what it returns. When it fails
 * because one of them was taken before it listened (see isPortTaken), it runs again with new
 * ports, up to `attempts` times. `start` must leave nothing running when it throws.
 * @example const cms = await onFreePorts(1, ([port]) => startCms(port))
 */
export const onFreePorts = async <T>(
  count: number,
  start: (ports: number[]) => Promise<T>,
  { host = '127.0.0.1', attempts = 5 }: FreePortOptions = {},
): Promise<T> => {
  for (let attempt = 1; ; attempt++) {
    try {
      return await start(await probePorts(count, host))
    } catch (error) {
      if (!isPortTaken(error) || attempt >= attempts) throw error
    }
  }
}

/** `onFreePorts` for one port. */
export const onFreePort = <T>(start: (port: number) => Promise<T>, options?: FreePortOptions): Promise<T> =>
  onFreePorts(1, ([port]) => start(port), options)
