/**
 * Catalog × catalog → structural differences, at two levels: the effective allowlist (one entry
 * per destination) and the endpoint sets (table rows), matched across the two revisions.
 * Nothing here grades or words a change; checks in changes.ts do.
 */
import type {Catalog, Cloud, Destination, EndpointSet, ExpressRouteException, Port, Requirement, Source} from '../../generated/catalog.js'
import {compareText, normaliseText} from '../core/text.js'
import {comparePorts, destinationPorts, portKey, sortPorts} from '../compile/cells.js'
import {coveringWildcardPatterns, matchKey} from '../compile/destination.js'
import {destinationClouds, sortClouds} from './clouds.js'

/**
 * One destination of the effective allowlist of a revision. What it sums up over the rows listing
 * it is worked out when first asked for: a diff asks for few of them.
 */
export class AllowlistEntry {
  readonly key: string
  readonly kind: Destination['kind']
  readonly value: string
  /** For a URL: its host. */
  readonly host?: string
  readonly route: 'internet' | 'expressroute' | undefined
  /** The endpoint sets listing it, in page order. */
  readonly endpointSets: EndpointSet[] = []
  #requirement: Requirement | undefined
  #ports: Port[] | undefined

  constructor(key: string, destination: Destination) {
    this.key = key
    this.kind = destination.kind
    this.value = destination.value
    // `unknown` (a product without an ExpressRoute page) is no route to compare.
    const route = destination.expressRoute?.route
    this.route = route === 'unknown' ? undefined : route
    if (destination.host !== undefined) this.host = destination.host
  }

  /** The highest requirement of the endpoint sets listing it. */
  get requirement(): Requirement {
    this.#requirement ??= this.endpointSets.reduce<Requirement>(
      (highest, set) => (requirementRank[set.requirement] > requirementRank[highest] ? set.requirement : highest),
      'unknown'
    )
    return this.#requirement
  }

  /** The union of their ports (or of the ports written beside it), sorted. */
  get ports(): Port[] {
    if (this.#ports) return this.#ports
    const lists = this.endpointSets.map((set) => destinationPorts(set, set.destinations.find((d) => d.ports !== undefined && destinationKey(d) === this.key) ?? {}))
    // Most destinations are in one row, whose ports the compiler already sorted: check, not sort.
    const only = lists.length === 1 ? lists[0] : undefined
    this.#ports = only && isSorted(only) ? only.slice() : sortPorts(lists.flat())
    return this.#ports
  }

  /** For a reference: the link texts, as written, in page order. */
  get texts(): string[] {
    return distinct(this.listings().map((destination) => destination.text))
  }

  /** For a reference: the sentences around the link, as written, in page order. */
  get contexts(): string[] {
    return distinct(this.listings().map((destination) => destination.context))
  }

  /** The destination as each row listing it gives it. */
  private listings(): Destination[] {
    return this.endpointSets.flatMap((set) => set.destinations.filter((destination) => destinationKey(destination) === this.key))
  }
}

function distinct(values: Array<string | undefined>): string[] {
  return [...new Set(values.filter((value): value is string => value !== undefined))]
}

export type Allowlist = Map<string, AllowlistEntry>

export interface EndpointSetPair {
  before: EndpointSet
  after: EndpointSet
}

export interface SectionRename {
  before: string
  after: string
  /** The matched endpoint sets that link the two names, in old page order. */
  pairs: EndpointSetPair[]
}

/** What differs in the allowlist of one cloud. */
export interface CloudDifferences {
  cloud: Cloud
  /**
   * The allowlist entries of each revision that can take part in a change: the destinations
   * changed rows list (with every row listing them), and all wildcards (which may cover them).
   * A destination only unchanged rows list is listed the same way on both sides and left out.
   */
  before: Allowlist
  after: Allowlist
  /** Destinations only in the new revision (references paired as retargeted excluded). */
  added: AllowlistEntry[]
  /** Destinations only in the old revision (references paired as retargeted excluded). */
  removed: AllowlistEntry[]
  /**
   * Destinations in both revisions, except those listed only by rows that are the same in both
   * (same id, same content): those cannot have changed, and skipping them keeps a small edit to a
   * large page cheap.
   */
  kept: Array<{before: AllowlistEntry; after: AllowlistEntry}>
  /** A removed reference and the added one that took its place (same link text or sentence). */
  retargeted: Array<{before: AllowlistEntry; after: AllowlistEntry}>
  /** For each removed host, URL or wildcard a wildcard of the new revision covers: that wildcard. */
  coveredBy: Map<string, AllowlistEntry>
  /**
   * For each added one a wildcard listed in both revisions covers, as required and with its ports
   * in each: that wildcard. An administrator who allowed it and keeps it allows the destination.
   */
  alreadyCoveredBy: Map<string, AllowlistEntry>
  /** For each added one not already covered: the wildcards of the old revision that cover it and are gone. */
  replaces: Map<string, AllowlistEntry[]>
  /** For each removed wildcard: the added destinations that replace it (the inverse of `replaces`). */
  substitutes: Map<string, AllowlistEntry[]>
}

