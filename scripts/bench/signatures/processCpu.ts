/**
 * CPU time used by processes, from /proc (Linux): the benches print CPU per request next to
 * requests per second, because the load generator and the servers share the machine's cores.
 */
import { readdirSync, readFileSync } from 'node:fs'

const clockTicks = 100

/**
 * CPU time (user + system, µs) used so far by the processes `pids` and every process they started
 * (next start runs its server in a child process); NaN where /proc cannot be read.
 */
export const treeCpuMicros = (pids: (number | undefined)[]): number => {
  try {
    const byPid = new Map<number, string[]>()
    const children = new Map<number, number[]>()
    for (const d of readdirSync('/proc').filter((x) => /^\d+$/.test(x))) {
      let fields: string[]
      try {
        const line = readFileSync(`/proc/${d}/stat`, 'utf8')
        fields = line.slice(line.lastIndexOf(') ') + 2).split(' ')
      } catch {
        continue
      }
      const pid = Number(d)
      byPid.set(pid, fields)
      const ppid = Number(fields[1])
      children.set(ppid, [...(children.get(ppid) ?? []), pid])
    }
    let total = 0
    const visit = (pid: number) => {
      const f = byPid.get(pid)
      if (f) total += ((Number(f[11]) + Number(f[12])) * 1e6) / clockTicks
      for (const c of children.get(pid) ?? []) visit(c)
    }
    for (const pid of pids) if (pid) visit(pid)
    return total
  } catch {
    return NaN
  }
}

/** CPU time (user + system, µs) used so far by this process. */
export const ownCpuMicros = () => {
  const u = process.cpuUsage()
  return u.user + u.system
}
