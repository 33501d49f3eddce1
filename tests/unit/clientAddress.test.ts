import { describe, expect, it } from 'vitest'
import {
  clientRateKey,
  signedClientAddress,
  trustProxyHops,
  verifiedClientAddress,
} from '../../cms/edge/clientAddress'

describe('the client’s address', () => {
  it('counts an IPv6 client by its /64, so one phone cannot dodge a limit by changing its last 64 bits', () => {
    expect(clientRateKey('2001:db8:1:2:3:4:5:6')).toBe('2001:db8:1:2::/64')
    expect(clientRateKey('2001:db8:1:2:ffff:4:5:6')).toBe('2001:db8:1:2::/64')
    expect(clientRateKey('2001:db8:1:3::1')).toBe('2001:db8:1:3::/64')
  })

  it('counts an IPv4 client by its address, also when written as IPv6', () => {
    expect(clientRateKey('203.0.113.9')).toBe('203.0.113.9')
    expect(clientRateKey('::ffff:203.0.113.9')).toBe('203.0.113.9')
  })

  it('counts anything that is not an address as one unknown client', () => {
    expect(clientRateKey('not an address')).toBe('unknown')
    expect(clientRateKey('')).toBe('unknown')
  })

  it('believes only the front server’s signed header, never one a client wrote', () => {
    const header = signedClientAddress('secret', '203.0.113.9')
    expect(verifiedClientAddress('secret', header)).toBe('203.0.113.9')
    expect(verifiedClientAddress('other-secret', header)).toBe('unknown')
    expect(verifiedClientAddress('secret', '6.6.6.6 ' + header.split(' ')[1])).toBe('unknown')
    expect(verifiedClientAddress('secret', '6.6.6.6')).toBe('unknown')
    expect(verifiedClientAddress('secret', undefined)).toBe('unknown')
  })

  it('reads TRUST_PROXY as a small number of proxies, and names the setting when it is not one', () => {
    expect(trustProxyHops({})).toBe(0)
    expect(trustProxyHops({ TRUST_PROXY: '2' })).toBe(2)
    expect(() => trustProxyHops({ TRUST_PROXY: 'yes' })).toThrow(/TRUST_PROXY="yes"/)
  })
})