export interface Differences {
  /** The allowlist differences of each cloud compared, in the catalog's cloud order. */
  clouds: CloudDifferences[]
  endpointSets: {
    matched: EndpointSetPair[]
    added: EndpointSet[]
    removed: EndpointSet[]
  }
  sectionRenames: SectionRename[]
  /** ExpressRoute exceptions by what they name: added and removed. */
  exceptions: {added: ExceptionEntry[]; removed: ExceptionEntry[]}
  /** Pages on one side only (no page of the same kind to pair with on the other). */
  pages: {added: PageEntry[]; removed: PageEntry[]}
}

/** A page of one side, with how many destinations (URL page) or exceptions (ExpressRoute page) it gives. */
export interface PageEntry {
  source: Source
  listed: number
}

/**
 * What the ExpressRoute page says goes over the public Internet, one entry per destination an
 * exception names (or per exception, for a bullet that names none), with the exceptions naming it.
 */
export interface ExceptionEntry {
  key: string
  /** The destination named, or undefined for an exception that names none. */
  destination: Destination | undefined
  exceptions: ExpressRouteException[]
}

export interface CompareOptions {
  /** The clouds to compare (default: every cloud either catalog names). */
  clouds?: Cloud[]
}

const requirementRank: Record<Requirement, number> = {unknown: 0, optional: 1, required: 2}

/** Compare two catalogs; returns what differs, in a deterministic order. */
export function compare(before: Catalog, after: Catalog, options: CompareOptions = {}): Differences {
  const {matched, added, removed} = matchEndpointSets(before.endpointSets, after.endpointSets)
  const unchanged = unchangedRows(matched)
  const clouds = options.clouds ?? catalogClouds([before, after])
  return {
    clouds: clouds.map((cloud) => compareCloud(cloud, before, after, unchanged, matched)),
    endpointSets: {matched, added, removed},
    sectionRenames: sectionRenames(matched, before.endpointSets, after.endpointSets),
    exceptions: compareExceptions(before, after),
    pages: comparePages(before, after)
  }
}

/** The allowlist differences of one cloud: only the destinations that apply to it take part. */
function compareCloud(cloud: Cloud, before: Catalog, after: Catalog, unchanged: Set<EndpointSet>, matched: EndpointSetPair[]): CloudDifferences {
  const [old, current] = changedAllowlists(before, after, unchanged, cloud)
  const removedAll = missingFrom(old, current)
  const addedAll = missingFrom(current, old)
  const retargeted = pairReferences(
    removedAll.filter((entry) => entry.kind === 'reference'),
    addedAll.filter((entry) => entry.kind === 'reference'),
    matched
  )
  const paired = new Set(retargeted.flatMap(({before, after}) => [before.key, after.key]))

  const coveredBy = coveringWildcards(removedAll, current, () => true)
  // Covered only if an administrator who allowed the wildcard allowed all this destination needs,
  // and keeps it: a wildcard the new revision drops will be taken off the allowlist.
  const sufficient = (wildcard: AllowlistEntry, entry: AllowlistEntry): boolean =>
    requirementRank[wildcard.requirement] >= requirementRank[entry.requirement] &&
    portKeys(entry.ports).every((port) => portKeys(wildcard.ports).includes(port))
  const alreadyCoveredBy = coveringWildcards(addedAll, old, (wildcard, entry) => {
    const kept = current.get(wildcard.key)
    return kept !== undefined && sufficient(wildcard, entry) && sufficient(kept, entry)
  })
  const {replaces, substitutes} = substitutions(
    addedAll.filter((entry) => !alreadyCoveredBy.has(entry.key)),
    old,
    current
  )

  return {
    cloud,
    before: old,
    after: current,
    added: addedAll.filter((entry) => !paired.has(entry.key)),
    removed: removedAll.filter((entry) => !paired.has(entry.key)),
    kept: keptDestinations(old, current, unchanged),
    retargeted,
    coveredBy,
    alreadyCoveredBy,
    replaces,
    substitutes
  }
}

