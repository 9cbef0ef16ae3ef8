/**
 * The destinations a list format can write, each checked against the syntax of its kind: a value
 * that is not a plain host, wildcard, URL or address (a hand-edited or hostile catalog) is never
 * written into a list, where a space, `#` or line break would change what the line means.
 */
import {isIP} from 'node:net'
import type {Catalog, Destination} from '../../generated/catalog.js'
import {compareText} from '../core/text.js'
import {normaliseHost} from '../compile/destination.js'
import type {DestinationKind} from './filter.js'

export interface Entries {
  /** The unique valid values of each kind, sorted. */
  byKind: Record<DestinationKind, string[]>
  /** For each url value, its host. */
  urlHosts: Map<string, string>
  /** Unique destinations left out because their value does not have the syntax of their kind. */
  invalid: number
}

const kinds: DestinationKind[] = ['host', 'wildcard', 'url', 'ip', 'cidr', 'reference', 'text']

/** The unique destinations of `catalog` by kind, sorted, each checked against its kind's syntax. */
export function catalogEntries(catalog: Catalog): Entries {
  const seen = Object.fromEntries(kinds.map((kind) => [kind, new Set<string>()])) as Record<DestinationKind, Set<string>>
  const urlHosts = new Map<string, string>()
  const invalid = new Set<string>()
  for (const set of catalog.endpointSets) {
    for (const destination of set.destinations) {
      if (!isWellFormed(destination)) {
        invalid.add(destination.kind + '\u0000' + destination.value)
        continue
      }
      seen[destination.kind].add(destination.value)
      if (destination.kind === 'url') urlHosts.set(destination.value, urlHost(destination))
    }
  }
  const byKind = Object.fromEntries(kinds.map((kind) => [kind, [...seen[kind]].sort(compareText)])) as Record<DestinationKind, string[]>
  return {byKind, urlHosts, invalid: invalid.size}
}

/** The exact host names: hosts, and the host of each URL; unique, sorted. */
export function exactHosts(entries: Entries): string[] {
  return [...new Set([...entries.byKind.host, ...entries.byKind.url.map((url) => entries.urlHosts.get(url)!)])].sort(compareText)
}

/** Whether a host is a lower-case DNS name as the compiler writes one. */
export function isHostName(value: string): boolean {
  return normaliseHost(value)?.value === value
}

/** Whether a value is `*` or `*.` and a host name. */
export function isWildcard(value: string): boolean {
  return value === '*' || (value.startsWith('*.') && isHostName(value.slice(2)))
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

function isUrlHost(host: string): boolean {
  return isHostName(host) || isIP(host) !== 0
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

/**
 * The one stderr line of what a format left out: the unique destinations of the kinds it cannot
 * express, and those not valid as their kind; undefined when nothing was left out.
 */
export function leftOutNote(format: string, entries: Entries, expressed: readonly DestinationKind[], extra: string[] = []): string | undefined {
  const parts = kinds
    .filter((kind) => !expressed.includes(kind) && entries.byKind[kind].length > 0)
    .map((kind) => countOf(entries.byKind[kind].length, kind))
  if (entries.invalid > 0) parts.push(`${entries.invalid} not valid as ${entries.invalid === 1 ? 'its' : 'their'} kind (a space, \`#\`, quote or control character, or not a host)`)
  for (const part of extra) parts.push(part)
  return parts.length === 0 ? undefined : `${format}: left out ${parts.join(', ')}`
}

/** A rendered format: the text to write, and the lines for stderr (what was left out or rewritten). */
export interface Rendered {
  text: string
  notes: string[]
}
