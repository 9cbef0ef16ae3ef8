/**
 * The destinations an allow-list format can write, each checked against the syntax of its kind and
 * read as what an allow-list holds: an exact host name, a `*.suffix` wildcard (a URL whose host is
 * a wildcard is that wildcard), every host (`*`), an address or an address range. A value that is
 * not a plain host, wildcard, URL or address (a hand-edited or hostile catalog), and a placeholder
 * name (`xxxxx.servicebus.windows.net`), is never written into a list; what a format leaves out is
 * named on stderr, value and reason (`LeftOut`).
 */
import {isIP} from 'node:net'
import type {Catalog, Destination, Port} from '../../generated/catalog.js'
import {compareText} from '../core/text.js'
import {destinationPorts} from '../compile/cells.js'
import {normaliseHost, wildcardParts} from '../compile/destination.js'
import {escapeControl} from './escape.js'
import type {DestinationKind} from './filter.js'

/** What an allow-list entry stands for. */
export type Shape = 'name' | 'pattern' | 'everything' | 'address' | 'range' | 'free'

export interface Entry {
  kind: DestinationKind
  /** The destination as the catalog writes it. */
  value: string
  /**
   * What an allow-list holds for it: the host name (a host, a URL's host), the `*.suffix` wildcard
   * (a wildcard, a URL's wildcard host), `*`, the address (an IP, a URL's address host), the range;
   * the value itself for references and text.
   */
  target: string
  shape: Shape
  /** Every port the catalog gives it (in any endpoint set), unique. */
  ports: Port[]
}

export interface Entries {
  /** The unique well-formed destinations, in kind order, sorted by value. */
  list: Entry[]
  /** The destinations no allow-list takes (malformed, placeholders), already named. */
  leftOut: LeftOut
}

const kinds: DestinationKind[] = ['host', 'wildcard', 'url', 'ip', 'cidr', 'reference', 'text']

/**
 * Labels that stand for a name the reader fills in (`xxxxx.servicebus.windows.net`,
 * `contoso.sharepoint.com`, `yourtenant.example`): a page's example, never a host to allow.
 */
const placeholderLabel = /^(x{3,}|y{3,}|z{3,}|contoso[a-z0-9-]*|fabrikam[a-z0-9-]*|your[a-z0-9-]*|tenant-?name|<.*>)$/

/** Why a host name (or `*.suffix`) is a placeholder, or undefined when it is not one. */
export function placeholderOf(name: string): string | undefined {
  const label = wildcardParts(name).name.split('.').find((part) => placeholderLabel.test(part))
  return label === undefined ? undefined : `a placeholder name (\`${label}\`), not a host to allow`
}

/** The unique destinations of `catalog`, read as allow-list entries; malformed ones and placeholders left out under `format`. */
export function allowEntries(catalog: Catalog, format: string): Entries {
  const leftOut = new LeftOut(format)
  const byKey = new Map<string, Entry>()
  for (const set of catalog.endpointSets) {
    for (const destination of set.destinations) {
      const key = destination.kind + '\u0000' + destination.value
      const known = byKey.get(key)
      if (known !== undefined) {
        addPorts(known, destinationPorts(set, destination))
        continue
      }
      if (leftOut.has(destination.kind, destination.value)) continue
      if (!isWellFormed(destination)) {
        leftOut.add(destination.kind, destination.value, `not valid as ${article(destination.kind)}: a space, \`#\`, quote or control character, or not a host`)
        continue
      }
      const entry = readEntry(destination)
      const placeholder = entry.shape === 'name' || entry.shape === 'pattern' ? placeholderOf(entry.target) : undefined
      if (placeholder !== undefined) {
        leftOut.add(destination.kind, destination.value, placeholder)
        continue
      }
      addPorts(entry, destinationPorts(set, destination))
      byKey.set(key, entry)
    }
  }
  const list = [...byKey.values()].sort((a, b) => kinds.indexOf(a.kind) - kinds.indexOf(b.kind) || compareText(a.value, b.value))
  return {list, leftOut}
}

function readEntry(destination: Destination): Entry {
  const {kind, value} = destination
  const entry = (target: string, shape: Shape): Entry => ({kind, value, target, shape, ports: []})
  switch (kind) {
    case 'host':
      return entry(value, 'name')
    case 'wildcard':
      return entry(value, value === '*' ? 'everything' : 'pattern')
    case 'url': {
      const host = urlHost(destination)
      if (isIP(host) !== 0) return entry(host, 'address')
      return entry(host, host === '*' ? 'everything' : host.startsWith('*.') ? 'pattern' : 'name')
    }
    case 'ip':
      return entry(value, 'address')
    case 'cidr':
      return entry(value, 'range')
    default:
      return entry(value, 'free')
  }
}

function addPorts(entry: Entry, ports: Port[]): void {
  for (const port of ports) {
    if (!entry.ports.some((known) => known.protocol === port.protocol && known.port === port.port && known.to === port.to)) entry.ports.push(port)
  }
}

/** Whether a host is a lower-case DNS name as the compiler writes one. */
export function isHostName(value: string): boolean {
  return normaliseHost(value)?.value === value
}

/** Whether a value is `*`, or `*.` (once or more: `*.*.onedrive.live.com`) and a host name. */
export function isWildcard(value: string): boolean {
  const {stars, name} = wildcardParts(value)
  return value === '*' || (stars !== '' && isHostName(name))
}

