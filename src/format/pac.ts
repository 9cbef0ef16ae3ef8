/**
 * A proxy auto-config file: `FindProxyForURL` sends the selected destinations DIRECT (or through
 * `proxy`) and everything else to `fallback`. Exact hosts match exactly; `*.suffix` wildcards (and
 * URLs whose host is one) match with `dnsDomainIs(host, ".suffix")`, so `evilpowerbi.com` never
 * matches `*.powerbi.com`. Addresses are left out: matching one would need a DNS lookup.
 */
import type {Catalog} from '../../generated/catalog.js'
import {compareText} from '../compile/catalog.js'
import {allowEntries, cannot, wildcardDomain, type Rendered} from './entries.js'
import type {CatalogFilter} from './filter.js'
import {defineFormat} from './format.js'
import {headerText} from './header.js'

export interface PacOptions {
  /** What the selected destinations get (default: `DIRECT`). */
  proxy?: string
  /** What every other host gets (default: `DIRECT`). */
  fallback?: string
  filter?: CatalogFilter
}

/** A PAC return value: `DIRECT`, or `PROXY host:port` (also SOCKS, HTTPS…), several joined by `;`. */
const pacResult = /^(DIRECT|(PROXY|HTTP|HTTPS|SOCKS|SOCKS4|SOCKS5) ([a-z0-9._-]+|\[[0-9a-f:]+\])(:\d{1,5})?)$/i

/** Whether `text` is a PAC return value (`DIRECT`, `PROXY proxy.example:8080; DIRECT`). */
export function isPacResult(text: string): boolean {
  const parts = text.split(';').map((part) => part.trim())
  return parts.every((part) => pacResult.test(part))
}

export const pacFormat = defineFormat({
  name: 'pac',
  summary: 'a proxy auto-config file: listed names go `--proxy`, others `--default`',
  loads: '`pactester -p endpoints.pac -u https://app.powerbi.com/`; a browser or the OS proxy setting (`http://…/endpoints.pac`)',
  options: [
    {flag: 'proxy', key: 'proxy', value: '"PROXY h:p"', help: 'what the selected destinations get (default: DIRECT)'},
    {flag: 'default', key: 'fallback', value: '"PROXY h:p"', help: 'what every other host gets (default: DIRECT)'}
  ],
  render: (catalog, options) => formatPac(catalog, options)
})

/** The PAC file of `catalog`; throws a RangeError for a proxy value that is not a PAC return value. */
export function formatPac(catalog: Catalog, options: PacOptions = {}): Rendered {
  const proxy = options.proxy ?? 'DIRECT'
  const fallback = options.fallback ?? 'DIRECT'
  for (const [name, value] of [['--proxy', proxy], ['--default', fallback]] as const) {
    if (!isPacResult(value)) throw new RangeError(`${name} ${JSON.stringify(value)}: expected DIRECT or "PROXY host:port" (or HTTPS, SOCKS…), several separated by ";"`)
  }
  const {list, leftOut} = allowEntries(catalog, 'pac')
  const hosts = new Set<string>()
  const suffixes = new Set<string>()
  // `*.*.a.b`: shExpMatch's `*` spans dots, so the pattern itself matches two labels or more under `a.b`.
  const globs = new Set<string>()
  let everything = false
  for (const entry of list) {
    if (entry.shape === 'name') hosts.add(entry.target)
    else if (entry.shape === 'pattern' && wildcardDomain(entry.target).deep) globs.add(entry.target)
    else if (entry.shape === 'pattern') suffixes.add(entry.target.slice(1))
    else if (entry.shape === 'everything') everything = true
    else leftOut.add(entry.kind, entry.value, entry.shape === 'free' ? cannot.free : 'an address: a PAC file matches host names (an address would need a DNS lookup)')
  }
  const notes = leftOut.notes()
  if (proxy === fallback) notes.push(`pac: the selected destinations and every other host both go ${proxy}; give --default or --proxy`)

  const lines = [
    `// ${headerText(catalog, options.filter)}`,
    'function FindProxyForURL(url, host) {',
    `  var hosts = ${literal([...hosts].sort(compareText))};`,
    `  var domains = ${literal([...suffixes].sort(compareText))};`,
    '  var name = String(host).toLowerCase();',
    '  if (name.charAt(name.length - 1) === ".") name = name.substring(0, name.length - 1);',
    ...(everything ? [`  if (shExpMatch(name, "*")) return ${literal(proxy)};`] : []),
    '  for (var i = 0; i < hosts.length; i++) {',
    `    if (name === hosts[i]) return ${literal(proxy)};`,
    '  }',
    '  for (var j = 0; j < domains.length; j++) {',
    `    if (dnsDomainIs(name, domains[j])) return ${literal(proxy)};`,
    '  }',
    ...(globs.size === 0
      ? []
      : [`  var patterns = ${literal([...globs].sort(compareText))};`, '  for (var k = 0; k < patterns.length; k++) {', `    if (shExpMatch(name, patterns[k])) return ${literal(proxy)};`, '  }']),
    `  return ${literal(fallback)};`,
    '}'
  ]
  return {text: lines.join('\n') + '\n', notes}
}

/**
 * A JavaScript literal of a string or string array: JSON, with `<`, `>` and the line separators
 * escaped, so no value ends a string, a comment or a `<script>` it is pasted into.
 */
function literal(value: string | string[]): string {
  const json = Array.isArray(value) ? (value.length === 0 ? '[]' : `[\n    ${value.map((v) => JSON.stringify(v)).join(',\n    ')}\n  ]`) : JSON.stringify(value)
  return json.replace(/[<>\u2028\u2029]/g, (char) => '\\u' + char.charCodeAt(0).toString(16).padStart(4, '0'))
}
