/**
 * One destination token → a typed destination. The URL page, the ExpressRoute page and the diff
 * all normalise hosts through here, so `App.PowerBI.com.` and `app.powerbi.com` are one host.
 */
import {isIP} from 'node:net'
import {domainToASCII} from 'node:url'
import {getPublicSuffix, parse as parseDomain} from 'tldts'
import type {DiagnosticRuleId} from '../rules.js'
import {exampleNames, fileExtensions} from './vocabulary.js'

export type DestinationKind = 'host' | 'wildcard' | 'url' | 'ip' | 'cidr' | 'text'

export interface Classified {
  kind: DestinationKind
  value: string
  /** For a url: its host. */
  host?: string
  /** Normalisations worth telling the author about. */
  notes: Array<{ruleId: DiagnosticRuleId; reason: string}>
  /** For text: why it is a template (`<region>`, `#`) rather than a destination. */
  template?: string
  /** A path written after a host without a scheme (`aka.ms/hybridwizard`). */
  path?: string
  /** A port written after a host in a sentence (`ntp.ubuntu.com:123`). */
  port?: number
}

/** The leading `*.` labels of a wildcard (`*.`, `*.*.`), and the name under them. */
export function wildcardParts(value: string): {stars: string; name: string} {
  const stars = /^(?:\*\.)+/.exec(value)?.[0] ?? ''
  return {stars, name: value.slice(stars.length)}
}

/** Placeholders a page writes for a part of a name it leaves to the reader. */
const placeholders: Array<[RegExp, string]> = [
  [/<[^<>]*>/, 'a placeholder in angle brackets'],
  [/\{[^{}]*\}/, 'a placeholder in braces'],
  [/\[[^[\]]*\]/, 'a character class'],
  [/#/, '`#` stands for a number'],
  [/[a-z0-9]\*|\*[a-z0-9-]|\.\*\./i, 'a wildcard inside a name'],
  [/(?:^|\.)x{3,}(?:\.|$)/i, 'a run of `x` stands for a name']
]

const label = /^(?!-)[a-z0-9_-]{1,63}(?<!-)$/

/** Classify one destination as written (already split from its neighbours, trimmed). */
export function classifyDestination(raw: string): Classified {
  const text = raw.trim()
  const template = templateOf(text)
  if (template) return {kind: 'text', value: text.replace(/\s+/g, ' '), notes: [], template}

  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text) && !/\s/.test(text)) {
    try {
      const url = new URL(text)
      if (url.hostname) {
        const example = exampleName(url.hostname)
        if (example) return {kind: 'text', value: text, notes: [], template: example}
        const value = url.pathname === '/' && !text.endsWith('/') && !url.search && !url.hash ? url.href.slice(0, -1) : url.href
        return {kind: 'url', value, host: url.hostname.replace(/\.$/, ''), notes: []}
      }
    } catch {
      // Not a URL after all: read as text below.
    }
  }

  const cidr = /^([0-9a-f:.]+)\/(\d{1,3})$/i.exec(text)
  if (cidr && ipVersion(cidr[1]!) && Number(cidr[2]) <= (ipVersion(cidr[1]!) === 4 ? 32 : 128)) {
    return {kind: 'cidr', value: `${cidr[1]!.toLowerCase()}/${Number(cidr[2])}`, notes: []}
  }
  if (ipVersion(text)) return {kind: 'ip', value: text.toLowerCase(), notes: []}

  if (text === '*') return {kind: 'wildcard', value: '*', notes: []}
  // `aka.ms/hybridwizard`: a host with a path and no scheme.
  const slash = text.indexOf('/')
  let name = slash > 0 && !text.includes(' ') ? text.slice(0, slash) : text
  const notes: Classified['notes'] = []
  // `*. usgovcloudapi.net`: a wildcard typed with a space after its dot is the wildcard it means.
  // (`* vault.azure.net`, without the dot, is left as written: the page may mean one name.)
  const spaced = /^(\*)(?:\.\s+|\s+\.\s*)([a-z0-9][a-z0-9.-]*\.[a-z]{2,})$/i.exec(name)
  if (spaced) {
    notes.push({ruleId: 'wildcard-spaced', reason: `Unexpected space in \`${name}\`, read as the wildcard \`*.${spaced[2]!.toLowerCase()}\``})
    name = '*.' + spaced[2]!
  }
  // `.example.com`, as proxies write a domain and everything under it: a wildcard of the domain.
  if (/^\.[a-z0-9]/i.test(name) && !name.includes(' ')) {
    notes.push({ruleId: 'destination-leading-dot', reason: `Unexpected leading dot in \`${name}\`, read as the wildcard \`*${name.toLowerCase()}\``})
    name = '*' + name
  }
  // `*.*.onedrive.live.com`: a wildcard of two labels or more is a wildcard too.
  const {stars} = wildcardParts(name)
  const wildcard = stars !== ''
  // A wildcard may stand over a single label (`*.com`): that is a finding, not a reading problem.
  const host = normaliseHost(name.slice(stars.length), wildcard)
  if (host) {
    const example = exampleName(host.value)
    if (example) return {kind: 'text', value: text.replace(/\s+/g, ' '), notes: [], template: example}
    const classified: Classified = {kind: wildcard ? 'wildcard' : 'host', value: stars + host.value, notes: [...notes, ...host.notes]}
    if (slash > 0 && !text.includes(' ')) classified.path = text.slice(slash)
    return classified
  }

  return {kind: 'text', value: text.replace(/\s+/g, ' '), notes: []}
}

