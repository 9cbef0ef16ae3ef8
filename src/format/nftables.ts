/**
 * An nftables file for `nft -f`: in table `inet <table>`, the named interval sets `endpoints_v4`
 * (`ipv4_addr`) and `endpoints_v6` (`ipv6_addr`) of the catalog's addresses and ranges, and
 * `tcp_ports` / `udp_ports` (`inet_service`) of the ports the catalog gives them. The sets are
 * declared, flushed and filled in one transaction, so loading the file again replaces their
 * elements and keeps the chains that use them. A range inside another listed range is left out
 * (nft refuses overlapping intervals), named on stderr.
 */
import type {Port} from '../../generated/catalog.js'
import {collapse, families, parseRange, type Family, type Range} from './addresses.js'
import {allowEntries, type Entry} from './entries.js'
import {defineFormat, familyOption, type RenderOptions} from './format.js'
import {headerText} from './header.js'
import {addressEntries} from './lists.js'

export const nftablesFormat = defineFormat({
  name: 'nftables',
  summary: 'nft sets of the addresses, ranges and ports, in table `inet endpoint_catalog`',
  loads: '`nft -f endpoints.nft`, then rules such as `ip daddr @endpoints_v4 tcp dport @tcp_ports accept` in a chain of that table',
  options: [
    familyOption,
    {
      flag: 'table',
      key: 'table',
      value: 'name',
      help: 'the inet table that holds the sets (default: endpoint_catalog)',
      parse: (text) => {
        if (!/^[A-Za-z][A-Za-z0-9_]{0,63}$/.test(text)) throw new RangeError(`--table ${JSON.stringify(text)}: expected a letter, then letters, digits or _`)
        return text
      }
    }
  ],
  render(catalog, options) {
    const table = options.table ?? 'endpoint_catalog'
    const {list, leftOut} = allowEntries(catalog, 'nftables')
    const entries = addressEntries(list, options, leftOut, true)
    const lines = [`# ${headerText(catalog, options.filter)}`, `table inet ${table} {`]
    const wanted = wantedFamilies(options)
    for (const family of wanted) lines.push(`  set endpoints_v${family} {`, `    type ipv${family}_addr`, '    flags interval', '  }')
    for (const protocol of ['tcp', 'udp'] as const) lines.push(`  set ${protocol}_ports {`, '    type inet_service', '    flags interval', '  }')
    lines.push('}')
    const {byFamily, covered} = rangesByFamily(entries)
    for (const entry of covered) leftOut.add(entry.kind, entry.value, 'inside a listed range, which allows it (nft refuses overlapping intervals)')
    for (const family of wanted) {
      lines.push(`flush set inet ${table} endpoints_v${family}`)
      const ranges = byFamily.get(family) ?? []
      if (ranges.length > 0) for (const line of elements(`inet ${table} endpoints_v${family}`, ranges.map((range) => range.text))) lines.push(line)
    }
    const ports = portsOf(entries)
    for (const protocol of ['tcp', 'udp'] as const) {
      lines.push(`flush set inet ${table} ${protocol}_ports`)
      const values = ports.filter((port) => port.protocol === protocol).map((port) => (port.to === undefined ? `${port.port}` : `${port.port}-${port.to}`))
      if (values.length > 0) for (const line of elements(`inet ${table} ${protocol}_ports`, values)) lines.push(line)
    }
    const notes = leftOut.notes()
    if (entries.length === 0) notes.push('nftables: no entries')
    return {text: lines.join('\n') + '\n', notes}
  }
})

/** The families a file holds: the one `--family` names, or both. */
export function wantedFamilies(options: RenderOptions): readonly Family[] {
  return options.family === undefined ? families : [options.family]
}

/** The entries' ranges by family, those inside another listed range set apart. */
export function rangesByFamily(entries: Entry[]): {byFamily: Map<Family, Range[]>; covered: Entry[]} {
  const sources = new Map<string, Entry[]>()
  const ranges: Range[] = []
  for (const entry of entries) {
    const range = parseRange(entry.target)!
    ranges.push(range)
    sources.set(range.text, [...(sources.get(range.text) ?? []), entry])
  }
  const {kept, covered} = collapse(ranges)
  const byFamily = new Map<Family, Range[]>()
  for (const range of kept) byFamily.set(range.family, [...(byFamily.get(range.family) ?? []), range])
  return {byFamily, covered: covered.flatMap((range) => sources.get(range.text) ?? [])}
}

/** The ports of the entries, merged: no port inside another listed range (nft refuses overlapping intervals). */
function portsOf(entries: Entry[]): Port[] {
  const result: Port[] = []
  for (const protocol of ['tcp', 'udp'] as const) {
    const spans = entries
      .flatMap((entry) => entry.ports)
      .filter((port) => port.protocol === protocol)
      .map((port) => [port.port, port.to ?? port.port] as [number, number])
      .sort((a, b) => a[0] - b[0] || b[1] - a[1])
    const merged: Array<[number, number]> = []
    for (const span of spans) {
      const last = merged.at(-1)
      if (last !== undefined && span[0] <= last[1] + 1) last[1] = Math.max(last[1], span[1])
      else merged.push([...span])
    }
    for (const [from, to] of merged) result.push(from === to ? {protocol, port: from} : {protocol, port: from, to})
  }
  return result
}

/** `add element <set> { a, b }`, a few elements a line. */
function elements(set: string, values: string[]): string[] {
  const lines = [`add element ${set} {`]
  for (let index = 0; index < values.length; index += 4) {
    lines.push(`  ${values.slice(index, index + 4).join(', ')}${index + 4 < values.length ? ',' : ''}`)
  }
  lines.push('}')
  return lines
}
