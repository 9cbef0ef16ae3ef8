/**
 * Checks: structural differences → changes. Each check names a rule; the registry gives its
 * level and its message. Changes come out in one fixed order: level, rule, subject.
 */
import {createHash} from 'node:crypto'
import type {EndpointSet} from '../../generated/catalog.js'
import type {
  Change,
  DestinationChange,
  DestinationRef,
  DestinationState,
  EndpointSetChange,
  EndpointSetRef,
  SectionChange,
  SectionState
} from '../../generated/diff.js'
import {compareText, normaliseText} from '../compile/catalog.js'
import type {Level} from '../rules.js'
import {destinationKey, portKeys, type AllowlistEntry, type Differences, type SectionRename} from './diff.js'
import {changeRuleIds, renderMessage, ruleLevel, type ChangeRuleId} from './rules.js'

type DestinationRuleId = DestinationChange['rule']
type EndpointSetRuleId = EndpointSetChange['rule']

/** Turn the differences between two catalogs into changes, sorted. */
export function checkChanges(differences: Differences): Change[] {
  return [...destinationChanges(differences), ...endpointSetChanges(differences)].sort(byOrder)
}

function destinationChanges(differences: Differences): DestinationChange[] {
  const changes: DestinationChange[] = []

  for (const entry of differences.added) {
    const wildcard = differences.alreadyCoveredBy.get(entry.key)
    if (entry.kind === 'reference') changes.push(destinationChange('reference-added', {after: entry}))
    else if (wildcard) changes.push(destinationChange('destination-already-covered', {after: entry, coveredBy: wildcard}))
    else if (entry.requirement === 'required') changes.push(destinationChange('required-destination-added', {after: entry}))
    else changes.push(destinationChange('optional-destination-added', {after: entry}))
  }

  for (const entry of differences.removed) {
    const wildcard = differences.coveredBy.get(entry.key)
    if (entry.kind === 'reference') changes.push(destinationChange('reference-removed', {before: entry}))
    else if (wildcard) changes.push(destinationChange('destination-covered-by-wildcard', {before: entry, coveredBy: wildcard}))
    else changes.push(destinationChange('destination-removed', {before: entry}))
  }

  for (const {before, after} of differences.retargeted) {
    changes.push(destinationChange('reference-changed', {before, after, previous: before}))
  }

  for (const {before, after} of differences.kept) {
    if (before.requirement !== 'required' && after.requirement === 'required') {
      changes.push(destinationChange('destination-now-required', {before, after}))
    } else if (before.requirement === 'required' && after.requirement !== 'required') {
      changes.push(destinationChange('destination-now-optional', {before, after}))
    }
    const oldPorts = portKeys(before.ports)
    const newPorts = portKeys(after.ports)
    const added = newPorts.filter((port) => !oldPorts.includes(port))
    const removed = oldPorts.filter((port) => !newPorts.includes(port))
    if (added.length > 0) changes.push(destinationChange('ports-added', {before, after, ports: added}))
    if (removed.length > 0) changes.push(destinationChange('ports-removed', {before, after, ports: removed}))
    if (before.route !== undefined && after.route !== undefined && before.route !== after.route) {
      changes.push(destinationChange('expressroute-routing-changed', {before, after}))
    }
  }

  return changes
}

interface DestinationFacts {
  before?: AllowlistEntry
  after?: AllowlistEntry
  previous?: AllowlistEntry
  coveredBy?: AllowlistEntry
  ports?: string[]
}

function destinationChange(rule: DestinationRuleId, facts: DestinationFacts): DestinationChange {
  const subject = (facts.after ?? facts.before)!
  const destination = ref(subject)
  const values: Record<string, string> = {destination: destination.value, requirement: subject.requirement, where: where(subject)}
  if (facts.previous) values['previous'] = facts.previous.value
  if (facts.coveredBy) values['coveredBy'] = facts.coveredBy.value
  if (facts.ports) values['ports'] = facts.ports.join(', ')
  if (facts.before && facts.after) {
    const routing = rule === 'expressroute-routing-changed'
    values['before'] = routing ? routeName(facts.before.route) : facts.before.requirement
    values['after'] = routing ? routeName(facts.after.route) : facts.after.requirement
  }
  const subjectKey = (facts.previous ? destinationKey(facts.previous) + ' -> ' : '') + destinationKey(subject)

  return {
    rule,
    level: ruleLevel(rule, facts.after?.requirement === 'required'),
    fingerprint: fingerprint(rule, subjectKey),
    message: renderMessage(rule, values),
    destination,
    ...(facts.previous ? {previous: ref(facts.previous)} : {}),
    ...(facts.coveredBy ? {coveredBy: ref(facts.coveredBy)} : {}),
    ...(facts.ports ? {ports: facts.ports} : {}),
    before: facts.before ? state(facts.before) : null,
    after: facts.after ? state(facts.after) : null
  }
}