/**
 * Added destinations that stand in for wildcards the new revision dropped: for each, every
 * wildcard of the old revision covering it that the new one no longer lists; and the inverse.
 */
function substitutions(added: AllowlistEntry[], old: Allowlist, current: Allowlist): Pick<CloudDifferences, 'replaces' | 'substitutes'> {
  const replaces = new Map<string, AllowlistEntry[]>()
  const substitutes = new Map<string, AllowlistEntry[]>()
  for (const entry of added) {
    const key = matchKey(entry)
    if (key === undefined) continue
    for (const pattern of coveringWildcardPatterns(key)) {
      const wildcardKey = destinationKey({kind: 'wildcard', value: pattern})
      const wildcard = old.get(wildcardKey)
      if (wildcard === undefined || current.has(wildcardKey)) continue
      replaces.set(entry.key, [...(replaces.get(entry.key) ?? []), wildcard])
      substitutes.set(wildcard.key, [...(substitutes.get(wildcard.key) ?? []), entry])
    }
  }
  return {replaces, substitutes}
}

/** The clouds the destinations of some catalogs apply to, in the catalog's order. */
export function catalogClouds(catalogs: Catalog[]): Cloud[] {
  const found = new Set<Cloud>()
  for (const catalog of catalogs) {
    for (const set of catalog.endpointSets) {
      if (set.destinations.length === 0) found.add('public')
      for (const destination of set.destinations) for (const cloud of destinationClouds(destination)) found.add(cloud)
    }
  }
  // Two empty catalogs still compare something: the default cloud.
  return found.size === 0 ? ['public'] : sortClouds(found)
}

/** The clouds of a row: those of its destinations (a row without any: the public cloud). */
export function rowClouds(set: EndpointSet): readonly Cloud[] {
  if (set.destinations.length === 0) return ['public']
  if (set.destinations.every((destination) => destination.clouds === undefined)) return ['public']
  return sortClouds(set.destinations.flatMap((destination) => destinationClouds(destination)))
}

/** Exception entries of a catalog, keyed by the destination they name (or the exception itself). */
function exceptionEntries(catalog: Catalog): Map<string, ExceptionEntry> {
  const entries = new Map<string, ExceptionEntry>()
  for (const exception of catalog.expressRoute.exceptions) {
    const named = exception.destinations.length > 0 ? exception.destinations : [undefined]
    for (const destination of named) {
      // An exception naming no destination is known by its scope and activity (which its id hashes).
      const key = destination ? destinationKey(destination) : 'exception ' + exception.id
      const entry = entries.get(key) ?? {key, destination, exceptions: []}
      if (!entry.exceptions.includes(exception)) entry.exceptions.push(exception)
      entries.set(key, entry)
    }
  }
  return entries
}

function compareExceptions(before: Catalog, after: Catalog): Differences['exceptions'] {
  const old = exceptionEntries(before)
  const current = exceptionEntries(after)
  return {
    added: [...current.values()].filter((entry) => !old.has(entry.key)),
    removed: [...old.values()].filter((entry) => !current.has(entry.key))
  }
}

/**
 * Pages on one side only. Pages pair by kind (a URL page with a URL page): by path first, then
 * the rest in path order; what is left over on either side is reported. A side without any page
 * (the empty catalog before a first release) compares no page set, and gives no page change.
 */
function comparePages(before: Catalog, after: Catalog): Differences['pages'] {
  const pages: Differences['pages'] = {added: [], removed: []}
  if (before.sources.length === 0 || after.sources.length === 0) return pages
  for (const kind of ['urls', 'expressroute'] as const) {
    const old = before.sources.filter((source) => source.page === kind)
    const current = after.sources.filter((source) => source.page === kind)
    const paths = new Set(old.map((source) => source.path))
    const samePath = new Set(current.filter((source) => paths.has(source.path)).map((source) => source.path))
    const restOld = old.filter((source) => !samePath.has(source.path))
    const restCurrent = current.filter((source) => !samePath.has(source.path))
    for (const source of restOld.slice(restCurrent.length)) pages.removed.push(pageEntry(source, before))
    for (const source of restCurrent.slice(restOld.length)) pages.added.push(pageEntry(source, after))
  }
  return pages
}

