/**
 * What a change rule's detection builds: a change of each shape of the diff document (a
 * destination, a row, a section, an ExpressRoute exception, a page), with the subject its
 * fingerprint hashes and the values its message fills in. The level and the message come from the
 * rule's record afterwards (`checkChanges`), so these builders know no rule.
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
import {normaliseText} from '../core/text.js'
import {destinationClouds, isPublicOnly, sortClouds} from './clouds.js'
import {destinationKey, portKeys, rowClouds, type AllowlistEntry, type ExceptionEntry, type PageEntry, type SectionRename} from './diff.js'

/**
 * A change before its level, message and clouds are known: the change (level and message filled
 * in from its rule), the subject its fingerprint hashes, the values of its message's placeholders,
 * and whether its destination is required in the new revision (for a rule's `requiredLevel`).
 */
export interface Draft<T extends Change = Change> {
  change: T
  subject: string
  values: Partial<Record<string, string>>
  required: boolean
}

/** A change found over the whole diff, with the clouds it concerns (none: left out). */
export interface Placed {
  draft: Draft
  clouds: readonly Cloud[]
}

/** What is known of a destination change when it is detected. */
export interface DestinationFacts {
  before?: AllowlistEntry
  after?: AllowlistEntry
  previous?: AllowlistEntry
  coveredBy?: AllowlistEntry
  replaces?: AllowlistEntry[] | undefined
  substitutes?: AllowlistEntry[] | undefined
  ports?: string[]
  /** Say `before` and `after` as routes (the public Internet, ExpressRoute), not requirements. */
  routes?: boolean
}

export function destinationChange(rule: DestinationChange['rule'], facts: DestinationFacts): Draft<DestinationChange> {
  const subject = (facts.after ?? facts.before)!
  const destination = ref(subject)
  const values: Record<string, string> = {destination: destination.value, requirement: subject.requirement, where: where(subject)}
  if (facts.previous) values['previous'] = facts.previous.value
  if (facts.coveredBy) values['coveredBy'] = facts.coveredBy.value
  if (facts.replaces) values['replaces'] = codeList(facts.replaces)
  if (facts.substitutes) values['substitutes'] = codeList(facts.substitutes)
  if (facts.ports) values['ports'] = facts.ports.join(', ')
  if (facts.before && facts.after) {
    values['before'] = facts.routes ? routeName(facts.before.route) : facts.before.requirement
    values['after'] = facts.routes ? routeName(facts.after.route) : facts.after.requirement
  }
  const subjectKey = (facts.previous ? destinationKey(facts.previous) + ' -> ' : '') + destinationKey(subject)

  const change: DestinationChange = {
    rule,
    level: 'info',
    fingerprint: fingerprint(rule, subjectKey),
    message: '',
    destination,
    ...(facts.previous ? {previous: ref(facts.previous)} : {}),
    ...(facts.coveredBy ? {coveredBy: ref(facts.coveredBy)} : {}),
    ...(facts.replaces ? {replaces: facts.replaces.map(ref) as [DestinationRef, ...DestinationRef[]]} : {}),
    ...(facts.substitutes ? {substitutes: facts.substitutes.map(ref) as [DestinationRef, ...DestinationRef[]]} : {}),
    ...(facts.ports ? {ports: facts.ports} : {}),
    before: facts.before ? state(facts.before) : null,
    after: facts.after ? state(facts.after) : null
  }
  return {change, subject: subjectKey, values, required: facts.after?.requirement === 'required'}
}

export function endpointSetChange(
  rule: EndpointSetChange['rule'],
  before: EndpointSet | undefined,
  after: EndpointSet | undefined,
  values: Record<string, string>
): Draft<EndpointSetChange> {
  // Whether the row lists destinations: the wording of a row added or removed says which (`{listing}` or `{empty}`).
  const set = after ?? before
  if (set) values[set.destinations.length > 0 ? 'listing' : 'empty'] = ''
  const subject = [before?.id ?? '', after?.id ?? ''].join(' -> ')
  const change: EndpointSetChange = {
    rule,
    level: 'info',
    fingerprint: fingerprint(rule, subject),
    message: '',
    before: before ? endpointSetRef(before) : null,
    after: after ? endpointSetRef(after) : null
  }
  return {change, subject, values, required: false}
}

export function sectionChange(rename: SectionRename): Draft<SectionChange> {
  const side = (pick: 'before' | 'after'): SectionState => {
    const sets = rename.pairs.map((pair) => pair[pick])
    return {section: rename[pick], source: sourceLine(sets[0]!), endpointSets: sets.map((set) => set.id)}
  }
  const subject = normaliseText(rename.before) + ' -> ' + normaliseText(rename.after)
  const change: SectionChange = {
    rule: 'section-renamed',
    level: 'info',
    fingerprint: fingerprint('section-renamed', subject),
    message: '',
    before: side('before'),
    after: side('after')
  }
  return {change, subject, values: {before: rename.before, after: rename.after}, required: false}
}