/**
 * An address range (`203.0.113.16 - 203.0.113.31`, `10.0.0.1–10.0.0.9`) as the CIDRs that cover
 * exactly its addresses, fewest first to last; undefined when the text is no range of one family.
 */
export function addressRange(text: string): Classified[] | undefined {
  const match = /^\s*([0-9a-f:.]+)\s*(?:-|–|—|\bto\b)\s*([0-9a-f:.]+)\s*$/i.exec(text)
  if (!match) return undefined
  const version = ipVersion(match[1]!)
  if (version === 0 || ipVersion(match[2]!) !== version) return undefined
  const bits = version === 4 ? 32 : 128
  let from = addressNumber(match[1]!, version)
  const to = addressNumber(match[2]!, version)
  if (to < from) return undefined
  const cidrs: Classified[] = []
  while (from <= to) {
    // The largest block that starts at `from` (aligned) and ends at or before `to`.
    let size = 0
    while (size < bits && (from & ((1n << BigInt(size + 1)) - 1n)) === 0n && from + (1n << BigInt(size + 1)) - 1n <= to) size++
    const address = numberAddress(from, version)
    cidrs.push(size === 0 ? {kind: 'ip', value: address, notes: []} : {kind: 'cidr', value: `${address}/${bits - size}`, notes: []})
    from += 1n << BigInt(size)
  }
  return cidrs
}

function addressNumber(address: string, version: number): bigint {
  if (version === 4) return address.split('.').reduce((sum, part) => (sum << 8n) + BigInt(Number(part)), 0n)
  // Expand `::` and an embedded IPv4 tail into eight groups.
  let text = address.toLowerCase()
  const tail = /(\d+\.\d+\.\d+\.\d+)$/.exec(text)
  if (tail) {
    const value = addressNumber(tail[1]!, 4)
    text = text.slice(0, tail.index) + (value >> 16n).toString(16) + ':' + (value & 0xffffn).toString(16)
  }
  const [head, rest] = text.includes('::') ? (text.split('::') as [string, string]) : [text, undefined]
  const left = head === '' ? [] : head.split(':')
  const right = rest === undefined || rest === '' ? [] : rest.split(':')
  const groups = [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right]
  return groups.reduce((sum, group) => (sum << 16n) + BigInt(parseInt(group, 16)), 0n)
}

function numberAddress(value: bigint, version: number): string {
  if (version === 4) return [24n, 16n, 8n, 0n].map((shift) => String((value >> shift) & 255n)).join('.')
  const groups = [112n, 96n, 80n, 64n, 48n, 32n, 16n, 0n].map((shift) => ((value >> shift) & 0xffffn).toString(16))
  // The longest run of zero groups (two or more) is written `::`, as RFC 5952 says.
  let best = {at: -1, length: 1}
  for (let at = 0; at < 8; ) {
    let end = at
    while (end < 8 && groups[end] === '0') end++
    if (end - at > best.length) best = {at, length: end - at}
    at = end === at ? at + 1 : end
  }
  if (best.at === -1) return groups.join(':')
  return groups.slice(0, best.at).join(':') + '::' + groups.slice(best.at + best.length).join(':')
}

