/**
 * Catalog × catalog → structural differences, at two levels: the effective allowlist (one entry
 * per destination) and the endpoint sets (table rows), matched across the two revisions.
 * Nothing here grades or words a change; checks in changes.ts do.
 */
import type {Catalog, Destination, EndpointSet, Port, Requirement} from '../../generated/catalog.js'
import {compareText} from '../compile/catalog.js'
import {portKey, sortPorts} from '../compile/cells.js'
import {covers, matchKey} from '../compile/destination.js'

/** One destination of the effective allowlist of a revision. */
export interface AllowlistEntry {
  key: string
  kind: Destination['kind']
  value: string
  /** For a URL: its host. */
  host?: string
  /** The highest requirement of the endpoint sets listing it. */
  requirement: Requirement
  /** The union of their ports, sorted. */
  ports: Port[]
  route: 'internet' | 'expressroute' | undefined
  /** For a reference: the link texts and the sentences around the link, as written. */
  texts: string[]
  contexts: string[]
  /** The endpoint sets listing it, in page order. */
  endpointSets: EndpointSet[]
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

export interface Differences {
  before: Allowlist
  after: Allowlist
  /** Destinations only in the new revision (references paired as retargeted excluded). */
  added: AllowlistEntry[]
  /** Destinations only in the old revision (references paired as retargeted excluded). */
  removed: AllowlistEntry[]
  /** Destinations in both revisions. */
  kept: Array<{before: AllowlistEntry; after: AllowlistEntry}>
  /** A removed reference and the added one that took its place (same link text or sentence). */
  retargeted: Array<{before: AllowlistEntry; after: AllowlistEntry}>
  /** For each removed host, URL or wildcard a wildcard of the new revision covers: that wildcard. */
  coveredBy: Map<string, AllowlistEntry>
  /** For each added one a wildcard of the old revision covered, as required and with its ports: that wildcard. */
  alreadyCoveredBy: Map<string, AllowlistEntry>
  endpointSets: {
    matched: EndpointSetPair[]
    added: EndpointSet[]
    removed: EndpointSet[]
  }
  sectionRenames: SectionRename[]
}

const requirementRank: Record<Requirement, number> = {unknown: 0, optional: 1, required: 2}

/** Compare two catalogs; returns what differs, in a deterministic order. */
export function compare(before: Catalog, after: Catalog): Differences {
  const old = allowlist(before)
  const current = allowlist(after)
  const removedAll = [...old.values()].filter((entry) => !current.has(entry.key))
  const addedAll = [...current.values()].filter((entry) => !old.has(entry.key))

  const {matched, added, removed} = matchEndpointSets(before.endpointSets, after.endpointSets)
  const retargeted = pairReferences(
    removedAll.filter((entry) => entry.kind === 'reference'),
    addedAll.filter((entry) => entry.kind === 'reference'),
    matched
  )
  const paired = new Set(retargeted.flatMap(({before, after}) => [before.key, after.key]))

  const coveredBy = coveringWildcards(removedAll, current, () => true)
  // Covered only if an administrator who allowed the wildcard allowed all this destination needs.
  const alreadyCoveredBy = coveringWildcards(
    addedAll,
    old,
    (wildcard, entry) =>
      requirementRank[wildcard.requirement] >= requirementRank[entry.requirement] &&
      portKeys(entry.ports).every((port) => portKeys(wildcard.ports).includes(port))
  )

  return {
    before: old,
    after: current,
    added: addedAll.filter((entry) => !paired.has(entry.key)),
    removed: removedAll.filter((entry) => !paired.has(entry.key)),
    kept: [...current.values()].flatMap((entry) => {
      const previous = old.get(entry.key)
      return previous ? [{before: previous, after: entry}] : []
    }),
    retargeted,
    coveredBy,
    alreadyCoveredBy,
    endpointSets: {matched, added, removed},
    sectionRenames: sectionRenames(matched, before.endpointSets, after.endpointSets)
  }
}

/** The effective allowlist of a catalog: each destination once, sorted by kind and value. */
export function allowlist(catalog: Catalog): Allowlist {
  const entries = new Map<string, AllowlistEntry>()
  for (const set of catalog.endpointSets) {
    for (const destination of set.destinations) {
      const key = destinationKey(destination)
      let entry = entries.get(key)
      if (!entry) {
        entry = {
          key,
          kind: destination.kind,
          value: destination.value,
          requirement: set.requirement,
          ports: [],
          route: destination.expressRoute?.route,
          texts: [],
          contexts: [],
          endpointSets: [],
          ...(destination.host === undefined ? {} : {host: destination.host})
        }
        entries.set(key, entry)
      }
      if (requirementRank[set.requirement] > requirementRank[entry.requirement]) entry.requirement = set.requirement
      entry.ports = sortPorts([...entry.ports, ...set.ports])
      if (destination.text !== undefined && !entry.texts.includes(destination.text)) entry.texts.push(destination.text)
      if (destination.context !== undefined && !entry.contexts.includes(destination.context)) entry.contexts.push(destination.context)
      if (!entry.endpointSets.includes(set)) entry.endpointSets.push(set)
    }
  }
  for (const entry of entries.values()) entry.endpointSets.sort(bySource)
  return new Map([...entries].sort(([a], [b]) => compareText(a, b)))
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
  const wildcards = [...list.values()].filter((entry) => entry.kind === 'wildcard')
  const found = new Map<string, AllowlistEntry>()
  for (const entry of entries) {
    const key = matchKey(entry)
    if (key === undefined) continue
    const wildcard = wildcards
      .filter((candidate) => covers(candidate.value, key) && accept(candidate, entry))
      .sort((a, b) => b.value.length - a.value.length || compareText(a.value, b.value))[0]
    if (wildcard) found.set(entry.key, wildcard)
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
export function matchEndpointSets(before: EndpointSet[], after: EndpointSet[]): Differences['endpointSets'] {
  const matched: EndpointSetPair[] = []
  const afterById = new Map(after.map((set) => [set.id, set]))
  const open = {before: new Set<EndpointSet>(), after: new Set(after)}
  for (const set of before) {
    const same = afterById.get(set.id)
    if (same) {
      matched.push({before: set, after: same})
      open.after.delete(same)
    } else {
      open.before.add(set)
    }
  }

  // Rows that share destinations: most overlap first, then the most similar purpose.
  greedy(open, matched, (a, b) => {
    const overlap = jaccard(destinationKeys(a), destinationKeys(b))
    if (overlap === 0) return undefined
    const purpose = similarity(a.purpose, b.purpose)
    const section = sameText(a.section, b.section)
    if (overlap < 0.5 && purpose < 0.5 && !section) return undefined
    return 2 * overlap + purpose + (section ? 0.5 : 0)
  })

  // Rows whose destinations all changed: a similar purpose in the same (or a renamed) section.
  const renames = sectionRenames(matched, before, after)
  const corresponding = (a: EndpointSet, b: EndpointSet): boolean =>
    sameText(a.section, b.section) ||
    renames.some((rename) => sameText(rename.before, a.section) && sameText(rename.after, b.section))
  greedy(open, matched, (a, b) => {
    if (!corresponding(a, b)) return undefined
    const purpose = similarity(a.purpose, b.purpose)
    return purpose >= 0.5 ? purpose : undefined
  })

  return {
    matched: matched.sort((a, b) => bySource(a.before, b.before)),
    added: [...open.after].sort(bySource),
    removed: [...open.before].sort(bySource)
  }
}

/** Pair up open rows by descending score (undefined: not a candidate), each row at most once. */
function greedy(
  open: {before: Set<EndpointSet>; after: Set<EndpointSet>},
  matched: EndpointSetPair[],
  score: (a: EndpointSet, b: EndpointSet) => number | undefined
): void {
  const candidates: Array<{pair: EndpointSetPair; score: number; tie: string}> = []
  for (const a of open.before) {
    for (const b of open.after) {
      const value = score(a, b)
      if (value !== undefined) candidates.push({pair: {before: a, after: b}, score: value, tie: symmetricKey(a.id, b.id)})
    }
  }
  candidates.sort((x, y) => y.score - x.score || compareText(x.tie, y.tie))
  for (const {pair} of candidates) {
    if (!open.before.has(pair.before) || !open.after.has(pair.after)) continue
    matched.push(pair)
    open.before.delete(pair.before)
    open.after.delete(pair.after)
  }
}

/**
 * Sections renamed: a heading of OLD that NEW no longer has, whose matched rows went to a heading
 * NEW has and OLD had not. Each name is renamed at most once, to the name most of its rows went to.
 */
export function sectionRenames(matched: EndpointSetPair[], before: EndpointSet[], after: EndpointSet[]): SectionRename[] {
  const oldSections = new Set(before.map((set) => normaliseText(set.section)))
  const newSections = new Set(after.map((set) => normaliseText(set.section)))
  const groups = new Map<string, SectionRename>()
  for (const pair of matched) {
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
  const candidates: Array<{before: AllowlistEntry; after: AllowlistEntry; score: number; tie: string}> = []
  for (const before of removed) {
    for (const after of added) {
      const text = overlaps(before.texts, after.texts)
      const context = overlaps(before.contexts, after.contexts)
      const rows = matched.filter(
        (pair) => pair.before.destinations.some((d) => destinationKey(d) === before.key) && pair.after.destinations.some((d) => destinationKey(d) === after.key)
      ).length
      const score = rows + Number(text) + Number(context)
      if (score > 0) candidates.push({before, after, score, tie: symmetricKey(before.value, after.value)})
    }
  }
  candidates.sort((a, b) => b.score - a.score || compareText(a.tie, b.tie))
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

/** Text compared the way a reader would: case, punctuation and spacing aside. */
export function normaliseText(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim()
}

export function sameText(a: string, b: string): boolean {
  return normaliseText(a) === normaliseText(b)
}

function overlaps(a: string[], b: string[]): boolean {
  const normalised = new Set(a.map(normaliseText))
  return b.some((text) => normalised.has(normaliseText(text)))
}

const stopWords = new Set(['a', 'an', 'and', 'as', 'for', 'from', 'in', 'of', 'on', 'or', 'the', 'to', 'with'])

/** Dice coefficient of the words of two purposes (stop words aside): 1 for the same words. */
export function similarity(a: string, b: string): number {
  const words = (text: string): Set<string> =>
    new Set(normaliseText(text).split(' ').filter((word) => word !== '' && !stopWords.has(word)))
  const x = words(a)
  const y = words(b)
  if (x.size === 0 && y.size === 0) return 1
  let shared = 0
  for (const word of x) if (y.has(word)) shared++
  return (2 * shared) / (x.size + y.size)
}

function destinationKeys(set: EndpointSet): Set<string> {
  return new Set(set.destinations.map((destination) => destinationKey(destination)))
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

function bySource(a: EndpointSet, b: EndpointSet): number {
  return compareText(a.source.path, b.source.path) || a.source.line - b.source.line || a.source.column - b.source.column
}
