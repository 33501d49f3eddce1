/**
 * Passes requests on to another HTTP server (Next, in `npm start`) and streams its answers back:
 * the endpoint server answers the public endpoints itself and hands everything else (the admin,
 * the REST and GraphQL API, uploads) to Next through this.
 */
import http from 'node:http'

/** Headers that describe one connection only, never passed on (RFC 9110 §7.6.1). */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'te', 'trailer', 'upgrade', 'transfer-encoding'])

const withoutHopByHop = (raw: string[]): string[] => {
  const out: string[] = []
  for (let i = 0; i < raw.length; i += 2) if (!HOP_BY_HOP.has(raw[i].toLowerCase())) out.push(raw[i], raw[i + 1])
  return out
}

/**
 * A request handler that forwards to `target` (for example http://127.0.0.1:3100). The client's
 * address is added to X-Forwarded-For, as our servers add it, and the Host header is kept, so the
 * server behind builds the same links. If it does not answer, the client gets 502 and a message.
 */
export const proxyTo = (target: string) => {
  const url = new URL(target)
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 })
  return (req: http.IncomingMessage, res: http.ServerResponse): void => {
    const passed = withoutHopByHop(req.rawHeaders)
    const raw: string[] = []
    for (let i = 0; i < passed.length; i += 2) if (passed[i].toLowerCase() !== 'x-forwarded-for') raw.push(passed[i], passed[i + 1])
    const forwarded = req.headers['x-forwarded-for']
    raw.push('X-Forwarded-For', [forwarded, req.socket.remoteAddress].flat().filter(Boolean).join(', '))
    if (!req.headers['x-forwarded-proto']) raw.push('X-Forwarded-Proto', 'http')
    if (!req.headers['x-forwarded-host'] && req.headers.host) raw.push('X-Forwarded-Host', req.headers.host)
    const upstream = http.request({ hostname: url.hostname, port: url.port, method: req.method, path: req.url, headers: raw, agent }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.statusMessage, withoutHopByHop(answer.rawHeaders))
      answer.pipe(res)
    })
    upstream.on('error', (error) => {
      if (!res.headersSent) {
        res.writeHead(502, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' })
        res.end('The CMS is not answering yet. Try again in a moment.')
      } else res.destroy(error)
    })
    // The client went away before the answer was complete: stop the request behind it too.
    res.on('close', () => {
      if (!res.writableFinished) upstream.destroy()
    })
    req.pipe(upstream)
  }
}
