/**
 * Squid ACL lines for `include`: an exact host as written and a `*.suffix` wildcard (also the
 * wildcard host of a URL) as `.suffix`, in a `dstdomain` ACL; addresses and ranges in a `dst` ACL.
 * A file with both has `<acl>_domains` and `<acl>_addresses`, and `<acl>` is `any-of` them, so
 * `http_access allow <acl>` always names the whole list. Squid takes no /0 (it wants `all`, which
 * is both families): a /0 is written as its two halves. Squid refuses a list that has a domain and
 * also a `.domain` covering it (`.powerbi.com` matches `powerbi.com` and every name under it), so
 * what a listed wildcard covers is left out, named.
 */
import type {Catalog} from '../../generated/catalog.js'
import {catalogName} from '../compile/service.js'
import {compareText} from '../core/text.js'
import {collapse, holdsMappedIpv4, parseRange, unmapped, withoutWhole, type Range} from './addresses.js'
import {allowEntries, cannot, wildcardDomain, type Rendered} from './entries.js'
import type {CatalogFilter} from './filter.js'
import {defineFormat} from './format.js'
import {headerText} from './header.js'

export interface SquidOptions {
  /** The ACL name (default: from the catalog's name, `power_bi_endpoints`). */
  acl?: string
  filter?: CatalogFilter
}

/**
 * The ACL name from the catalog's name (`Power BI` → `power_bi_endpoints`): lower-case letters
 * and digits joined by `_`, short enough for Squid with the `_domains` and `_addresses` ACLs (cut at a word).
 */
export function defaultAcl(catalog: Catalog): string {
  const stem = catalogName(catalog).toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '')
  const suffix = '_endpoints'
  // Squid takes ACL names of up to 63 characters, and the names and addresses get ACLs of their own (`_addresses`).
  const room = 63 - suffix.length - '_addresses'.length
  // A long name (many products) is cut at a word, not inside one.
  const cut = stem.length <= room ? stem : stem.slice(0, stem.lastIndexOf('_', room) > 0 ? stem.lastIndexOf('_', room) : room)
  return (cut === '' ? 'catalog' : cut) + suffix
}

export const squidFormat = defineFormat({
  name: 'squid',
  summary: 'Squid `acl` lines: `dstdomain` for names, `dst` for addresses',
  loads: '`include /etc/squid/endpoints.conf` then `http_access allow <acl>` in squid.conf; `squid -k parse` checks it',
  options: [{flag: 'acl', key: 'acl', value: 'name', help: "the ACL name (default: from the catalog's name, power_bi_endpoints)"}],
  render: (catalog, options) => formatSquid(catalog, options)
})

/** The Squid ACL lines of `catalog`; throws a RangeError for an ACL name Squid would not read. */
export function formatSquid(catalog: Catalog, options: SquidOptions = {}): Rendered {
  const acl = options.acl ?? defaultAcl(catalog)
  if (!/^[A-Za-z0-9_.-]{1,53}$/.test(acl)) throw new RangeError(`--acl ${JSON.stringify(acl)}: expected up to 53 letters, digits, _ . or - (Squid takes 63, and the ACLs of names and addresses add _addresses)`)
  const {list, leftOut} = allowEntries(catalog, 'squid')
  const domainSet = new Set<string>()
  const hostSet = new Set<string>()
  const ranges: Range[] = []
  const rangeSources = new Map<string, {kind: typeof list[number]['kind']; value: string}>()
  const deep: typeof list = []
  for (const entry of list) {
    if (entry.shape === 'pattern' && wildcardDomain(entry.target).deep) deep.push(entry)
    else if (entry.shape === 'pattern') domainSet.add(entry.target.slice(1))
    else if (entry.shape === 'name') hostSet.add(entry.target)
    else if (entry.shape === 'address' || entry.shape === 'range') {
      // Squid reads `::ffff:192.0.2.1` as the IPv4 address it maps: so is it written.
      const range = unmapped(parseRange(entry.target)!)
      ranges.push(range)
      rangeSources.set(range.text, {kind: entry.kind, value: entry.value})
    } else leftOut.add(entry.kind, entry.value, entry.shape === 'everything' ? 'every host: dstdomain has no entry for it' : cannot.free)
  }

  // `.a.b` covers `a.b`, `x.a.b` and `.x.a.b`: keep only what no other listed `.domain` covers.
  const coveredBy = (name: string): boolean => {
    for (let dot = name.indexOf('.', 1); dot !== -1; dot = name.indexOf('.', dot + 1)) {
      if (domainSet.has(name.slice(dot))) return true
    }
    return false
  }
  // `*.*.a.b`: dstdomain writes only `.a.b`, which also allows `a.b` and the names one label under it.
  for (const entry of deep) {
    const domain = '.' + wildcardDomain(entry.target).domain
    const why = domainSet.has(domain) || coveredBy(domain) ? 'under a listed wildcard, which allows it' : 'a wildcard of two labels or more: dstdomain has only `.domain`, which would allow more'
    leftOut.add(entry.kind, entry.value, why)
  }
  const domains: string[] = []
  for (const domain of domainSet) {
    if (!coveredBy(domain)) domains.push(domain)
    else leftOut.add('wildcard', '*' + domain, 'under a listed wildcard: Squid refuses both')
  }
  const hosts: string[] = []
  for (const host of hostSet) {
    if (!domainSet.has('.' + host) && !coveredBy(host)) hosts.push(host)
    else leftOut.add('host', host, 'under a listed wildcard: Squid refuses both')
  }
  const {kept, covered} = collapse(ranges.filter((range) => {
    if (!holdsMappedIpv4(range)) return true
    const source = rangeSources.get(range.text)!
    leftOut.add(source.kind, source.value, 'an IPv6 range holding `::ffff:0:0/96`: Squid reads every IPv4 address as one of those, so it would allow all of IPv4 too')
    return false
  }))
  for (const range of covered) {
    const source = rangeSources.get(range.text)!
    leftOut.add(source.kind, source.value, 'inside a listed range, which allows it')
  }

  const names = [...domains, ...hosts].sort((a, b) => compareText(a.replace(/^\./, ''), b.replace(/^\./, '')) || compareText(a, b))
  // One kind: the ACL itself; both: one ACL of each type (Squid's ACLs have one), and the ACL `any-of` them.
  const both = names.length > 0 && kept.length > 0
  const nameAcl = both ? `${acl}_domains` : acl
  const addressAcl = both ? `${acl}_addresses` : acl
  const lines = [
    `# ${headerText(catalog, options.filter)}`,
    ...names.map((value) => `acl ${nameAcl} dstdomain ${value}`),
    ...kept.flatMap(withoutWhole).map((range) => `acl ${addressAcl} dst ${range}`),
    ...(both ? [`acl ${acl} any-of ${nameAcl} ${addressAcl}`] : [])
  ]
  const notes = leftOut.notes()
  if (names.length === 0 && kept.length === 0) notes.push('squid: no entries')
  return {text: lines.join('\n') + '\n', notes}
}