/** A label that starts with an example company's name, before the last label. */
const exampleCompany = new RegExp(`(?:^|\\.)((?:${exampleNames.companies.join('|')})[a-z0-9-]*)\\.`)

/** A name under a domain, or in a top-level domain, reserved for examples. */
const escaped = (names: readonly string[]): string => names.map((name) => name.replace(/\./g, '\\.')).join('|')
const reservedName = new RegExp(`(?:^|\\.)(${escaped(exampleNames.reservedDomains)})$|(?:^|\\.)(${escaped(exampleNames.reservedTlds)})$`)

/** Why a DNS name is an example rather than a destination (`contoso-corp.atp.azure.com`), if it is one. */
function exampleName(host: string): string | undefined {
  const company = exampleCompany.exec(host)?.[1]
  if (company !== undefined) return `\`${company}\` names an example company`
  const reserved = reservedName.exec(host.toLowerCase().replace(/\.$/, ''))
  return reserved === null ? undefined : `\`${reserved[1] ?? reserved[2]}\` is reserved for examples (RFC 2606)`
}

/** Why a destination-like text is a template (`*<region>-onelake…`, `#-courier…`), if it is one. */
function templateOf(text: string): string | undefined {
  if (/\s/.test(text) || !/[a-z0-9-]\.[a-z]/i.test(text)) return undefined
  const name = text.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').split('/')[0]!
  const bare = wildcardParts(name).name
  for (const [pattern, reason] of placeholders) {
    if (pattern.test(bare) || (pattern.source.startsWith('<') && pattern.test(name))) return reason
  }
  return undefined
}

/**
 * The hosts, wildcards, URLs and addresses a sentence names (`Bidirectional between … and
 * \*.um.outlook.com`): tokens that read as one, where a host needs a suffix the Public Suffix
 * List knows, so that `Node.js` or `DataFactory.WestUs` is not a host.
 */
