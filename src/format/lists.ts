/**
 * Plain lists, one entry a line after a `#` header line: `hosts` (exact host names), `txt` (hosts,
 * wildcards and URLs, the allowlist of a proxy), `ips` and `cidrs`.
 */
import type {Catalog} from '../../generated/catalog.js'
import {compareText} from '../core/text.js'
import {catalogEntries, exactHosts, leftOutNote, type Rendered} from './entries.js'
import type {CatalogFilter, DestinationKind} from './filter.js'
import {headerText} from './header.js'

/** Exact host names: hosts, and the host of each URL; wildcards and the rest are counted on stderr. */
export function formatHosts(catalog: Catalog, filter: CatalogFilter = {}): Rendered {
  const entries = catalogEntries(catalog)
  return list('hosts', catalog, filter, exactHosts(entries), leftOutNote('hosts', entries, ['host', 'url']))
}

/** Hosts, wildcards and URLs as written in the catalog. */
export function formatTxt(catalog: Catalog, filter: CatalogFilter = {}): Rendered {
  const entries = catalogEntries(catalog)
  const values = [...entries.byKind.host, ...entries.byKind.wildcard, ...entries.byKind.url].sort(compareText)
  return list('txt', catalog, filter, values, leftOutNote('txt', entries, ['host', 'wildcard', 'url']))
}

/** IP addresses. */
export function formatIps(catalog: Catalog, filter: CatalogFilter = {}): Rendered {
  const entries = catalogEntries(catalog)
  return list('ips', catalog, filter, entries.byKind.ip, leftOutNote('ips', entries, ['ip']))
}

/** CIDR ranges, and each IP address as a one-address range (`/32`, `/128`). */
export function formatCidrs(catalog: Catalog, filter: CatalogFilter = {}): Rendered {
  const entries = catalogEntries(catalog)
  const values = new Set([...entries.byKind.cidr, ...entries.byKind.ip.map(asRange)])
  const expressed: DestinationKind[] = ['cidr', 'ip']
  return list('cidrs', catalog, filter, [...values].sort(compareText), leftOutNote('cidrs', entries, expressed))
}

/** An IP address as the range of just itself. */
export function asRange(ip: string): string {
  return ip.includes(':') ? `${ip}/128` : `${ip}/32`
}

function list(format: string, catalog: Catalog, filter: CatalogFilter, values: string[], note: string | undefined): Rendered {
  const notes = note === undefined ? [] : [note]
  if (values.length === 0) notes.push(`${format}: no entries`)
  return {text: [`# ${headerText(catalog, filter)}`, ...values].join('\n') + '\n', notes}
}