function endpointSetChanges(differences: Differences): Array<EndpointSetChange | SectionChange> {
  const changes: Array<EndpointSetChange | SectionChange> = []
  const renamed = (rename: SectionRename, a: EndpointSet, b: EndpointSet): boolean =>
    normaliseText(rename.before) === normaliseText(a.section) && normaliseText(rename.after) === normaliseText(b.section)

  for (const rename of differences.sectionRenames) changes.push(sectionChange(rename))

  for (const {before, after} of differences.endpointSets.matched) {
    if (before.purpose !== after.purpose && normaliseText(before.purpose) !== normaliseText(after.purpose)) {
      changes.push(endpointSetChange('purpose-changed', before, after, {before: before.purpose, after: after.purpose, section: after.section}))
    }
    if (
      before.section !== after.section &&
      normaliseText(before.section) !== normaliseText(after.section) &&
      !differences.sectionRenames.some((rename) => renamed(rename, before, after))
    ) {
      changes.push(endpointSetChange('endpoint-set-moved', before, after, {purpose: after.purpose, before: before.section, after: after.section}))
    }
  }

  // A row added or removed shows as destination changes, unless all its destinations are listed elsewhere.
  const listedIn = (set: EndpointSet, list: Differences['before']): boolean =>
    set.destinations.every((destination) => list.has(destinationKey(destination)))
  for (const set of differences.endpointSets.added) {
    if (listedIn(set, differences.before)) {
      changes.push(endpointSetChange('endpoint-set-added', undefined, set, {purpose: set.purpose, section: set.section}))
    }
  }
  for (const set of differences.endpointSets.removed) {
    if (listedIn(set, differences.after)) {
      changes.push(endpointSetChange('endpoint-set-removed', set, undefined, {purpose: set.purpose, section: set.section}))
    }
  }

  return changes
}

function endpointSetChange(
  rule: EndpointSetRuleId,
  before: EndpointSet | undefined,
  after: EndpointSet | undefined,
  values: Record<string, string>
): EndpointSetChange {
  const subject = [before?.id ?? '', after?.id ?? ''].join(' -> ')
  return {
    rule,
    level: ruleLevel(rule, false),
    fingerprint: fingerprint(rule, subject),
    message: renderMessage(rule, values),
    before: before ? endpointSetRef(before) : null,
    after: after ? endpointSetRef(after) : null
  }
}

function sectionChange(rename: SectionRename): SectionChange {
  const side = (pick: 'before' | 'after'): SectionState => {
    const sets = rename.pairs.map((pair) => pair[pick])
    return {section: rename[pick], source: sourceLine(sets[0]!), endpointSets: sets.map((set) => set.id)}
  }
  return {
    rule: 'section-renamed',
    level: ruleLevel('section-renamed', false),
    fingerprint: fingerprint('section-renamed', normaliseText(rename.before) + ' -> ' + normaliseText(rename.after)),
    message: renderMessage('section-renamed', {before: rename.before, after: rename.after}),
    before: side('before'),
    after: side('after')
  }
}

function ref(entry: AllowlistEntry): DestinationRef {
  return {kind: entry.kind, value: entry.value}
}

function state(entry: AllowlistEntry): DestinationState {
  const text = entry.kind === 'reference' ? entry.texts[0] : undefined
  return {
    requirement: entry.requirement,
    ports: portKeys(entry.ports),
    ...(entry.route === undefined ? {} : {route: entry.route}),
    ...(text === undefined ? {} : {text}),
    endpointSets: entry.endpointSets.map(endpointSetRef)
  }
}

function endpointSetRef(set: EndpointSet): EndpointSetRef {
  return {id: set.id, section: set.section, purpose: set.purpose, requirement: set.requirement, source: sourceLine(set)}
}

function sourceLine(set: EndpointSet): string {
  return `${set.source.path}:${set.source.line}`
}

/** `Section / purpose` of each row listing the destination, once each. */
function where(entry: AllowlistEntry): string {
  return [...new Set(entry.endpointSets.map((set) => `${set.section} / ${set.purpose}`))].join('; ')
}

function routeName(route: AllowlistEntry['route']): string {
  return route === 'internet' ? 'the public Internet' : route === 'expressroute' ? 'ExpressRoute' : 'unknown'
}

/** sha256 of rule and subject, shortened: the same change between other revisions keeps it. */
function fingerprint(rule: ChangeRuleId, subject: string): string {
  return createHash('sha256').update(rule + '\n' + subject).digest('hex').slice(0, 16)
}

export const levelRank: Record<Level, number> = {error: 0, warning: 1, info: 2}

function byOrder(a: Change, b: Change): number {
  return (
    levelRank[a.level] - levelRank[b.level] ||
    changeRuleIds.indexOf(a.rule) - changeRuleIds.indexOf(b.rule) ||
    compareText(sortKey(a), sortKey(b)) ||
    compareText(a.fingerprint, b.fingerprint)
  )
}

/** Destination changes sort by destination; row changes by section and purpose. */
function sortKey(change: Change): string {
  if ('destination' in change) return change.destination.value + '\n' + change.destination.kind
  if (change.rule === 'section-renamed') return change.before.section + '\n' + change.after.section
  const set = change.after ?? change.before
  return set ? set.section + '\n' + set.purpose : ''
}