/** An ExpressRoute exception added (`after`) or removed (`before`), placed in the clouds compared that it concerns. */
export function exceptionChange(rule: ExpressRouteChange['rule'], entry: ExceptionEntry, side: 'before' | 'after', compared: Cloud[]): Placed {
  // An exception naming no destination is the public cloud's, as a destination without clouds.
  const clouds = (entry.destination ? destinationClouds(entry.destination) : (['public'] as const)).filter((cloud) => compared.includes(cloud))
  const first = entry.exceptions[0]!
  const named = entry.destination?.value ?? first.subject ?? first.activity
  const where = [...new Set(entry.exceptions.map((exception) => `${exception.section} / ${exception.activity}`))].join('; ')
  const refs = entry.exceptions.map(exceptionRef)
  const change: ExpressRouteChange = {
    rule,
    level: 'info',
    fingerprint: fingerprint(rule, entry.key),
    message: '',
    ...(entry.destination ? {exceptionDestination: {kind: entry.destination.kind, value: entry.destination.value}} : {}),
    before: side === 'before' ? refs : null,
    after: side === 'after' ? refs : null
  }
  return {draft: {change, subject: entry.key, values: {destination: named, where}, required: false}, clouds}
}

function exceptionRef(exception: ExpressRouteException): ExceptionRef {
  return {id: exception.id, scope: exception.scope, section: exception.section, activity: exception.activity, source: `${exception.source.path}:${exception.source.line}`}
}

const pageKinds: Record<Source['page'], string> = {urls: 'URL', expressroute: 'ExpressRoute'}

/** A page on one side only (it concerns every cloud compared): what it lists counts as added or removed. */
export function pageChange(rule: PageChange['rule'], {source, listed}: PageEntry, compared: Cloud[]): Placed {
  const unit = source.page === 'expressroute' ? 'exception' : 'destination'
  const ref = revisionSource(source)
  const subject = source.page + ' ' + source.path
  const change: PageChange = {
    rule,
    level: 'info',
    fingerprint: fingerprint(rule, subject),
    message: '',
    before: rule === 'page-removed' ? ref : null,
    after: rule === 'page-added' ? ref : null
  }
  const values = {kind: pageKinds[source.page], page: source.path, count: `${listed} ${unit}${listed === 1 ? '' : 's'}`}
  return {draft: {change, subject, values, required: false}, clouds: compared}
}

/** A row change in the clouds of the rows concerned, of those compared. */
export function rowPlaced(draft: Draft, rows: EndpointSet[], compared: Cloud[]): Placed {
  return {draft, clouds: sortClouds(rows.flatMap((set) => rowClouds(set))).filter((cloud) => compared.includes(cloud))}
}

/** A page as the diff document names it (schema/diff.schema.json#/$defs/revisionSource). */
export function revisionSource({path, page, title, msDate, sha256}: Source): RevisionSource {
  return {path, page, title, msDate, sha256}
}

/**
 * The change with the clouds it concerns, unless that is the public cloud alone (left unsaid, as
 * in the catalog); the clouds then count in its fingerprint, as part of its subject.
 */
export function withClouds<T extends Change>(draft: Draft<T>, clouds: readonly Cloud[]): T {
  if (isPublicOnly(clouds)) return draft.change
  const {rule, level, fingerprint: publicFingerprint, message, ...rest} = draft.change
  return {rule, level, fingerprint: fingerprint(rule, draft.subject + '\n' + clouds.join(' ')), message, clouds: [...clouds], ...rest} as T
}

/** `\`a\``, `\`a\`, \`b\``: destinations as a message names them. */
function codeList(entries: AllowlistEntry[]): string {
  return entries.map((entry) => '`' + entry.value + '`').join(', ')
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
  return {id: set.id, section: set.section, purpose: set.purpose, requirement: set.requirement, ...(set.direction === undefined ? {} : {direction: set.direction}), source: sourceLine(set)}
}

function sourceLine(set: EndpointSet): string {
  return `${set.source.path}:${set.source.line}`
}

/** `Section / purpose` of each row listing the destination, once each. */
function where(entry: AllowlistEntry): string {
  // A source of inbound traffic says so: it is allowed in from, not out to.
  return [...new Set(entry.endpointSets.map((set) => rowName(set.section, set.purpose) + (set.direction === 'inbound' ? ', inbound' : '')))].join('; ')
}

/** A row as a change names it: `Section / purpose`, or the section alone when the row has no purpose. */
export function rowName(section: string, purpose: string): string {
  return purpose.trim() === '' ? section : `${section} / ${purpose}`
}

function routeName(route: AllowlistEntry['route']): string {
  return route === 'internet' ? 'the public Internet' : route === 'expressroute' ? 'ExpressRoute' : 'unknown'
}

/** sha256 of rule and subject, shortened: the same change between other revisions keeps it. */
function fingerprint(rule: Change['rule'], subject: string): string {
  return createHash('sha256').update(rule + '\n' + subject).digest('hex').slice(0, 16)
}