function pageEntry(source: Source, catalog: Catalog): PageEntry {
  if (source.page === 'expressroute') {
    return {source, listed: catalog.expressRoute.exceptions.filter((exception) => exception.source.path === source.path).length}
  }
  const keys = new Set<string>()
  for (const set of catalog.endpointSets) {
    if (set.source.path === source.path) for (const destination of set.destinations) keys.add(destinationKey(destination))
  }
  return {source, listed: keys.size}
}

/** The entries of `list` that `other` does not have, in `list` order. */
function missingFrom(list: Allowlist, other: Allowlist): AllowlistEntry[] {
  const missing: AllowlistEntry[] = []
  for (const [key, entry] of list) if (!other.has(key)) missing.push(entry)
  return missing
}

/** The rows of both revisions that are in an id-matched pair with the same content (source aside). */
function unchangedRows(matched: EndpointSetPair[]): Set<EndpointSet> {
  const rows = new Set<EndpointSet>()
  for (const {before, after} of matched) {
    if (before.id === after.id && sameContent(before, after)) {
      rows.add(before)
      rows.add(after)
    }
  }
  return rows
}

function sameContent(a: EndpointSet, b: EndpointSet): boolean {
  const keys = Object.keys(a) as Array<keyof EndpointSet>
  return keys.length === Object.keys(b).length && keys.every((key) => key === 'source' || (key in b && sameJson(a[key], b[key])))
}

