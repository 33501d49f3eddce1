/**
 * When to answer "Expect: 100-continue" (curl sends it with any body over 1 KB), for both of our
 * Fastify servers.
 *
 * Node answers it itself, writing "100 Continue" at once. For a request pipelined behind another
 * whose answer is still going out, that line waits in the response's own buffer, and Node then
 * puts the response's head in front of it when the body is a Buffer: the client reads
 * "100 Continue" as the start of the body and the connection is out of step for every later
 * answer (found by the front server's fuzz test, seed 1394532745: an OPTIONS passed to Next, then
 * a PATCH with a body, pipelined).
 *
 * So "100 Continue" is sent only when the response is the one on the wire. A pipelined request's
 * answer goes without it: a client that pipelines has sent its body already, and Node closes the
 * connection after that answer (it does when it sent no "100 Continue"), which is safe.
 */
import type { Server } from 'node:http'

/** Sends "100 Continue" only for the response that holds the connection, then handles the request as usual. */
export const continueInOrder = (server: Server) => {
  server.on('checkContinue', (request, response) => {
    // A response queued behind another has no socket until the one before it finishes.
    if (response.socket) response.writeContinue()
    server.emit('request', request, response)
  })
}
