/**
 * Squid `acl … dstdomain` lines: an exact host as written, a `*.suffix` wildcard as `.suffix`.
 * Squid refuses a list that has a domain and also a `.domain` covering it (`.powerbi.com` matches
 * `powerbi.com` and every name under it), so what a listed wildcard covers is left out, counted.
 */
import type {Catalog} from '../../generated/catalog.js'
import {catalogName} from '../compile/service.js'
import {compareText} from '../core/text.js'
import {catalogEntries, exactHosts, leftOutNote, type Rendered} from './entries.js'
import type {CatalogFilter} from './filter.js'
import {headerText} from './header.js'

export interface SquidOptions {
  /** The ACL name (default: from the catalog's name, `power_bi_endpoints`). */
  acl?: string
  filter?: CatalogFilter
}

/**
 * The ACL name from the catalog's name (`Power BI` → `power_bi_endpoints`): lower-case letters
 * and digits joined by `_`, within Squid's 64 characters (cut at a word).
 */
export function defaultAcl(catalog: Catalog): string {
  const stem = catalogName(catalog).toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '')
  const suffix = '_endpoints'
  const room = 64 - suffix.length
  // A long name (many products) is cut at a word, not inside one.
  const cut = stem.length <= room ? stem : stem.slice(0, stem.lastIndexOf('_', room) > 0 ? stem.lastIndexOf('_', room) : room)
  return (cut === '' ? 'catalog' : cut) + suffix
}

/** The Squid ACL lines of `catalog`; throws a RangeError for an ACL name Squid would not read. */
export function formatSquid(catalog: Catalog, options: SquidOptions = {}): Rendered {
  const acl = options.acl ?? defaultAcl(catalog)
  if (!/^[A-Za-z0-9_.-]{1,64}$/.test(acl)) throw new RangeError(`--acl ${JSON.stringify(acl)}: expected letters, digits, _ . or -`)
  const entries = catalogEntries(catalog)
  const wildcards = entries.byKind.wildcard.filter((w) => w !== '*')
  const domains = wildcards.map((w) => w.slice(1))
  const hosts = exactHosts(entries)

  // `.a.b` covers `a.b`, `x.a.b` and `.x.a.b`: keep only what no other listed `.domain` covers.
  const domainSet = new Set(domains)
  const coveredBy = (name: string): boolean => {
    for (let dot = name.indexOf('.', 1); dot !== -1; dot = name.indexOf('.', dot + 1)) {
      if (domainSet.has(name.slice(dot))) return true
    }
    return false
  }
  const keptDomains = domains.filter((domain) => !coveredBy(domain))
  const keptHosts = hosts.filter((host) => !domainSet.has('.' + host) && !coveredBy(host))
  const covered = domains.length - keptDomains.length + (hosts.length - keptHosts.length)
  const extra = [
    ...(entries.byKind.wildcard.includes('*') ? ['the wildcard `*` (dstdomain has no entry for every host)'] : []),
    ...(covered > 0 ? [`${covered} ${covered === 1 ? 'entry' : 'entries'} under a listed wildcard (Squid refuses both)`] : [])
  ]
  const note = leftOutNote('squid', entries, ['host', 'wildcard', 'url'], extra)
  const values = [...keptDomains, ...keptHosts].sort((a, b) => compareText(a.replace(/^\./, ''), b.replace(/^\./, '')) || compareText(a, b))
  const notes = note === undefined ? [] : [note]
  if (values.length === 0) notes.push('squid: no entries')
  return {text: [`# ${headerText(catalog, options.filter)}`, ...values.map((value) => `acl ${acl} dstdomain ${value}`)].join('\n') + '\n', notes}
}
