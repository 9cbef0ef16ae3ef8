/**
 * What a heading, a tab or a sentence says of the destinations after it: their requirement, their
 * ports and their clouds. A section's statements hold for the rest of the section and its
 * sub-sections; a nearer statement (a row, an item, the sentence right before a table) wins.
 */
import type {Heading, PhrasingContent} from 'mdast'
import {toString} from 'mdast-util-to-string'
import type {Cloud, Port, Requirement} from '../../generated/catalog.js'
import {readPortText, sortPorts} from './ports.js'
import {cloudsNamedBy, portStatement, requirementNamedBy, requirementStatements, scopeSubject, tabAnchor} from './vocabulary.js'

/** A statement and the line that makes it. */
export interface Stated<T> {
  value: T
  line: number
}

/** What the sections around a destination say of it, nearest first. */
export interface SectionScope {
  requirement?: Stated<Requirement>
  ports?: Stated<Port[]>
  clouds?: Stated<readonly Cloud[]>
}

/** The requirement a sentence or heading states first, if any. */
export function statedRequirement(text: string): Requirement | undefined {
  const lower = text.toLowerCase().replace(/\s+/g, ' ')
  const word = requirementNamedBy(lower)
  if (word) return word
  // The first statement governs: `the URLs you should add and the ports you might want to open`.
  let first: {at: number; requirement: Requirement} | undefined
  for (const entry of requirementStatements) {
    const at = lower.replace(new RegExp(entry.unless?.source ?? '$^', 'g'), (match) => ' '.repeat(match.length)).search(entry.sentence)
    if (at !== -1 && (first === undefined || at < first.at)) first = {at, requirement: entry.requirement}
  }
  return first?.requirement
}

/** The ports a sentence states (`HTTP Port 80, HTTPS Port 443`, `reached over port 443`, `TCP 7680`). */
export function statedPorts(text: string): Port[] {
  const ports: Port[] = []
  // `from 9350 through 9354`: a range.
  const ranges = text
    // `80 (http)`, `HTTP (80)`, `123 (UDP/NTP)`: a protocol beside its number.
    .replace(/\b(\d{1,5})\s*\(\s*(tcp|udp|https?)\b[^)]*\)/gi, '$2 $1')
    .replace(/\b(tcp|udp|https?)\s*\(\s*(\d{1,5})\s*\)/gi, '$1 $2')
    .replace(/\b(\d{1,5})\s+(?:through|thru)\s+(\d{1,5})\b/gi, '$1-$2').replace(/\band from\b/gi, 'and')
  for (const phrase of ranges.match(portStatement) ?? []) for (const port of readPortText(phrase.replace(/^(https?|ssl|tls)\s+/i, '')).ports) ports.push(port)
  return sortPorts(ports)
}

/** Whether a heading is a tab of a tabbed section (`# [Azure Government](#tab/gov)`). */
export function isTab(heading: Heading): boolean {
  return heading.children.some((child) => child.type === 'link' && tabAnchor.test(child.url))
}

/** What a heading says of the destinations under it. */
export function headingScope(text: string, line: number, scope: readonly Cloud[]): SectionScope {
  const result: SectionScope = {}
  const requirement = statedRequirement(text)
  if (requirement) result.requirement = {value: requirement, line}
  const clouds = cloudsNamedBy(text, scope)
  if (clouds) result.clouds = {value: clouds, line}
  const ports = statedPorts(text)
  if (ports.length > 0) result.ports = {value: ports, line}
  return result
}

/** What a paragraph says of the destinations after it, in its section. */
export function sentenceScope(children: PhrasingContent[], line: number): SectionScope {
  const text = children.map((child) => toString(child)).join('')
  const result: SectionScope = {}
  // Each sentence speaks for the section only when it speaks of destinations or traffic.
  const sentences = text.split(/(?<=[.!?])\s+(?=[A-Z])/).filter((sentence) => scopeSubject.test(sentence))
  if (sentences.length === 0) return result
  const requirement = statedRequirement(sentences.join(' '))
  if (requirement) result.requirement = {value: requirement, line}
  const ports = statedPorts(sentences.join(' '))
  if (ports.length > 0) result.ports = {value: ports, line}
  return result
}

/** `outer` with what `inner` states laid over it. */
export function narrower(outer: SectionScope, inner: SectionScope): SectionScope {
  return {...outer, ...inner}
}
