/**
 * Checks: structural differences → changes. Each check names a rule; the registry gives its
 * level and its message. Changes come out in one fixed order: level, rule, subject.
 */
import {createHash} from 'node:crypto'
import type {Cloud, EndpointSet, ExpressRouteException, Source} from '../../generated/catalog.js'
import type {
  Change,
  DestinationChange,
  DestinationRef,
  DestinationState,
  EndpointSetChange,
  EndpointSetRef,
  ExceptionRef,
  ExpressRouteChange,
  PageChange,
  RevisionSource,
  SectionChange,
  SectionState
} from '../../generated/diff.js'
import {compareText, normaliseText} from '../core/text.js'
import type {Level} from '../rules.js'
import {cloudIds, destinationClouds, isPublicOnly, sortClouds} from './clouds.js'
import {
  destinationKey,
  portKeys,
  rowClouds,
  type AllowlistEntry,
  type CloudDifferences,
  type Differences,
  type ExceptionEntry,
  type PageEntry,
  type SectionRename
} from './diff.js'
import {changeRuleIds, renderMessage, ruleLevel, type ChangeRuleId} from './rules.js'

type DestinationRuleId = DestinationChange['rule']
type EndpointSetRuleId = EndpointSetChange['rule']

/** A change before its clouds are known: the change, and the subject its fingerprint hashes. */
interface Draft<T extends Change = Change> {
  change: T
  subject: string
}

/** Turn the differences between two catalogs into changes, sorted. */
export function checkChanges(differences: Differences): Change[] {
  const compared = differences.clouds.map((part) => part.cloud)
  const perCloud = differences.clouds.map((part) => ({
    cloud: part.cloud,
    drafts: [...destinationChanges(part), ...presenceChanges(part, differences)]
  }))
  return [
    ...mergeClouds(perCloud),
    ...rowChanges(differences, compared),
    ...exceptionChanges(differences, compared),
    ...pageChanges(differences).map((draft) => withClouds(draft, compared))
  ]
    // Each change's sort key is built once, not once per comparison.
    .map((change) => ({change, rank: levelRank[change.level], rule: changeRuleIds.indexOf(change.rule), key: sortKey(change)}))
    .sort(byOrder)
    .map(({change}) => change)
}

/**
 * One change for what several clouds say alike (same rule, subject, rows and states), naming
 * those clouds; a change that differs between clouds stays one per cloud.
 */
function mergeClouds(perCloud: Array<{cloud: Cloud; drafts: Draft[]}>): Change[] {
  if (perCloud.length === 1) return perCloud[0]!.drafts.map((draft) => withClouds(draft, [perCloud[0]!.cloud]))
  const merged = new Map<string, {draft: Draft; clouds: Cloud[]}>()
  for (const {cloud, drafts} of perCloud) {
    for (const draft of drafts) {
      const key = JSON.stringify(draft.change)
      const found = merged.get(key)
      if (found) found.clouds.push(cloud)
      else merged.set(key, {draft, clouds: [cloud]})
    }
  }
  return [...merged.values()].map(({draft, clouds}) => withClouds(draft, clouds))
}

/**
 * The change with the clouds it concerns, unless that is the public cloud alone (left unsaid, as
 * in the catalog); the clouds then count in its fingerprint, as part of its subject.
 */
function withClouds<T extends Change>(draft: Draft<T>, clouds: readonly Cloud[]): T {
  if (isPublicOnly(clouds)) return draft.change
  const {rule, level, fingerprint: publicFingerprint, message, ...rest} = draft.change
  return {rule, level, fingerprint: fingerprint(rule, draft.subject + '\n' + clouds.join(' ')), message, clouds: [...clouds], ...rest} as T
}