/**
 * The domain a wildcard stands over (`*.a.b` and `*.*.a.b` → `a.b`), and whether the wildcard is
 * that domain's every subdomain (`*.a.b`) or only those two labels or more under it (`*.*.a.b`).
 */
export function wildcardDomain(pattern: string): {domain: string; deep: boolean} {
  const {stars, name} = wildcardParts(pattern)
  return {domain: name, deep: stars.length > 2}
}

/** Whether a destination's value has the syntax of its kind (references and text are free text: always). */
export function isWellFormed(destination: Pick<Destination, 'kind' | 'value' | 'host'>): boolean {
  const value = destination.value
  switch (destination.kind) {
    case 'host':
      return isHostName(value)
    case 'wildcard':
      return isWildcard(value)
    case 'url':
      return isWebUrl(value) && isUrlHost(urlHost(destination))
    case 'ip':
      return isIP(value) !== 0 && value === value.toLowerCase()
    case 'cidr':
      return isCidr(value)
    default:
      return true
  }
}

/** A URL destination's host: as the catalog records it, or read from the URL (an IPv6 address without brackets). */
export function urlHost(destination: Pick<Destination, 'value' | 'host'>): string {
  return destination.host ?? new URL(destination.value).hostname.replace(/^\[(.*)\]$/, '$1')
}

/** A host name, a wildcard (`*.example.com`, `*`) or an address. */
function isUrlHost(host: string): boolean {
  return isHostName(host) || isWildcard(host) || isIP(host) !== 0
}

/** An absolute URL of visible ASCII only, as the compiler writes one. */
function isWebUrl(value: string): boolean {
  if (!/^[a-z][a-z0-9+.-]*:\/\/[\x21-\x7e]+$/.test(value)) return false
  try {
    return new URL(value).hostname !== ''
  } catch {
    return false
  }
}

/** `address/prefix` with the prefix in range for the address family. */
function isCidr(value: string): boolean {
  const match = /^([0-9a-f:.]+)\/(\d{1,3})$/.exec(value)
  if (!match) return false
  const family = isIP(match[1]!)
  return family !== 0 && Number(match[2]) <= (family === 4 ? 32 : 128)
}

const nouns: Record<DestinationKind, [string, string]> = {
  host: ['host', 'hosts'],
  wildcard: ['wildcard', 'wildcards'],
  url: ['URL', 'URLs'],
  ip: ['IP address', 'IP addresses'],
  cidr: ['CIDR range', 'CIDR ranges'],
  reference: ['reference', 'references'],
  text: ['text destination', 'text destinations']
}

/** `3 wildcards`, `1 reference`. */
export function countOf(count: number, kind: DestinationKind): string {
  return `${count} ${nouns[kind][count === 1 ? 0 : 1]}`
}

function article(kind: DestinationKind): string {
  const noun = nouns[kind][0]
  return (/^[aeiouIU]/.test(noun) && !noun.startsWith('URL') ? 'an ' : 'a ') + noun
}

/** The longest a left-out value is shown on stderr. */
const shownLength = 120

/**
 * What a format leaves out, by kind and reason, for stderr: one line per reason naming each value
 * (`hosts: left out 2 wildcards (not an exact host name): *.a.com, *.b.com`), never only a count.
 */
export class LeftOut {
  private readonly groups = new Map<string, {kind: DestinationKind; why: string; values: string[]}>()
  private readonly seen = new Set<string>()

  constructor(readonly format: string) {}

  /** Leave out one destination, saying why. */
  add(kind: DestinationKind, value: string, why: string): void {
    const key = kind + '\u0000' + value
    if (this.seen.has(key)) return
    this.seen.add(key)
    const group = kind + '\u0000' + why
    let entry = this.groups.get(group)
    if (entry === undefined) {
      entry = {kind, why, values: []}
      this.groups.set(group, entry)
    }
    entry.values.push(value)
  }

  /** Whether a destination was left out already. */
  has(kind: DestinationKind, value: string): boolean {
    return this.seen.has(kind + '\u0000' + value)
  }

  /** How many destinations were left out. */
  get size(): number {
    return this.seen.size
  }

  /** The stderr lines, in kind order, then by reason. */
  notes(): string[] {
    return [...this.groups.values()]
      .sort((a, b) => kinds.indexOf(a.kind) - kinds.indexOf(b.kind) || compareText(a.why, b.why))
      .map(({kind, why, values}) => `${this.format}: left out ${countOf(values.length, kind)} (${why}): ${values.sort(compareText).map(shown).join(', ')}`)
  }
}

/** A value on one stderr line: control characters escaped, quoted when it has a space or comma, long ones cut. */
function shown(value: string): string {
  const cut = value.length > shownLength ? value.slice(0, shownLength) + '…' : value
  const escaped = escapeControl(cut)
  return /[\s,"]|^$/.test(escaped) ? JSON.stringify(escaped) : escaped
}

/** The reason a format gives for a kind of entry it has no way to write. */
export const cannot = {
  pattern: 'a wildcard, not an exact host name',
  everything: 'every host: the format has no entry for it',
  address: 'an address: the format lists names',
  range: 'an address range: the format lists names',
  name: 'a name: the format lists addresses',
  free: 'not a host or address'
} as const satisfies Record<Shape, string>

/** A rendered format: the text to write, and the lines for stderr (what was left out or rewritten). */
export interface Rendered {
  text: string
  notes: string[]
}
