/** Shared by the network pages: filters by sector and region, as pre-built pages. */
import { SECTORS } from '../../../../content-models/constants'
import type { SnapshotNetwork } from '../../lib/snapshot'
import { regionSlug } from '../training/_sessions'

export type NetworkFacet = { facet: 'sector' | 'region'; value: string; label: string }

export const sectorLabel = (value: string): string => SECTORS.find((s) => s.value === value)?.label ?? value

/** The sectors and regions that have at least one network, A to Z. */
export const networkFacets = (networks: SnapshotNetwork[]): NetworkFacet[] => {
  const sectors = new Map<string, string>()
  const regions = new Map<string, string>()
  for (const n of networks) {
    sectors.set(n.sector, sectorLabel(n.sector))
    if (n.region) regions.set(regionSlug(n.region), n.region)
  }
  const byLabel = (a: NetworkFacet, b: NetworkFacet) => a.label.localeCompare(b.label, 'en-GB')
  return [
    ...[...sectors].map(([value, label]) => ({ facet: 'sector' as const, value, label })).sort(byLabel),
    ...[...regions].map(([value, label]) => ({ facet: 'region' as const, value, label })).sort(byLabel),
  ]
}

export const matchesNetworkFacet = (n: SnapshotNetwork, f: Pick<NetworkFacet, 'facet' | 'value'>): boolean =>
  f.facet === 'sector' ? n.sector === f.value : regionSlug(n.region) === f.value

export const networkFacetUrl = (f: Pick<NetworkFacet, 'facet' | 'value'>) =>
  `/networks/${f.facet}/${f.value}/`

export const byName = (a: SnapshotNetwork, b: SnapshotNetwork) => a.name.localeCompare(b.name, 'en-GB')