/** Equality of JSON values; far cheaper than a general deep equality on 10^5 rows. */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false
    for (let index = 0; index < a.length; index++) if (!sameJson(a[index], b[index])) return false
    return true
  }
  if (Array.isArray(b)) return false
  const keys = Object.keys(a)
  if (keys.length !== Object.keys(b).length) return false
  for (const key of keys) {
    if (!(key in b) || !sameJson((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) return false
  }
  return true
}

/** Destinations in both allowlists, but for those only unchanged rows list (on both sides, so the same rows). */
function keptDestinations(old: Allowlist, current: Allowlist, unchanged: Set<EndpointSet>): CloudDifferences['kept'] {
  const kept: CloudDifferences['kept'] = []
  for (const entry of current.values()) {
    const previous = old.get(entry.key)
    if (previous === undefined) continue
    const same =
      previous.endpointSets.length === entry.endpointSets.length &&
      previous.endpointSets.every((set) => unchanged.has(set)) &&
      entry.endpointSets.every((set) => unchanged.has(set))
    if (!same) kept.push({before: previous, after: entry})
  }
  return kept
}

/**
 * The allowlists of two revisions, limited to what can differ: rows that are the same on both
 * sides (`unchanged`) add only the destinations a changed row also lists, and wildcards. A small
 * edit to a large page then builds entries for few destinations instead of all of them.
 */
function changedAllowlists(before: Catalog, after: Catalog, unchanged: Set<EndpointSet>, cloud: Cloud): [Allowlist, Allowlist] {
  const old = new Map<string, AllowlistEntry>()
  const current = new Map<string, AllowlistEntry>()
  const changed = (set: EndpointSet): boolean => !unchanged.has(set)
  const inCloud = (destination: Destination): boolean => destinationClouds(destination).includes(cloud)
  addListings(old, before.endpointSets, changed, (_, destination) => inCloud(destination))
  addListings(current, after.endpointSets, changed, (_, destination) => inCloud(destination))
  // An unchanged row is on both sides, so a destination it lists is listed on both: it matters only
  // where a changed row also lists it (on either side), or as a wildcard that may cover another.
  // (What this pass adds is a wildcard or already there, so it does not widen what is wanted.)
  const wanted = (key: string, destination: Destination): boolean =>
    inCloud(destination) && (destination.kind === 'wildcard' || old.has(key) || current.has(key))
  addListings(old, before.endpointSets, (set) => unchanged.has(set), wanted)
  addListings(current, after.endpointSets, (set) => unchanged.has(set), wanted)
  sortListings(old)
  sortListings(current)
  return [old, current]
}

/** Add to `entries` the destinations of the rows `rows` picks, where `wanted`. */
function addListings(
  entries: Allowlist,
  sets: EndpointSet[],
  rows: (set: EndpointSet) => boolean,
  wanted: (key: string, destination: Destination) => boolean
): void {
  for (const set of sets) {
    if (!rows(set)) continue
    for (const destination of set.destinations) {
      const key = destinationKey(destination)
      if (!wanted(key, destination)) continue
      let entry = entries.get(key)
      if (!entry) {
        entry = new AllowlistEntry(key, destination)
        entries.set(key, entry)
      }
      if (entry.endpointSets[entry.endpointSets.length - 1] !== set) entry.endpointSets.push(set)
    }
  }
}

/** The effective allowlist of a catalog: each destination once, in the order the catalog first lists it. */
export function allowlist(catalog: Catalog): Allowlist {
  const entries: Allowlist = new Map()
  addListings(entries, catalog.endpointSets, () => true, () => true)
  sortListings(entries)
  return entries
}

/** Each entry's rows in page order (rows were added in two passes, or listed twice). */
function sortListings(entries: Allowlist): void {
  for (const entry of entries.values()) if (entry.endpointSets.length > 1) entry.endpointSets.sort(bySource)
}

/** Whether ports are in `sortPorts` order, without duplicates. */
function isSorted(ports: Port[]): boolean {
  for (let index = 1; index < ports.length; index++) if (comparePorts(ports[index - 1]!, ports[index]!) >= 0) return false
  return true
}

/**
 * For each host, URL or wildcard of `entries` a wildcard of `list` covers (and `accept`s), that
 * wildcard: the narrowest, as it names the rule an administrator most likely has.
 */
function coveringWildcards(
  entries: AllowlistEntry[],
  list: Allowlist,
  accept: (wildcard: AllowlistEntry, entry: AllowlistEntry) => boolean
): Map<string, AllowlistEntry> {
  const found = new Map<string, AllowlistEntry>()
  for (const entry of entries) {
    const key = matchKey(entry)
    if (key === undefined) continue
    // Look up the few wildcards that could cover the key rather than test every wildcard: with
    // both lists growing with the page, testing all of them is quadratic.
    for (const pattern of coveringWildcardPatterns(key)) {
      const wildcard = list.get(destinationKey({kind: 'wildcard', value: pattern}))
      if (wildcard && accept(wildcard, entry)) {
        found.set(entry.key, wildcard)
        break
      }
    }
  }
  return found
}

/** How a destination is known across revisions: its kind and its normalised value. */
export function destinationKey(destination: Pick<Destination, 'kind' | 'value'>): string {
  return destination.kind + ' ' + destination.value
}

/** Port keys (`tcp/443`) of a list of ports. */
export function portKeys(ports: Port[]): string[] {
  return ports.map((port) => portKey(port))
}

/**
 * Match the rows of two revisions: by id (same section and purpose), then by shared destinations
 * and purpose similarity, then by purpose similarity within corresponding sections. Every score
 * is symmetric, so matching NEW against OLD gives the same pairs the other way round.
 */
function matchEndpointSets(before: EndpointSet[], after: EndpointSet[]): Differences['endpointSets'] {
  const matched: EndpointSetPair[] = []
  const afterById = new Map(after.map((set) => [set.id, set]))
  const unmatchedBefore: EndpointSet[] = []
  for (const set of before) {
    const same = afterById.get(set.id)
    if (same) {
      matched.push({before: set, after: same})
      afterById.delete(set.id)
    } else {
      unmatchedBefore.push(set)
    }
  }
  // Only rows left without a same-id partner need what fuzzy matching compares.
  const unmatchedIds = new Set(afterById.keys())
  const open = {before: new Set(unmatchedBefore.map(row)), after: new Set(after.filter((set) => unmatchedIds.has(set.id)).map(row))}

  // Rows that share destinations: most overlap first, then the most similar purpose.
  greedy(open, matched, candidatesBy(open, (item) => item.keys), (a, b) => {
    const overlap = jaccard(a.keys, b.keys)
    const purpose = dice(a.words, b.words)
    if (overlap < 0.5 && purpose < 0.5) return undefined
    return 2 * overlap + purpose + (a.section === b.section ? 0.5 : 0)
  })

  // Rows whose destinations all changed: a similar purpose in the same (or a renamed) section.
  const renamed = new Map(sectionRenames(matched, before, after).map((rename) => [normaliseText(rename.before), normaliseText(rename.after)]))
  greedy(open, matched, candidatesBy(open, (item) => item.words), (a, b) => {
    if (a.section !== b.section && renamed.get(a.section) !== b.section) return undefined
    const purpose = dice(a.words, b.words)
    return purpose >= 0.5 ? purpose : undefined
  })

  return {
    matched: matched.sort((a, b) => bySource(a.before, b.before)),
    added: [...open.after].map((item) => item.set).sort(bySource),
    removed: [...open.before].map((item) => item.set).sort(bySource)
  }
}

/** Rows (old and new together) a destination or purpose word may be in and still help match them. */
const commonKey = 100

/**
 * Candidates for a row of OLD: the open rows of NEW sharing one of its `keys`. A key in very many
 * rows tells none of them apart, so it proposes none (the bound keeps matching near-linear); it is
 * counted on both sides, so the diff's direction does not matter.
 */
function candidatesBy(open: {before: Set<Row>; after: Set<Row>}, keys: (item: Row) => Set<string>): (a: Row) => Row[] {
  const after = index(open.after, keys)
  const before = index(open.before, keys)
  const telling = (key: string): boolean => (after.get(key)?.length ?? 0) + (before.get(key)?.length ?? 0) <= commonKey
  return (a) => [...keys(a)].filter(telling).flatMap((key) => after.get(key) ?? [])
}

/** A row with what matching compares, computed once. */
interface Row {
  set: EndpointSet
  keys: Set<string>
  words: Set<string>
  section: string
}

function row(set: EndpointSet): Row {
  return {set, keys: new Set(set.destinations.map(destinationKey)), words: words(set.purpose), section: normaliseText(set.section)}
}

/** Items by key; an item is listed once under each of its distinct keys. */
function index<T>(items: Iterable<T>, keys: (item: T) => Iterable<string>): Map<string, T[]> {
  const found = new Map<string, T[]>()
  for (const item of items) {
    for (const key of new Set(keys(item))) {
      const list = found.get(key) ?? []
      list.push(item)
      found.set(key, list)
    }
  }
  return found
}

/**
 * Pair up open rows by descending score, each row at most once. `candidates` narrows the rows of
 * NEW worth scoring against a row of OLD; `score` returns undefined for no match.
 */
function greedy(
  open: {before: Set<Row>; after: Set<Row>},
  matched: EndpointSetPair[],
  candidates: (a: Row) => Iterable<Row>,
  score: (a: Row, b: Row) => number | undefined
): void {
  const scored: Array<{before: Row; after: Row; score: number}> = []
  for (const a of open.before) {
    for (const b of new Set(candidates(a))) {
      if (!open.after.has(b)) continue
      const value = score(a, b)
      if (value !== undefined) scored.push({before: a, after: b, score: value})
    }
  }
  scored.sort((x, y) => y.score - x.score || compareSymmetric(x.before.set.id, x.after.set.id, y.before.set.id, y.after.set.id))
  for (const {before, after} of scored) {
    if (!open.before.has(before) || !open.after.has(after)) continue
    matched.push({before: before.set, after: after.set})
    open.before.delete(before)
    open.after.delete(after)
  }
}

/**
 * Sections renamed: a heading of OLD that NEW no longer has, whose matched rows went to a heading
 * NEW has and OLD had not. Each name is renamed at most once, to the name most of its rows went to.
 */
function sectionRenames(matched: EndpointSetPair[], before: EndpointSet[], after: EndpointSet[]): SectionRename[] {
  // Normalise each distinct heading once: a large page has many rows and few headings.
  const oldSections = new Set([...new Set(before.map((set) => set.section))].map(normaliseText))
  const newSections = new Set([...new Set(after.map((set) => set.section))].map(normaliseText))
  const groups = new Map<string, SectionRename>()
  for (const pair of matched) {
    if (pair.before.section === pair.after.section) continue
    const from = normaliseText(pair.before.section)
    const to = normaliseText(pair.after.section)
    if (from === to || newSections.has(from) || oldSections.has(to)) continue
    const key = from + '\n' + to
    const group = groups.get(key) ?? {before: pair.before.section, after: pair.after.section, pairs: []}
    group.pairs.push(pair)
    groups.set(key, group)
  }

  const renames: SectionRename[] = []
  const used = {before: new Set<string>(), after: new Set<string>()}
  const ranked = [...groups.values()].sort(
    (a, b) => b.pairs.length - a.pairs.length || compareText(symmetricKey(a.before, a.after), symmetricKey(b.before, b.after))
  )
  for (const group of ranked) {
    const from = normaliseText(group.before)
    const to = normaliseText(group.after)
    if (used.before.has(from) || used.after.has(to)) continue
    used.before.add(from)
    used.after.add(to)
    group.pairs.sort((a, b) => bySource(a.before, b.before))
    const first = group.pairs[0]!
    renames.push({before: first.before.section, after: first.after.section, pairs: group.pairs})
  }
  return renames.sort((a, b) => bySource(a.pairs[0]!.before, b.pairs[0]!.before))
}

/**
 * Pair removed references with added ones that took their place: same link text, same sentence
 * around the link, or in the same (matched) row; the more of these, the better the pair.
 */
function pairReferences(
  removed: AllowlistEntry[],
  added: AllowlistEntry[],
  matched: EndpointSetPair[]
): Array<{before: AllowlistEntry; after: AllowlistEntry}> {
  const removedByKey = new Map(removed.map((entry) => [entry.key, entry]))
  const addedByKey = new Map(added.map((entry) => [entry.key, entry]))
  const score = new Map<string, {before: AllowlistEntry; after: AllowlistEntry; score: number}>()
  const credit = (before: AllowlistEntry, after: AllowlistEntry): void => {
    const key = before.key + '\n' + after.key
    const candidate = score.get(key) ?? {before, after, score: 0}
    candidate.score++
    score.set(key, candidate)
  }

  for (const pair of matched) {
    const befores = pair.before.destinations.flatMap((d) => removedByKey.get(destinationKey(d)) ?? [])
    const afters = pair.after.destinations.flatMap((d) => addedByKey.get(destinationKey(d)) ?? [])
    for (const before of befores) for (const after of afters) credit(before, after)
  }
  // A link text or sentence counts only where it names one reference on each side: `here` says nothing.
  for (const texts of ['texts', 'contexts'] as const) {
    const removedByText = index(removed, (entry) => entry[texts].map(normaliseText))
    const addedByText = index(added, (entry) => entry[texts].map(normaliseText))
    for (const [text, befores] of removedByText) {
      const afters = addedByText.get(text)
      if (befores.length === 1 && afters?.length === 1) credit(befores[0]!, afters[0]!)
    }
  }

  const candidates = [...score.values()]
    .map((candidate) => ({...candidate, tie: symmetricKey(candidate.before.value, candidate.after.value)}))
    .sort((a, b) => b.score - a.score || compareText(a.tie, b.tie))
  const used = new Set<string>()
  const pairs: Array<{before: AllowlistEntry; after: AllowlistEntry}> = []
  for (const {before, after} of candidates) {
    if (used.has(before.key) || used.has(after.key)) continue
    used.add(before.key)
    used.add(after.key)
    pairs.push({before, after})
  }
  return pairs.sort((a, b) => compareText(a.after.value, b.after.value) || compareText(a.before.value, b.before.value))
}

const stopWords = new Set(['a', 'an', 'and', 'as', 'for', 'from', 'in', 'of', 'on', 'or', 'the', 'to', 'with'])

/** The words of a purpose, stop words aside. */
function words(text: string): Set<string> {
  return new Set(normaliseText(text).split(' ').filter((word) => word !== '' && !stopWords.has(word)))
}

/** Dice coefficient of two word sets: 1 for the same words, 0 for none in common. */
function dice(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 1
  let shared = 0
  for (const word of a) if (b.has(word)) shared++
  return (2 * shared) / (a.size + b.size)
}

function jaccard(a: Set<string>, b: Set<string>): number {
  let shared = 0
  for (const key of a) if (b.has(key)) shared++
  const union = a.size + b.size - shared
  return union === 0 ? 0 : shared / union
}

/** The same key for (a, b) and (b, a): keeps tie-breaks independent of the diff's direction. */
function symmetricKey(a: string, b: string): string {
  return compareText(a, b) <= 0 ? a + '\n' + b : b + '\n' + a
}

/** Order the pairs (a, b) and (c, d) as their symmetric keys would, without building them. */
function compareSymmetric(a: string, b: string, c: string, d: string): number {
  const swapX = compareText(a, b) > 0
  const swapY = compareText(c, d) > 0
  return compareText(swapX ? b : a, swapY ? d : c) || compareText(swapX ? a : b, swapY ? c : d)
}

function bySource(a: EndpointSet, b: EndpointSet): number {
  return compareText(a.source.path, b.source.path) || a.source.line - b.source.line || a.source.column - b.source.column
}