export function findDestinations(text: string): Classified[] {
  const found: Classified[] = []
  // Most text names nothing: no dotted name, no address.
  if (!/[a-z0-9*]\.[a-z0-9*]|[0-9a-f]:[0-9a-f:]/i.test(text)) return found
  for (const match of text.matchAll(/[^\s,;()"'`]+/g)) {
    // `*. azure.net`: a wildcard mistyped with a space is not the name after it.
    // (Only the text just before the token is looked at: a sentence of many names stays linear.)
    if (/\*\.?\s+$/.test(text.slice(Math.max(0, match.index - 16), match.index))) continue
    let candidate = match[0].replace(/[.:]+$/, '')
    if (!/[a-z0-9*]\.[a-z0-9*]/i.test(candidate)) continue
    // `ntp.ubuntu.com:123`: a host and its port.
    const withPort = /^([^/:]+):(\d{1,5})$/.exec(candidate)
    if (withPort) candidate = withPort[1]!
    const classified = classifyDestination(candidate)
    if (withPort && Number(withPort[2]) >= 1 && Number(withPort[2]) <= 65535) classified.port = Number(withPort[2])
    if (classified.kind === 'text' && !classified.template) continue
    if ((classified.kind === 'host' || classified.kind === 'wildcard') && !underPublicSuffix(classified.value)) continue
    found.push(classified)
  }
  return found
}

/**
 * Whether a host or wildcard ends in a suffix the Public Suffix List knows, and is no file name:
 * `Node.js`, `DataFactory.WestUs` and `AzureContainerRegistry.AustraliaEast` are not hosts.
 */
export function underPublicSuffix(name: string): boolean {
  const parts = wildcardParts(name)
  const parsed = parseDomain((parts.stars === '' ? '' : 'x.') + parts.name, {allowPrivateDomains: true})
  return (parsed.isIcann === true || parsed.isPrivate === true) && !fileExtensions.test(name)
}


/** Lower-case a DNS name, drop a trailing dot, punycode an IDN; undefined when it is no DNS name. */
export function normaliseHost(raw: string, suffixOnly = false): {value: string; notes: Classified['notes']} | undefined {
  const notes: Classified['notes'] = []
  let host = raw.toLowerCase()
  if (host.endsWith('.')) {
    host = host.slice(0, -1)
    notes.push({ruleId: 'destination-trailing-dot', reason: `Unexpected trailing dot in \`${raw}\`, expected \`${host}\``})
  }
  // eslint-disable-next-line no-control-regex -- any character outside ASCII, control characters included
  if (/[^\x00-\x7f]/.test(host)) {
    const ascii = domainToASCII(host)
    if (!ascii) return undefined
    notes.push({ruleId: 'destination-idn', reason: `Unexpected non-ASCII host \`${raw}\`, expected its punycode form \`${ascii}\``})
    host = ascii
  }
  const labels = host.split('.')
  if (labels.length < (suffixOnly ? 1 : 2) || !labels.every((part) => label.test(part))) return undefined
  // The last label of a DNS name is never all digits (that would be an address).
  if (/^\d+$/.test(labels[labels.length - 1]!)) return undefined
  return {value: host, notes}
}

/**
 * 4 or 6 for an IP address, else 0. Only text made of address characters reaches `isIP`: its IPv6
 * pattern is costly to build, and hosts, the common case, never need it.
 */
function ipVersion(text: string): number {
  return /^[0-9a-f:.]+$/i.test(text) && (text.includes(':') || /^[0-9.]+$/.test(text)) ? isIP(text) : 0
}

/** The host a destination names, for matching: a host, a URL's host, or a wildcard as written. */
export function matchKey(destination: {kind: string; value: string; host?: string}): string | undefined {
  if (destination.kind === 'host' || destination.kind === 'wildcard') return destination.value
  if (destination.kind === 'url') return destination.host
  return undefined
}

/** Whether `pattern` (a host or `*.suffix` wildcard) covers `target` (a host or wildcard). */
export function covers(pattern: string, target: string): boolean {
  if (pattern === target) return true
  if (pattern === '*') return true
  if (!pattern.startsWith('*.')) return false
  const suffix = pattern.slice(1)
  return target.endsWith(suffix) && target.length > suffix.length
}

/**
 * The wildcards that cover `target` (a host or wildcard), narrowest first: `*.b.c`, `*.c`, `*`
 * for `a.b.c`; a wildcard covers itself. Exactly the patterns `covers` accepts, so a caller can
 * look them up instead of testing every wildcard it knows.
 */
export function coveringWildcardPatterns(target: string): string[] {
  const patterns: string[] = []
  for (let dot = target.indexOf('.', 1); dot !== -1; dot = target.indexOf('.', dot + 1)) {
    patterns.push('*' + target.slice(dot))
  }
  patterns.push('*')
  return patterns
}

/**
 * The finding a destination deserves for what it lets through, if any: a wildcard (bare or as
 * a URL's host, in any spelling the reader normalised) over a public suffix or everything, and an
 * address range of a large part of the Internet.
 */
export function riskOf(item: Classified): {ruleId: DiagnosticRuleId; reason: string} | undefined {
  const pattern = item.kind === 'wildcard' ? item.value : item.kind === 'url' && item.host?.includes('*') ? item.host : undefined
  const broad = pattern === undefined ? undefined : overBroad(pattern)
  if (broad) {
    return {ruleId: 'over-broad-wildcard', reason: `Unexpected over-broad wildcard \`${item.value}\` (${broad}), expected a wildcard under a domain one party controls`}
  }
  if (item.kind === 'cidr') {
    const [address, bits] = item.value.split('/') as [string, string]
    const limit = ipVersion(address) === 4 ? 8 : 16
    if (Number(bits) < limit) {
      return {ruleId: 'over-broad-address', reason: `Unexpected address range \`${item.value}\` (a /${bits} covers ${Number(bits) === 0 ? 'every address' : 'a large part of the Internet'}), expected a range one party holds`}
    }
    const embedded = ipVersion(address) === 6 ? embeddedIpv4(address, Number(bits)) : undefined
    if (embedded !== undefined && embedded.bits < 8) {
      return {
        ruleId: 'over-broad-address',
        reason: `Unexpected address range \`${item.value}\` (${embedded.name}: it covers ${embedded.bits === 0 ? 'every IPv4 address' : `a /${embedded.bits} of IPv4`}), expected a range one party holds`
      }
    }
  }
  return undefined
}

/** The finding a row's ports deserve, if any: a range over most of the 65,535 ports. */
export function portsRisk(ports: ReadonlyArray<{protocol: string; port: number; to?: number}>): {ruleId: DiagnosticRuleId; reason: string} | undefined {
  const wide = ports.find((port) => (port.to ?? port.port) - port.port + 1 > 32768)
  if (wide === undefined) return undefined
  const text = `${wide.protocol.toUpperCase()} ${wide.port}-${wide.to}`
  return {ruleId: 'over-broad-ports', reason: `Unexpected port range \`${text}\` (${(wide.to ?? wide.port) - wide.port + 1} ports: every service), expected the ports the destination uses`}
}

/**
 * IPv6 prefixes that carry IPv4 addresses inside them, each with the bit where the IPv4 address
 * starts: a range under one reaches the IPv4 addresses of the bits it leaves free.
 */
const ipv4Carriers: Array<{prefix: bigint; length: number; start: number; name: string}> = [
  {prefix: 0xffffn << 32n, length: 96, start: 96, name: 'IPv4-mapped addresses, `::ffff:0:0/96`'},
  {prefix: 0x64ff9bn << 96n, length: 96, start: 96, name: 'the NAT64 prefix `64:ff9b::/96`'},
  {prefix: 0x2002n << 112n, length: 16, start: 16, name: '6to4, `2002::/16`'}
]

/** For an IPv6 range under a prefix that carries IPv4 addresses: which, and the IPv4 prefix length it reaches. */
function embeddedIpv4(address: string, bits: number): {name: string; bits: number} | undefined {
  const value = ipv6Value(address)
  if (value === undefined) return undefined
  for (const carrier of ipv4Carriers) {
    // The range and the carrier share their first bits: one holds the other.
    const shared = BigInt(128 - Math.min(bits, carrier.length))
    if (value >> shared !== carrier.prefix >> shared) continue
    return {name: carrier.name, bits: Math.min(32, Math.max(0, bits - carrier.start))}
  }
  return undefined
}

/** An IPv6 address as a number (`::ffff:1.2.3.4` included); undefined when it is not one. */
function ipv6Value(address: string): bigint | undefined {
  let text = address.toLowerCase()
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text)
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number) as [number, number, number, number]
    text = text.slice(0, dotted.index) + `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`
  }
  const [head, tail] = text.includes('::') ? (text.split('::') as [string, string]) : [text, undefined]
  const left = head === '' ? [] : head.split(':')
  const right = tail === undefined || tail === '' ? [] : tail.split(':')
  const groups = tail === undefined ? left : [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right]
  if (groups.length !== 8) return undefined
  return groups.reduce((value, group) => (value << 16n) | BigInt(parseInt(group, 16)), 0n)
}

/**
 * Why a wildcard is over-broad, or undefined when it is not: `*` covers everything, and
 * `*.suffix` where the suffix is a public suffix (`com`, `co.uk`, and the shared hosting domains
 * of the Public Suffix List's private section, such as `azurewebsites.net`) covers every tenant.
 */
export function overBroad(wildcard: string): string | undefined {
  if (wildcard === '*') return 'covers every host'
  if (!wildcard.startsWith('*.')) return undefined
  // `*.*.onedrive.live.com` stands over names under `onedrive.live.com`; `*.*` over every name.
  const suffix = wildcardParts(wildcard).name.toLowerCase().replace(/\.$/, '')
  if (suffix === '*' || suffix.split('.').some((part) => part === '*' || part === '')) return 'a wildcard over a wildcard covers every host'
  return getPublicSuffix(suffix, {allowPrivateDomains: true}) === suffix ? `\`${suffix}\` is a public suffix` : undefined
}
