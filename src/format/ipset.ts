/**
 * An `ipset restore` file: a `hash:net` set per address family (`<set>_v4`, `family inet`;
 * `<set>_v6`, `family inet6`) of the catalog's addresses and ranges. Each set is created if missing
 * (`-exist`) and flushed before it is filled, so restoring the file again replaces its members.
 * `hash:net` takes prefixes from /1: a /0 is written as its two halves, which cover the same.
 */
import {withoutWhole} from './addresses.js'
import {rangesByFamily, wantedFamilies} from './nftables.js'
import {allowEntries} from './entries.js'
import {defineFormat, familyOption} from './format.js'
import {headerText} from './header.js'
import {addressEntries} from './lists.js'

/** ipset's default and the size it grows to for a longer list. */
const defaultMaxElements = 65536

export const ipsetFormat = defineFormat({
  name: 'ipset',
  summary: '`hash:net` sets of the addresses and ranges, one per family',
  loads: '`ipset restore < endpoints.ipset`, then `iptables -A OUTPUT -m set --match-set endpoint_catalog_v4 dst -j ACCEPT`',
  options: [
    familyOption,
    {
      flag: 'set',
      key: 'set',
      value: 'name',
      help: 'the set names before `_v4` and `_v6` (default: endpoint_catalog)',
      parse: (text) => {
        if (!/^[A-Za-z][A-Za-z0-9_.-]{0,27}$/.test(text)) throw new RangeError(`--set ${JSON.stringify(text)}: expected a letter, then up to 27 letters, digits, _ . or -`)
        return text
      }
    }
  ],
  render(catalog, options) {
    const prefix = options.set ?? 'endpoint_catalog'
    const {list, leftOut} = allowEntries(catalog, 'ipset')
    const entries = addressEntries(list, options, leftOut, true)
    const {byFamily, covered} = rangesByFamily(entries)
    for (const entry of covered) leftOut.add(entry.kind, entry.value, 'inside a listed range, which allows it')
    const lines = [`# ${headerText(catalog, options.filter)}`]
    for (const family of wantedFamilies(options)) {
      const name = `${prefix}_v${family}`
      const members = (byFamily.get(family) ?? []).flatMap(withoutWhole)
      const size = members.length > defaultMaxElements ? ` maxelem ${members.length}` : ''
      lines.push(`create ${name} hash:net family inet${family === 4 ? '' : '6'}${size} -exist`, `flush ${name}`)
      for (const member of members) lines.push(`add ${name} ${member}`)
    }
    const notes = leftOut.notes()
    if (entries.length === 0) notes.push('ipset: no entries')
    return {text: lines.join('\n') + '\n', notes}
  }
})
