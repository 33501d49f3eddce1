/**
 * `npx tsx cms/edge/serve.ts`: start Payload (with migrations) and the front server on PORT
 * (default 3001) and HOST (default 127.0.0.1), passing everything outside /api/public/ to
 * PROXY_TO when it is set. On SIGTERM or SIGINT it stops taking requests, finishes those in
 * flight, writes the queued signatures and "email sent" marks, then closes the database.
 */
import { assertDeploymentReady } from '../deployment'
import { initPayload } from '../initPayload'
import { flushEmailMarks } from '../email/owedEmail'
import { signatureBatcher } from '../campaigns/sign'
import type { Payload } from 'payload'

/** How to start the front server: serve.ts's startEndpointServer, passed in (serve.ts is the entry point, and importing it back would never finish). */
type StartServer = (options: {
  payload: Payload
  proxyTo?: string
  port: number
  host: string
}) => Promise<{ url: string; close: () => Promise<void> }>

export const runFrontServer = async (startEndpointServer: StartServer) => {
  // A production deployment without an email provider stops here, as npm start does (cms/deployment.ts).
  assertDeploymentReady(process.env)
  const payload = await initPayload()
  const proxyTo = process.env.PROXY_TO || undefined
  const port = Number(process.env.PORT || 3001)
  const running = await startEndpointServer({
    payload,
    proxyTo,
    port,
    host: process.env.HOST || '127.0.0.1',
  }).catch((error: NodeJS.ErrnoException) => {
    console.error(
      error.code === 'EADDRINUSE'
        ? `Port ${port} is in use. Stop what is using it, or choose another port (PORT, or CMS_PORT for npm start).`
        : String(error),
    )
    process.exit(1)
  })
  console.log(
    `Payload endpoints listening on ${running.url}/api${proxyTo ? ` (everything else passed to ${proxyTo})` : ''}`,
  )
  let stopping = false
  const stop = async (signal: string) => {
    if (stopping) return
    stopping = true
    const closed = running.close()
    await signatureBatcher(payload).flush()
    await flushEmailMarks(payload)
    await Promise.race([closed, new Promise((r) => setTimeout(r, 5000).unref())])
    await payload.destroy().catch(() => {})
    console.log(`Payload endpoints stopped (${signal}).`)
    process.exit(0)
  }
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => void stop(signal))
}
