/**
 * What a heading, a tab or a sentence says of the destinations after it: their requirement, their
 * ports and their clouds. A section's statements hold for the rest of the section and its
 * sub-sections; a nearer statement (a row, an item, the sentence right before a table) wins.
 */
import type {Heading} from 'mdast'
import type {Cloud, Port, Requirement} from '../../generated/catalog.js'
import {readPortText, sortPorts} from './ports.js'
import {allowVerb, cloudsNamedBy, conditional, conditionClauses, everyDestination, pageSubject, portStatement, premiseCondition, requirementNamedBy, requirementStatements, scopeSubject, tabAnchor} from './vocabulary.js'

/** A statement and the line that makes it. */
export interface Stated<T> {
  value: T
  line: number
  /** The condition the statement is made under (`If you are using the Azure-provided DNS service`). */
  condition?: string
}

/** What the sections around a destination say of it, nearest first. */
export interface SectionScope {
  requirement?: Stated<Requirement>
  ports?: Stated<Port[]>
  clouds?: Stated<readonly Cloud[]>
}

/** Each statement's `unless` words, every one of them in a text. */
const unlessAll = requirementStatements.map((entry) => (entry.unless ? new RegExp(entry.unless.source, 'g') : undefined))

/** The requirement a sentence or heading states, when it states exactly one. */
export function statedRequirement(text: string): Requirement | undefined {
  const lower = text.toLowerCase().replace(/\s+/g, ' ')
  const word = requirementNamedBy(lower)
  if (word) return word
  // A text that states both (`Some are required and some are optional`) states neither.
  // A hedge (`might want to open`) yields to any firmer statement beside it.
  const found = requirementStatements.filter((entry, index) => entry.sentence.test(unlessAll[index] ? lower.replace(unlessAll[index], ' ') : lower))
  const firm = new Set(found.filter((entry) => !entry.weak).map((entry) => entry.requirement))
  const stated = firm.size > 0 ? firm : new Set(found.map((entry) => entry.requirement))
  return stated.size === 1 ? [...stated][0] : undefined
}

/**
 * The condition under which a text states a requirement (`to configure Exchange hybrid`, `If audit
 * logging is desired`), as written: the first sentence that states one and has a condition clause.
 */
export function statedCondition(text: string): string | undefined {
  for (const sentence of text.split(/(?<=[.!?])\s+(?=[A-Z])/)) {
    if (statedRequirement(sentence) === undefined && !allowVerb.test(sentence)) continue
    for (const clause of conditionClauses) {
      const match = clause.exec(sentence)
      if (match && !premiseCondition.test(match[0])) return (match[1] ?? match[0]).replace(/\s+/g, ' ').trim().slice(0, 160)
    }
  }
  return undefined
}

/** Every `if …`, `when …` clause of a text, to read what the text says besides its conditions. */
const conditionAll = new RegExp(conditionClauses[0]!.source, 'gi')

/** What a text says besides its conditions (`If proxy support beyond this is required, review …` → `, review …`). */
export function withoutConditions(text: string): string {
  return conditional.test(text) ? text.replace(conditionAll, ' ') : text
}

/** A requirement stated in `text`, with the condition it is stated under; undefined when none is. */
export function statedWithCondition(text: string, line: number, fallback?: Requirement): Stated<Requirement> | undefined {
  // `If proxy support beyond this is required, review …`: what the condition says is no statement.
  const value = statedRequirement(withoutConditions(text)) ?? fallback
  if (value === undefined) return undefined
  const condition = conditional.test(text) ? statedCondition(text) : undefined
  return condition === undefined ? {value, line} : {value, line, condition}
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
export function sentenceScope(text: string, line: number): SectionScope {
  return paragraphScope(text, line).section
}

/**
 * What a paragraph says for its section (`sentenceScope`), and what it states of the page's
 * destinations wherever they are (see `pageSubject`): a requirement, and ports said without a
 * condition (`Both endpoints are reached over port 443`). One reading of the paragraph for both.
 */
export function paragraphScope(text: string, line: number): {section: SectionScope; page: SectionScope} {
  // Most paragraphs speak of neither destinations nor traffic.
  if (!scopeSubject.test(text)) return {section: {}, page: {}}
  // Each sentence speaks for the section only when it speaks of destinations or traffic.
  const sentences = text.split(/(?<=[.!?])\s+(?=[A-Z])/).filter((sentence) => scopeSubject.test(sentence) && !everyDestination.test(sentence))
  const section = statements(sentences, line)
  // For the page, only one about its endpoints (`pageSubject`, narrower than `scopeSubject`); one
  // that ends in `:` introduces what follows it, no more.
  const forPage = sentences.filter((sentence) => pageSubject.test(sentence) && !/:\s*$/.test(sentence))
  return {section, page: forPage.length === sentences.length ? section : statements(forPage, line)}
}

/** The requirement and the ports some sentences state; ports said under a condition are the condition's. */
function statements(sentences: string[], line: number): SectionScope {
  const result: SectionScope = {}
  if (sentences.length === 0) return result
  const requirement = statedWithCondition(sentences.join(' '), line)
  if (requirement) result.requirement = requirement
  const ports = statedPorts(sentences.filter((sentence) => !conditional.test(sentence)).join(' '))
  if (ports.length > 0) result.ports = {value: ports, line}
  return result
}

/** `outer` with what `inner` states laid over it. */
export function narrower(outer: SectionScope, inner: SectionScope): SectionScope {
  return {...outer, ...inner}
}
