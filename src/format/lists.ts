/**
 * Plain lists, one entry a line: `txt` (hosts, wildcards and URLs, the allow-list of a proxy) and
 * `hosts` (exact host names), each after a `#` header line; `ips` and `cidrs` (addresses and
 * ranges, with `--family 4|6`), without one, so that every line is an address a tool can load.
 */
import {compareText} from '../core/text.js'
import {familyOf, parseRange} from './addresses.js'
import {allowEntries, cannot, type Entry, type LeftOut, type Rendered} from './entries.js'
import {defineFormat, familyOption, type RenderOptions} from './format.js'
import {headerText} from './header.js'

export const txtFormat = defineFormat({
  name: 'txt',
  summary: 'hosts, wildcards and URLs, one a line, after a `#` header line',
  loads: 'a proxy or filter that reads one host, `*.suffix` or URL a line and skips `#` lines',
  options: [],
  render(catalog, options) {
    const {list, leftOut} = allowEntries(catalog, 'txt')
    const values = new Set<string>()
    for (const entry of list) {
      if (entry.kind === 'url' && entry.shape !== 'pattern' && entry.shape !== 'everything') values.add(entry.value)
      else if (entry.shape === 'name' || entry.shape === 'pattern' || entry.shape === 'everything') values.add(entry.target)
      else leftOut.add(entry.kind, entry.value, entry.shape === 'free' ? cannot.free : entry.shape === 'address' ? cannot.address : cannot.range)
    }
    return writeList('txt', [...values].sort(compareText), leftOut.notes(), headerText(catalog, options.filter))
  }
})

export const hostsFormat = defineFormat({
  name: 'hosts',
  summary: 'exact host names (hosts, URL hosts), one a line, after a `#` header line',
  loads: 'a DNS or proxy allow-list of exact names that skips `#` lines (`grep -v "^#" hosts.txt`)',
  options: [],
  render(catalog, options) {
    const {list, leftOut} = allowEntries(catalog, 'hosts')
    const values = new Set<string>()
    for (const entry of list) {
      if (entry.shape === 'name') values.add(entry.target)
      else leftOut.add(entry.kind, entry.value, cannot[entry.shape])
    }
    return writeList('hosts', [...values].sort(compareText), leftOut.notes(), headerText(catalog, options.filter))
  }
})

export const ipsFormat = defineFormat({
  name: 'ips',
  summary: 'IP addresses, one a line, no comments',
  loads: '`xargs -n1 ipset add allowed_v4 < ips.txt` (with `--family 4`)',
  options: [familyOption],
  render(catalog, options) {
    const {list, leftOut} = allowEntries(catalog, 'ips')
    const values = new Set<string>()
    for (const entry of addressEntries(list, options, leftOut, false)) values.add(entry.target)
    return writeList('ips', [...values].sort(compareText), leftOut.notes())
  }
})

export const cidrsFormat = defineFormat({
  name: 'cidrs',
  summary: 'address ranges (an address as `/32`, `/128`), one a line, no comments',
  loads: '`xargs -n1 ipset add allowed_v6 < cidrs.txt` (with `--family 6`)',
  options: [familyOption],
  render(catalog, options) {
    const {list, leftOut} = allowEntries(catalog, 'cidrs')
    const values = new Set<string>()
    for (const entry of addressEntries(list, options, leftOut, true)) values.add(entry.shape === 'range' ? entry.target : asRange(entry.target))
    return writeList('cidrs', [...values].sort(compareText), leftOut.notes())
  }
})

/**
 * The address entries (and ranges, when `ranges`) of `options.family`; every other entry left out
 * with its reason, except addresses of the other family, which the option deselects.
 */
export function addressEntries(list: Entry[], options: RenderOptions, leftOut: LeftOut, ranges: boolean): Entry[] {
  const kept: Entry[] = []
  for (const entry of list) {
    const address = entry.shape === 'address' || (ranges && entry.shape === 'range')
    if (!address) {
      leftOut.add(entry.kind, entry.value, entry.shape === 'range' ? 'an address range: `--format cidrs` lists ranges' : entry.shape === 'free' ? cannot.free : cannot.name)
      continue
    }
    if (options.family !== undefined && familyOf(entry.target) !== options.family) continue
    kept.push(entry)
  }
  return kept
}

/** An IP address as the range of just itself. */
export function asRange(ip: string): string {
  return ip.includes(':') ? `${ip}/128` : `${ip}/32`
}

/** The network form of a range (`10.1.2.0/24` for `10.1.2.3/24`); the value itself when it is not one. */
export function networkOf(value: string): string {
  return parseRange(value)?.text ?? value
}

function writeList(format: string, values: string[], notes: string[], header?: string): Rendered {
  if (values.length === 0) notes.push(`${format}: no entries`)
  const lines = header === undefined ? values : [`# ${header}`, ...values]
  return {text: lines.length === 0 ? '' : lines.join('\n') + '\n', notes}
}
