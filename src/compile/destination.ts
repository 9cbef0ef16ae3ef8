/**
 * One destination token → a typed destination. The URL page, the ExpressRoute page and the diff
 * all normalise hosts through here, so `App.PowerBI.com.` and `app.powerbi.com` are one host.
 */
import {isIP} from 'node:net'
import {domainToASCII} from 'node:url'
import {getPublicSuffix} from 'tldts'
import type {DiagnosticRuleId} from '../rules.js'

export type DestinationKind = 'host' | 'wildcard' | 'url' | 'ip' | 'cidr' | 'text'

export interface Classified {
  kind: DestinationKind
  value: string
  /** For a url: its host. */
  host?: string
  /** Normalisations worth telling the author about. */
  notes: Array<{ruleId: DiagnosticRuleId; reason: string}>
}

const label = /^(?!-)[a-z0-9_-]{1,63}(?<!-)$/

/** Classify one destination as written (already split from its neighbours, trimmed). */
export function classifyDestination(raw: string): Classified {
  const text = raw.trim()

  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) {
    try {
      const url = new URL(text)
      if (url.hostname) {
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
  const wildcard = text.startsWith('*.')
  const host = normaliseHost(wildcard ? text.slice(2) : text)
  if (host) {
    return {kind: wildcard ? 'wildcard' : 'host', value: (wildcard ? '*.' : '') + host.value, notes: host.notes}
  }

  return {kind: 'text', value: text.replace(/\s+/g, ' '), notes: []}
}

/** Lower-case a DNS name, drop a trailing dot, punycode an IDN; undefined when it is no DNS name. */
export function normaliseHost(raw: string): {value: string; notes: Classified['notes']} | undefined {
  const notes: Classified['notes'] = []
  let host = raw.toLowerCase()
  if (host.endsWith('.')) {
    host = host.slice(0, -1)
    notes.push({ruleId: 'destination-trailing-dot', reason: `Unexpected trailing dot in \`${raw}\`, expected \`${host}\``})
  }
  // eslint-disable-next-line no-control-regex
  if (/[^\x00-\x7f]/.test(host)) {
    const ascii = domainToASCII(host)
    if (!ascii) return undefined
    notes.push({ruleId: 'destination-idn', reason: `Unexpected non-ASCII host \`${raw}\`, expected its punycode form \`${ascii}\``})
    host = ascii
  }
  const labels = host.split('.')
  if (labels.length < 2 || !labels.every((part) => label.test(part))) return undefined
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
 * Why a wildcard is over-broad, or undefined when it is not: `*` covers everything, and
 * `*.suffix` where the suffix is a public suffix (`com`, `co.uk`, and the shared hosting domains
 * of the Public Suffix List's private section, such as `azurewebsites.net`) covers every tenant.
 */
export function overBroad(wildcard: string): string | undefined {
  if (wildcard === '*') return 'covers every host'
  if (!wildcard.startsWith('*.')) return undefined
  const suffix = wildcard.slice(2)
  return getPublicSuffix(suffix, {allowPrivateDomains: true}) === suffix ? `\`${suffix}\` is a public suffix` : undefined
}
