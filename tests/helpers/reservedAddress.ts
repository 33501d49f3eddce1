/**
 * An address taken now and served later: for two servers that each need the other's address before
 * they are built (the site's Content-Security-Policy names the CMS; the CMS's CORS names the site),
 * without asking the OS for a free port, letting it go and hoping nobody takes it meanwhile.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import type { FastifyInstance } from 'fastify'

export type ReservedAddress = {
  url: string
  /** Answers every request with `app` from now on (until then: 503). */
  serve: (app: FastifyInstance) => Promise<void>
  close: () => Promise<void>
}

/** An HTTP server listening now on a port the OS picks (its bound address read back), answering once given an app. */
export const reserveAddress = async (host = '127.0.0.1'): Promise<ReservedAddress> => {
  let app: FastifyInstance | undefined
  const server = http.createServer((request, response) => {
    if (app) app.routing(request, response)
    else response.writeHead(503, { 'Retry-After': '1' }).end()
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, host, resolve)
  })
  const { port } = server.address() as AddressInfo
  return {
    url: `http://${host}:${port}`,
    serve: async (built) => {
      await built.ready()
      app = built
    },
    close: async () => {
      server.closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
      await app?.close()
    },
  }
}
