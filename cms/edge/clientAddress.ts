/**
 * The client's address, worked out in one place: the front server (serve.ts), by Fastify's
 * proxy-addr from the socket and TRUST_PROXY hops of X-Forwarded-For. It passes the address on
 * to Next in X-Forwarded-For (overwritten, never appended) and in a header signed with the
 * Payload secret, so code answering under Next reads the address the front server decided and
 * never one a client wrote.
 */
import { timingSafeEqual } from 'node:crypto'
import ipaddr from 'ipaddr.js'
import { hmac } from '../members/tokens'

/** The signed header the front server sets on every request it passes on. */
export const CLIENT_ADDRESS_HEADER = 'x-organise-client'

/**
 * TRUST_PROXY: how many proxies (load balancer, CDN) sit in front of the CMS. 0 (the default)
 * means the socket's own address is the client's.
 */
export const trustProxyHops = (env: Record<string, string | undefined> = process.env): number => {
  const raw = env.TRUST_PROXY ?? ''
  if (raw.trim() === '') return 0
  const n = Number(raw)
  if (!Number.isInteger(n) || n < 0 || n > 10)
    throw new Error(
      `TRUST_PROXY="${raw}" is not a number of proxies. Use 0 (no proxy in front), or 1, 2… for each proxy or CDN in front of the CMS.`,
    )
  return n
}

/**
 * The key a client is counted under by rate limits: an IPv4 address as it is; an IPv6 address by
 * its /64 (one home or phone gets a whole /64); an IPv4 address written as IPv6 as IPv4.
 * @example clientRateKey('2001:db8:1:2:3:4:5:6') // '2001:db8:1:2::/64'
 */
export const clientRateKey = (ip: string): string => {
  if (!ipaddr.isValid(ip)) return 'unknown'
  const addr = ipaddr.process(ip)
  if (addr.kind() === 'ipv4') return addr.toString()
  const parts = (addr as ipaddr.IPv6).parts.slice(0, 4)
  return `${new ipaddr.IPv6([...parts, 0, 0, 0, 0]).toString().replace(/::$/, '')}::/64`
}

const mac = (secret: string, ip: string) => hmac(secret, `client:${ip}`).slice(0, 22)

/** The value of CLIENT_ADDRESS_HEADER for an address: the address and its signature. */
export const signedClientAddress = (secret: string, ip: string): string => `${ip} ${mac(secret, ip)}`

/**
 * The address in a CLIENT_ADDRESS_HEADER value, if the front server signed it; otherwise
 * "unknown" (a request that reached Next without passing the front server).
 */
export const verifiedClientAddress = (secret: string, value: string | null | undefined): string => {
  const [ip, signature] = (value ?? '').split(' ')
  if (!ip || !signature) return 'unknown'
  const expected = Buffer.from(mac(secret, ip))
  const given = Buffer.from(signature)
  return expected.length === given.length && timingSafeEqual(expected, given) ? ip : 'unknown'
}