function destinationChanges(differences: CloudDifferences): Array<Draft<DestinationChange>> {
  const changes: Array<Draft<DestinationChange>> = []

  for (const entry of differences.added) {
    const wildcard = differences.alreadyCoveredBy.get(entry.key)
    const replaces = differences.replaces.get(entry.key)
    if (entry.kind === 'reference') changes.push(destinationChange('reference-added', {after: entry}))
    else if (wildcard) changes.push(destinationChange('destination-already-covered', {after: entry, coveredBy: wildcard}))
    else if (entry.requirement === 'required') changes.push(destinationChange('required-destination-added', {after: entry, replaces}))
    else changes.push(destinationChange('optional-destination-added', {after: entry, replaces}))
  }

  for (const entry of differences.removed) {
    const wildcard = differences.coveredBy.get(entry.key)
    const substitutes = differences.substitutes.get(entry.key)
    if (entry.kind === 'reference') changes.push(destinationChange('reference-removed', {before: entry}))
    else if (wildcard) changes.push(destinationChange('destination-covered-by-wildcard', {before: entry, coveredBy: wildcard, substitutes}))
    else changes.push(destinationChange('destination-removed', {before: entry, substitutes}))
  }

  for (const {before, after} of differences.retargeted) {
    changes.push(destinationChange('reference-changed', {before, after, previous: before}))
  }

  for (const {before, after} of differences.kept) {
    if (before.requirement !== 'required' && after.requirement === 'required') {
      changes.push(destinationChange('destination-now-required', {before, after}))
    } else if (before.requirement === 'required' && after.requirement !== 'required') {
      changes.push(destinationChange('destination-now-optional', {before, after}))
    } else if (before.requirement !== after.requirement) {
      changes.push(destinationChange('destination-requirement-changed', {before, after}))
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
  replaces?: AllowlistEntry[] | undefined
  substitutes?: AllowlistEntry[] | undefined
  ports?: string[]
}

function destinationChange(rule: DestinationRuleId, facts: DestinationFacts): Draft<DestinationChange> {
  const subject = (facts.after ?? facts.before)!
  const destination = ref(subject)
  const values: Record<string, string> = {destination: destination.value, requirement: subject.requirement, where: where(subject)}
  if (facts.previous) values['previous'] = facts.previous.value
  if (facts.coveredBy) values['coveredBy'] = facts.coveredBy.value
  if (facts.replaces) values['replaces'] = codeList(facts.replaces)
  if (facts.substitutes) values['substitutes'] = codeList(facts.substitutes)
  if (facts.ports) values['ports'] = facts.ports.join(', ')
  if (facts.before && facts.after) {
    const routing = rule === 'expressroute-routing-changed'
    values['before'] = routing ? routeName(facts.before.route) : facts.before.requirement
    values['after'] = routing ? routeName(facts.after.route) : facts.after.requirement
  }
  const subjectKey = (facts.previous ? destinationKey(facts.previous) + ' -> ' : '') + destinationKey(subject)

  const change: DestinationChange = {
    rule,
    level: ruleLevel(rule, facts.after?.requirement === 'required'),
    fingerprint: fingerprint(rule, subjectKey),
    message: renderMessage(rule, values),
    destination,
    ...(facts.previous ? {previous: ref(facts.previous)} : {}),
    ...(facts.coveredBy ? {coveredBy: ref(facts.coveredBy)} : {}),
    ...(facts.replaces ? {replaces: facts.replaces.map(ref) as [DestinationRef, ...DestinationRef[]]} : {}),
    ...(facts.substitutes ? {substitutes: facts.substitutes.map(ref) as [DestinationRef, ...DestinationRef[]]} : {}),
    ...(facts.ports ? {ports: facts.ports} : {}),
    before: facts.before ? state(facts.before) : null,
    after: facts.after ? state(facts.after) : null
  }
  return {change, subject: subjectKey}
}

/** `\`a\``, `\`a\`, \`b\``: destinations as a message names them. */
function codeList(entries: AllowlistEntry[]): string {
  return entries.map((entry) => '`' + entry.value + '`').join(', ')
}

/**
 * Rows reworded, moved, or under a renamed heading: the same in every cloud, they name the
 * clouds of the rows concerned (of those compared), and are left out when none is compared.
 */
function rowChanges(differences: Differences, compared: Cloud[]): Array<EndpointSetChange | SectionChange> {
  const changes: Array<EndpointSetChange | SectionChange> = []
  const renamed = (rename: SectionRename, a: EndpointSet, b: EndpointSet): boolean =>
    normaliseText(rename.before) === normaliseText(a.section) && normaliseText(rename.after) === normaliseText(b.section)
  const add = (draft: Draft<EndpointSetChange | SectionChange>, rows: EndpointSet[]): void => {
    const clouds = sortClouds(rows.flatMap((set) => rowClouds(set))).filter((cloud) => compared.includes(cloud))
    if (clouds.length > 0) changes.push(withClouds(draft, clouds))
  }

  for (const rename of differences.sectionRenames) add(sectionChange(rename), rename.pairs.flatMap((pair) => [pair.before, pair.after]))

  for (const {before, after} of differences.endpointSets.matched) {
    if (before.purpose !== after.purpose && normaliseText(before.purpose) !== normaliseText(after.purpose)) {
      add(endpointSetChange('purpose-changed', before, after, {before: before.purpose, after: after.purpose, section: after.section}), [before, after])
    }
    if (
      before.section !== after.section &&
      normaliseText(before.section) !== normaliseText(after.section) &&
      !differences.sectionRenames.some((rename) => renamed(rename, before, after))
    ) {
      add(endpointSetChange('endpoint-set-moved', before, after, {purpose: after.purpose, before: before.section, after: after.section}), [before, after])
    }
  }
  return changes
}

/**
 * A row added or removed shows as destination changes, unless all its destinations (in this
 * cloud) are listed elsewhere: then as the row itself.
 */
function presenceChanges(part: CloudDifferences, differences: Differences): Array<Draft<EndpointSetChange>> {
  const changes: Array<Draft<EndpointSetChange>> = []
  const listedIn = (set: EndpointSet, list: CloudDifferences['before']): boolean =>
    rowClouds(set).includes(part.cloud) &&
    set.destinations.every((destination) => !destinationClouds(destination).includes(part.cloud) || list.has(destinationKey(destination)))
  for (const set of differences.endpointSets.added) {
    if (listedIn(set, part.before)) {
      changes.push(endpointSetChange('endpoint-set-added', undefined, set, {purpose: set.purpose, section: set.section}))
    }
  }
  for (const set of differences.endpointSets.removed) {
    if (listedIn(set, part.after)) {
      changes.push(endpointSetChange('endpoint-set-removed', set, undefined, {purpose: set.purpose, section: set.section}))
    }
  }
  return changes
}

/** The ExpressRoute page's exceptions added and removed, by what they name. */
function exceptionChanges(differences: Differences, compared: Cloud[]): ExpressRouteChange[] {
  const changes: ExpressRouteChange[] = []
  const add = (rule: ExpressRouteChange['rule'], entry: ExceptionEntry, side: 'before' | 'after'): void => {
    // An exception naming no destination is the public cloud's, as a destination without clouds.
    const clouds = (entry.destination ? destinationClouds(entry.destination) : (['public'] as const)).filter((cloud) => compared.includes(cloud))
    if (clouds.length === 0) return
    const first = entry.exceptions[0]!
    const named = entry.destination?.value ?? first.subject ?? first.activity
    const where = [...new Set(entry.exceptions.map((exception) => `${exception.section} / ${exception.activity}`))].join('; ')
    const refs = entry.exceptions.map(exceptionRef)
    const change: ExpressRouteChange = {
      rule,
      level: ruleLevel(rule, false),
      fingerprint: fingerprint(rule, entry.key),
      message: renderMessage(rule, {destination: named, where}),
      ...(entry.destination ? {exceptionDestination: {kind: entry.destination.kind, value: entry.destination.value}} : {}),
      before: side === 'before' ? refs : null,
      after: side === 'after' ? refs : null
    }
    changes.push(withClouds({change, subject: entry.key}, clouds))
  }
  for (const entry of differences.exceptions.added) add('expressroute-exception-added', entry, 'after')
  for (const entry of differences.exceptions.removed) add('expressroute-exception-removed', entry, 'before')
  return changes
}

function exceptionRef(exception: ExpressRouteException): ExceptionRef {
  return {id: exception.id, scope: exception.scope, section: exception.section, activity: exception.activity, source: `${exception.source.path}:${exception.source.line}`}
}

const pageKinds: Record<Source['page'], string> = {urls: 'URL', expressroute: 'ExpressRoute'}

/** Pages on one side only (they concern every cloud compared): what they list is counted as added or removed. */
function pageChanges(differences: Differences): Array<Draft<PageChange>> {
  const draft = (rule: PageChange['rule'], {source, listed}: PageEntry): Draft<PageChange> => {
    const unit = source.page === 'expressroute' ? 'exception' : 'destination'
    const ref = revisionSource(source)
    const subject = source.page + ' ' + source.path
    const change: PageChange = {
      rule,
      level: ruleLevel(rule, false),
      fingerprint: fingerprint(rule, subject),
      message: renderMessage(rule, {kind: pageKinds[source.page], page: source.path, count: `${listed} ${unit}${listed === 1 ? '' : 's'}`}),
      before: rule === 'page-removed' ? ref : null,
      after: rule === 'page-added' ? ref : null
    }
    return {change, subject}
  }
  return [
    ...differences.pages.added.map((page) => draft('page-added', page)),
    ...differences.pages.removed.map((page) => draft('page-removed', page))
  ]
}

/** A page as the diff document names it (schema/diff.schema.json#/$defs/revisionSource). */
export function revisionSource({path, page, title, msDate, sha256}: Source): RevisionSource {
  return {path, page, title, msDate, sha256}
}

function endpointSetChange(
  rule: EndpointSetRuleId,
  before: EndpointSet | undefined,
  after: EndpointSet | undefined,
  values: Record<string, string>
): Draft<EndpointSetChange> {
  const subject = [before?.id ?? '', after?.id ?? ''].join(' -> ')
  const change: EndpointSetChange = {
    rule,
    level: ruleLevel(rule, false),
    fingerprint: fingerprint(rule, subject),
    message: renderMessage(rule, values),
    before: before ? endpointSetRef(before) : null,
    after: after ? endpointSetRef(after) : null
  }
  return {change, subject}
}

function sectionChange(rename: SectionRename): Draft<SectionChange> {
  const side = (pick: 'before' | 'after'): SectionState => {
    const sets = rename.pairs.map((pair) => pair[pick])
    return {section: rename[pick], source: sourceLine(sets[0]!), endpointSets: sets.map((set) => set.id)}
  }
  const subject = normaliseText(rename.before) + ' -> ' + normaliseText(rename.after)
  const change: SectionChange = {
    rule: 'section-renamed',
    level: ruleLevel('section-renamed', false),
    fingerprint: fingerprint('section-renamed', subject),
    message: renderMessage('section-renamed', {before: rename.before, after: rename.after}),
    before: side('before'),
    after: side('after')
  }
  return {change, subject}
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

/** A change with what it sorts by: level, rule, subject, then fingerprint. */
interface Sortable {
  change: Change
  rank: number
  rule: number
  key: string
}

function byOrder(a: Sortable, b: Sortable): number {
  return a.rank - b.rank || a.rule - b.rule || compareText(a.key, b.key) || compareText(a.change.fingerprint, b.change.fingerprint)
}

/**
 * Destination changes sort by destination; row changes by section and purpose; exceptions by
 * what they name; pages by path. The clouds come last, so one subject's changes stay together.
 */
function sortKey(change: Change): string {
  const clouds = change.clouds ?? ['public']
  return subjectKey(change) + '\n' + clouds.map((cloud) => cloudIds.indexOf(cloud)).join(' ')
}

function subjectKey(change: Change): string {
  switch (change.rule) {
    case 'section-renamed':
      return change.before.section + '\n' + change.after.section
    case 'expressroute-exception-added':
    case 'expressroute-exception-removed':
      return change.message
    case 'page-added':
    case 'page-removed':
      return (change.after ?? change.before)?.path ?? ''
    case 'purpose-changed':
    case 'endpoint-set-moved':
    case 'endpoint-set-added':
    case 'endpoint-set-removed': {
      const set = change.after ?? change.before
      return set ? set.section + '\n' + set.purpose : ''
    }
    default:
      return change.destination.value + '\n' + change.destination.kind
  }
}
