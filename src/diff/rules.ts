/**
 * The one registry of change rules. A rule is one record: its id and level, the shape of change it
 * makes (which record of schema/diff.schema.json), its effect on an allow-list, how it is detected
 * from the differences between two catalogs, its wording (the message template of the text and
 * JSON formats, the few words of the markdown table that the PR comment and CHANGELOG.md show), and
 * how the m365 changes format records it. `checkChanges` runs every rule's detection; the writers
 * read the record; the schema's rule enums are generated from it (`npm run types`). Adding a rule is
 * adding a record here.
 */
import type {Cloud} from '../../generated/catalog.js'
import type {
  Change,
  DestinationChange,
  DestinationState,
  EndpointSetChange,
  ExpressRouteChange,
  PageChange,
  SectionChange
} from '../../generated/diff.js'
import {normaliseText} from '../core/text.js'
import type {Level} from '../rules.js'
import {destinationClouds} from './clouds.js'
import {destinationKey, portKeys, rowClouds, type AllowlistEntry, type CloudDifferences, type Differences} from './diff.js'
import {destinationChange, endpointSetChange, exceptionChange, pageChange, rowPlaced, sectionChange, type Draft, type Placed} from './drafts.js'

/** The records of the diff document a rule's changes take (schema/diff.schema.json `$defs`). */
export interface ChangeShapes {
  destination: DestinationChange
  endpointSet: EndpointSetChange
  section: SectionChange
  expressRoute: ExpressRouteChange
  page: PageChange
}
export type ChangeShape = keyof ChangeShapes

/** The schema definition (`$defs`) each shape's rule enum lives in. */
export const shapeDefinitions: Record<ChangeShape, string> = {
  destination: 'destinationChange',
  endpointSet: 'endpointSetChange',
  section: 'sectionChange',
  expressRoute: 'expressRouteChange',
  page: 'pageChange'
}

/**
 * What a change does to an allow-list: a destination to add or remove, a requirement, its ports or
 * its route that changed, a row (endpoint set or section) regrouped with the list unchanged, or a
 * page (compared on one side only, or a reference now pointing elsewhere) to read.
 */
export const changeEffects = ['add', 'remove', 'requirement', 'ports', 'route', 'row', 'page'] as const
export type ChangeEffect = (typeof changeEffects)[number]

/**
 * How the m365 changes format records a change, per endpoint set it names: the destination into
 * the `add` or `remove` lists; `required`, the ports or `expressRoute` before and after; `other`,
 * a record with no value of its own; a row added, removed or reworded (its number kept); a section
 * renamed or a change without endpoint sets (`noRecord`): counted in a note, no record.
 */
export const m365Impacts = [
  'add',
  'remove',
  'required',
  'ports',
  'expressRoute',
  'other',
  'rowAdded',
  'rowRemoved',
  'rowReworded',
  'sectionRenamed',
  'noRecord'
] as const
export type M365Impact = (typeof m365Impacts)[number]

/**
 * How a rule finds its changes: in each cloud's differences (the changes of the clouds that say
 * alike are merged afterwards), or once over the whole diff, each change with the clouds it
 * concerns.
 */
export type Detection =
  | {per: 'cloud'; find: (part: CloudDifferences, differences: Differences) => Draft[]}
  | {per: 'diff'; find: (differences: Differences, compared: Cloud[]) => Placed[]}

/** Markdown pieces a rule's table wording may use; every value from a page goes through them escaped. */
export interface MarkdownWords {
  /** Text from a page, escaped. */
  text(value: string): string
  /** A value as a code span when that is safe. */
  code(value: string): string
  /** `; add before you remove \`a\``, or nothing. */
  replaces(change: DestinationChange): string
  /** `; allow its substitutes \`a\` first`, or nothing. */
  substitutes(change: DestinationChange): string
  /** The wildcard covering the destination. */
  covering(change: DestinationChange): string
  /** A route as the table says it: Internet, ExpressRoute, unknown. */
  route(state: DestinationState | null): string
}

export interface ChangeRule<S extends ChangeShape = ChangeShape> {
  /** Level of a change of this rule. */
  level: Level
  /** Level instead, when the destination is required in the new revision (see `ports-added`). */
  requiredLevel?: Level
  /** The record of the diff document its changes take. */
  shape: S
  effect: ChangeEffect
  m365: M365Impact
  detect: Detection
  /**
   * What a change says (text and JSON formats, the Atom feed), with `{placeholders}`:
   * `destination`, `previous`, `coveredBy`, `replaces`, `substitutes`, `ports`, `requirement`,
   * `before`, `after`, `section`, `purpose`, `where` (the section / purpose list), `page`, `kind`,
   * `count`, and `listing` or `empty` (said as nothing: whether a row lists destinations). A
   * `[bracketed part]` is said only when all its placeholders have a value.
   */
  message: string
  /** The "Change" cell of the markdown table (the pull request comment, CHANGELOG.md). */
  markdown(change: ChangeShapes[S], words: MarkdownWords): string
  description: string
}

/** A change with the shape its rule gives it: a union a `switch` on `shape` narrows. */
export type ShapedChange = {[S in ChangeShape]: {shape: S; change: ChangeShapes[S]}}[ChangeShape]

/** A change and its shape, from its rule's record: code that differs by shape switches on this, not on rule ids. */
export function shaped(change: Change): ShapedChange {
  return {shape: changeRules[change.rule].shape, change} as ShapedChange
}

/** A record of shape `S`, checked as one. */
function rule<S extends ChangeShape>(record: ChangeRule<S>): ChangeRule<S> {
  return record
}

/** Destinations new to the list that no wildcard covers, not references, that `keep` selects. */
function newDestinations(part: CloudDifferences, keep: (entry: AllowlistEntry) => boolean): AllowlistEntry[] {
  return part.added.filter((entry) => entry.kind !== 'reference' && !part.alreadyCoveredBy.get(entry.key) && keep(entry))
}

/**
 * Whether a destination can be allowed at all: text kept as written (a template such as
 * `<region>.example.com`, a sentence) is on no allow-list, so its ports change nothing.
 */
function allowable(entry: AllowlistEntry): boolean {
  return entry.kind !== 'text'
}

/** The ports of `side` that `other` does not have. */
function portsOnlyIn(side: AllowlistEntry, other: AllowlistEntry): string[] {
  const theirs = portKeys(other.ports)
  return portKeys(side.ports).filter((port) => !theirs.includes(port))
}

/** A matched row under another section, one that was not merely renamed. */
function moved(differences: Differences, before: {section: string}, after: {section: string}): boolean {
  return (
    before.section !== after.section &&
    normaliseText(before.section) !== normaliseText(after.section) &&
    !differences.sectionRenames.some((rename) => normaliseText(rename.before) === normaliseText(before.section) && normaliseText(rename.after) === normaliseText(after.section))
  )
}

/**
 * A row added or removed shows as destination changes, unless all its destinations (in this
 * cloud) are listed elsewhere (`list`: the other side's allowlist): then as the row itself.
 */
function listedIn(part: CloudDifferences, set: Differences['endpointSets']['added'][number], list: CloudDifferences['before']): boolean {
  return (
    rowClouds(set).includes(part.cloud) &&
    set.destinations.every((destination) => !destinationClouds(destination).includes(part.cloud) || list.has(destinationKey(destination)))
  )
}

/**
 * The rules by id, in registry order: the order changes are listed in within a level (and in
 * `endpoint-catalog rules`).
 */
export const changeRules = {
  'page-removed': rule<'page'>({
    level: 'warning',
    shape: 'page',
    effect: 'page',
    m365: 'noRecord',
    detect: {per: 'diff', find: (differences, compared) => differences.pages.removed.map((page) => pageChange('page-removed', page, compared))},
    message: '{kind} page `{page}` is on the old side only: what it listed ({count}) is reported as removed',
    markdown: () => 'page on the old side only',
    description:
      'A page compared on the old side has no counterpart (a page of the same kind) on the new side, such as a catalog of both pages diffed with the URL page alone: its destinations or ExpressRoute exceptions are reported removed. Compare like with like unless the page is really gone.'
  }),
  'required-destination-added': rule<'destination'>({
    level: 'error',
    shape: 'destination',
    effect: 'add',
    m365: 'add',
    detect: {
      per: 'cloud',
      find: (part) => newDestinations(part, (entry) => entry.requirement === 'required').map((entry) => destinationChange('required-destination-added', {after: entry, replaces: part.replaces.get(entry.key)}))
    },
    message: 'Destination `{destination}` added as required ({where})[; add before you remove {replaces}]',
    markdown: (change, md) => `added as ${change.after?.requirement ?? ''}` + md.replaces(change),
    description:
      'A destination is on the allowlist of the new revision, required, and was on no list before: the firewall must change, or the product that needs it breaks. When a wildcard of the old revision that the new one dropped covered it, the destination substitutes that wildcard (`replaces`): add it before removing the wildcard.'
  }),
  'optional-destination-added': rule<'destination'>({
    level: 'warning',
    shape: 'destination',
    effect: 'add',
    m365: 'add',
    detect: {
      per: 'cloud',
      find: (part) => newDestinations(part, (entry) => entry.requirement !== 'required').map((entry) => destinationChange('optional-destination-added', {after: entry, replaces: part.replaces.get(entry.key)}))
    },
    message: 'Destination `{destination}` added as {requirement} ({where})[; add before you remove {replaces}]',
    markdown: (change, md) => `added as ${change.after?.requirement ?? ''}` + md.replaces(change),
    description:
      'A destination is on the allowlist of the new revision, optional (or of unknown requirement), and was on no list before: allow it for the feature it serves.'
  }),
  'destination-already-covered': rule<'destination'>({
    level: 'info',
    shape: 'destination',
    effect: 'add',
    m365: 'add',
    detect: {
      per: 'cloud',
      find: (part) =>
        part.added.flatMap((entry) => {
          const wildcard = part.alreadyCoveredBy.get(entry.key)
          return entry.kind !== 'reference' && wildcard ? [destinationChange('destination-already-covered', {after: entry, coveredBy: wildcard})] : []
        })
    },
    message: 'Destination `{destination}` added as {requirement}, already covered by `{coveredBy}` ({where})',
    markdown: (change, md) => `added as ${change.after?.requirement ?? ''}, already covered by ${md.covering(change)}`,
    description:
      'A destination is new to the list, but a wildcard listed in both revisions covers it, at least as required and with all its ports in each: nothing to do if that wildcard is allowed. (A wildcard only the old revision lists does not count: the destination substitutes it, and is reported added.)'
  }),
  'destination-removed': rule<'destination'>({
    level: 'info',
    shape: 'destination',
    effect: 'remove',
    m365: 'remove',
    detect: {
      per: 'cloud',
      find: (part) =>
        part.removed
          .filter((entry) => entry.kind !== 'reference' && !part.coveredBy.get(entry.key))
          .map((entry) => destinationChange('destination-removed', {before: entry, substitutes: part.substitutes.get(entry.key)}))
    },
    message: 'Destination `{destination}` removed (was {requirement}: {where})[; allow its substitutes {substitutes} first]',
    markdown: (change, md) => `removed, was ${change.before?.requirement ?? ''}` + md.substitutes(change),
    description:
      'A destination is no longer listed and no wildcard of the new revision covers it: it may be taken off the allowlist. For a wildcard, the destinations it covered that the new revision adds are named (`substitutes`): allow them first.'
  }),
  'destination-covered-by-wildcard': rule<'destination'>({
    level: 'info',
    shape: 'destination',
    effect: 'remove',
    m365: 'remove',
    detect: {
      per: 'cloud',
      find: (part) =>
        part.removed.flatMap((entry) => {
          const wildcard = part.coveredBy.get(entry.key)
          return entry.kind !== 'reference' && wildcard
            ? [destinationChange('destination-covered-by-wildcard', {before: entry, coveredBy: wildcard, substitutes: part.substitutes.get(entry.key)})]
            : []
        })
    },
    message: 'Destination `{destination}` removed, still covered by `{coveredBy}` (was {requirement}: {where})[; allow its substitutes {substitutes} first]',
    markdown: (change, md) => `removed, still covered by ${md.covering(change)}` + md.substitutes(change),
    description:
      'A destination is no longer listed, but a wildcard of the new revision covers it: nothing to do if the wildcard is allowed.'
  }),
  'destination-now-required': rule<'destination'>({
    level: 'error',
    shape: 'destination',
    effect: 'requirement',
    m365: 'required',
    detect: {
      per: 'cloud',
      find: (part) =>
        part.kept
          .filter(({before, after}) => before.requirement !== 'required' && after.requirement === 'required')
          .map((pair) => destinationChange('destination-now-required', pair))
    },
    message: 'Destination `{destination}` now required, was {before} ({where})',
    markdown: (change) => `${change.before?.requirement ?? ''} → ${change.after?.requirement ?? ''}`,
    description:
      'A destination listed in both revisions is required in the new one and was not before (its requirement is the highest of the endpoint sets listing it).'
  }),
  'destination-now-optional': rule<'destination'>({
    level: 'info',
    shape: 'destination',
    effect: 'requirement',
    m365: 'required',
    detect: {
      per: 'cloud',
      find: (part) =>
        part.kept
          .filter(({before, after}) => before.requirement === 'required' && after.requirement !== 'required')
          .map((pair) => destinationChange('destination-now-optional', pair))
    },
    message: 'Destination `{destination}` no longer required, now {after} ({where})',
    markdown: (change) => `${change.before?.requirement ?? ''} → ${change.after?.requirement ?? ''}`,
    description: 'A destination listed in both revisions was required and is not any more.'
  }),
  'destination-requirement-changed': rule<'destination'>({
    level: 'info',
    shape: 'destination',
    effect: 'requirement',
    m365: 'required',
    detect: {
      per: 'cloud',
      find: (part) =>
        part.kept
          .filter(({before, after}) => before.requirement !== 'required' && after.requirement !== 'required' && before.requirement !== after.requirement)
          .map((pair) => destinationChange('destination-requirement-changed', pair))
    },
    message: 'Destination `{destination}` now {after}, was {before} ({where})',
    markdown: (change) => `${change.before?.requirement ?? ''} → ${change.after?.requirement ?? ''}`,
    description:
      'A destination listed in both revisions, required in neither, went between optional and unknown (a page that stops or starts saying Optional): nothing to change on a firewall.'
  }),
  'ports-added': rule<'destination'>({
    level: 'warning',
    requiredLevel: 'error',
    shape: 'destination',
    effect: 'ports',
    m365: 'ports',
    detect: {
      per: 'cloud',
      find: (part) =>
        part.kept.flatMap((pair) => {
          const added = allowable(pair.after) ? portsOnlyIn(pair.after, pair.before) : []
          return added.length > 0 ? [destinationChange('ports-added', {...pair, ports: added})] : []
        })
    },
    message: 'Ports {ports} added to `{destination}` ({where})',
    markdown: (change) => `added ${(change.ports ?? []).join(', ')}`,
    description:
      'A destination listed in both revisions has ports it did not have (ports are the union over the endpoint sets listing it). An error when the destination is required, else a warning. Not reported on text kept as written (a template), which is on no allow-list.'
  }),
  'ports-removed': rule<'destination'>({
    level: 'info',
    shape: 'destination',
    effect: 'ports',
    m365: 'ports',
    detect: {
      per: 'cloud',
      find: (part) =>
        part.kept.flatMap((pair) => {
          const removed = allowable(pair.after) ? portsOnlyIn(pair.before, pair.after) : []
          return removed.length > 0 ? [destinationChange('ports-removed', {...pair, ports: removed})] : []
        })
    },
    message: 'Ports {ports} removed from `{destination}` ({where})',
    markdown: (change) => `removed ${(change.ports ?? []).join(', ')}`,
    description: 'A destination listed in both revisions no longer has some of its ports (not reported on text kept as written, such as a template).'
  }),
  'expressroute-routing-changed': rule<'destination'>({
    level: 'warning',
    shape: 'destination',
    effect: 'route',
    m365: 'expressRoute',
    detect: {
      per: 'cloud',
      find: (part) =>
        part.kept
          .filter(({before, after}) => before.route !== undefined && after.route !== undefined && before.route !== after.route)
          .map((pair) => destinationChange('expressroute-routing-changed', {...pair, routes: true}))
    },
    message: 'Destination `{destination}` now routed over {after}, was {before} ({where})',
    markdown: (change, md) => `${md.route(change.before)} → ${md.route(change.after)}`,
    description:
      'For ExpressRoute customers, a destination listed in both revisions changed between going over ExpressRoute and going over the public Internet. Only reported when both revisions include the ExpressRoute page.'
  }),
  'expressroute-exception-added': rule<'expressRoute'>({
    level: 'warning',
    shape: 'expressRoute',
    effect: 'route',
    m365: 'noRecord',
    detect: {per: 'diff', find: (differences, compared) => differences.exceptions.added.map((entry) => exceptionChange('expressroute-exception-added', entry, 'after', compared))},
    message: 'ExpressRoute exception `{destination}` added ({where}): its traffic goes over the public Internet',
    markdown: () => 'ExpressRoute exception added: over the public Internet',
    description:
      'The ExpressRoute page names a destination (or, for a bullet without one, an activity) it did not name before: ExpressRoute customers reach it over the public Internet, which their proxy or firewall must allow. The destinations of the URL page it covers are reported as routing changes.'
  }),
  'expressroute-exception-removed': rule<'expressRoute'>({
    level: 'info',
    shape: 'expressRoute',
    effect: 'route',
    m365: 'noRecord',
    detect: {per: 'diff', find: (differences, compared) => differences.exceptions.removed.map((entry) => exceptionChange('expressroute-exception-removed', entry, 'before', compared))},
    message: 'ExpressRoute exception `{destination}` removed (was {where})',
    markdown: () => 'ExpressRoute exception removed',
    description:
      'The ExpressRoute page no longer names a destination (or, for a bullet without one, an activity) as going over the public Internet.'
  }),
  'reference-added': rule<'destination'>({
    level: 'warning',
    shape: 'destination',
    effect: 'add',
    m365: 'add',
    detect: {per: 'cloud', find: (part) => part.added.filter((entry) => entry.kind === 'reference').map((entry) => destinationChange('reference-added', {after: entry}))},
    message: 'Reference `{destination}` added ({where})',
    markdown: (change, md) => (change.after?.text === undefined ? 'added' : `added: ${md.text(change.after.text)}`),
    description:
      'A link to another page of endpoints is new: read that page (or the section linked) for the destinations it adds.'
  }),
  'reference-removed': rule<'destination'>({
    level: 'info',
    shape: 'destination',
    effect: 'remove',
    m365: 'remove',
    detect: {per: 'cloud', find: (part) => part.removed.filter((entry) => entry.kind === 'reference').map((entry) => destinationChange('reference-removed', {before: entry}))},
    message: 'Reference `{destination}` removed (was in {where})',
    markdown: () => 'removed',
    description: 'A link to another page of endpoints is no longer given.'
  }),
  'reference-changed': rule<'destination'>({
    level: 'warning',
    shape: 'destination',
    effect: 'page',
    m365: 'other',
    detect: {per: 'cloud', find: (part) => part.retargeted.map(({before, after}) => destinationChange('reference-changed', {before, after, previous: before}))},
    message: 'Reference `{previous}` now links to `{destination}` ({where})',
    markdown: (change, md) => (change.previous ? `was ${md.code(change.previous.value)}` : 'changed'),
    description:
      'A link with the same text or the same sentence around it now points to another page or section: read the new target.'
  }),
  'page-added': rule<'page'>({
    level: 'info',
    shape: 'page',
    effect: 'page',
    m365: 'noRecord',
    detect: {per: 'diff', find: (differences, compared) => differences.pages.added.map((page) => pageChange('page-added', page, compared))},
    message: '{kind} page `{page}` is on the new side only: what it lists ({count}) is reported as added',
    markdown: () => 'page on the new side only',
    description:
      'A page compared on the new side has no counterpart (a page of the same kind) on the old side: its destinations or ExpressRoute exceptions are reported added.'
  }),
  'section-renamed': rule<'section'>({
    level: 'info',
    shape: 'section',
    effect: 'row',
    m365: 'sectionRenamed',
    detect: {
      per: 'diff',
      find: (differences, compared) =>
        differences.sectionRenames.map((rename) => rowPlaced(sectionChange(rename), rename.pairs.flatMap((pair) => [pair.before, pair.after]), compared))
    },
    message: 'Section `{before}` renamed to `{after}`',
    markdown: (change, md) => `${md.text(change.before.section)} → ${md.text(change.after.section)}`,
    description: 'A heading was reworded: the rows under it are found under the new heading.'
  }),
  'purpose-changed': rule<'endpointSet'>({
    level: 'info',
    shape: 'endpointSet',
    effect: 'row',
    m365: 'rowReworded',
    detect: {
      per: 'diff',
      find: (differences, compared) =>
        differences.endpointSets.matched
          .filter(({before, after}) => before.purpose !== after.purpose && normaliseText(before.purpose) !== normaliseText(after.purpose))
          .map(({before, after}) =>
            rowPlaced(endpointSetChange('purpose-changed', before, after, {before: before.purpose, after: after.purpose, section: after.section}), [before, after], compared)
          )
    },
    message: 'Purpose `{before}` reworded to `{after}` ({section})',
    markdown: (change, md) => `${md.text(change.before?.purpose ?? '')} → ${md.text(change.after?.purpose ?? '')}`,
    description: 'The purpose of an endpoint set (a row) was reworded; its destinations are matched as the same row.'
  }),
  'endpoint-set-moved': rule<'endpointSet'>({
    level: 'info',
    shape: 'endpointSet',
    effect: 'row',
    m365: 'rowReworded',
    detect: {
      per: 'diff',
      find: (differences, compared) =>
        differences.endpointSets.matched
          .filter(({before, after}) => moved(differences, before, after))
          .map(({before, after}) =>
            rowPlaced(endpointSetChange('endpoint-set-moved', before, after, {purpose: after.purpose, before: before.section, after: after.section}), [before, after], compared)
          )
    },
    message: 'Endpoint set `{purpose}` moved from `{before}` to `{after}`',
    markdown: (change, md) => `from ${md.text(change.before?.section ?? '')}`,
    description: 'A row moved to another section (one that was not merely renamed).'
  }),
  'endpoint-set-added': rule<'endpointSet'>({
    level: 'info',
    shape: 'endpointSet',
    effect: 'row',
    m365: 'rowAdded',
    detect: {
      per: 'cloud',
      find: (part, differences) =>
        differences.endpointSets.added
          .filter((set) => listedIn(part, set, part.before))
          .map((set) => endpointSetChange('endpoint-set-added', undefined, set, {purpose: set.purpose, section: set.section}))
    },
    message: 'Endpoint set `{purpose}` added to `{section}`[; its destinations were already listed{listing}][; it lists no destination{empty}]',
    markdown: () => 'added',
    description:
      'A new row lists only destinations that were already listed elsewhere, or none, so no destination change reports it; the message says which.'
  }),
  'endpoint-set-removed': rule<'endpointSet'>({
    level: 'info',
    shape: 'endpointSet',
    effect: 'row',
    m365: 'rowRemoved',
    detect: {
      per: 'cloud',
      find: (part, differences) =>
        differences.endpointSets.removed
          .filter((set) => listedIn(part, set, part.after))
          .map((set) => endpointSetChange('endpoint-set-removed', set, undefined, {purpose: set.purpose, section: set.section}))
    },
    message: 'Endpoint set `{purpose}` removed from `{section}`[; its destinations are still listed{listing}][; it listed no destination{empty}]',
    markdown: () => 'removed',
    description:
      'A row was removed, but its destinations are still listed elsewhere, or it listed none, so no destination change reports it; the message says which.'
  })
} satisfies Record<Change['rule'], ChangeRule>

export type ChangeRuleId = keyof typeof changeRules

/** The registry's rule ids, in registry order (the order changes are listed in within a level). */
export const changeRuleIds = Object.keys(changeRules) as ChangeRuleId[]

/** The level of a change of `rule`; `required` says whether its destination is required now. */
export function ruleLevel(rule: ChangeRuleId, required: boolean): Level {
  const entry: ChangeRule = changeRules[rule]
  return required && entry.requiredLevel ? entry.requiredLevel : entry.level
}

/**
 * Fill a rule's message template: a `[part]` whose placeholders lack a value is left out; other
 * placeholders without a value are left as written.
 */
export function renderMessage(rule: ChangeRuleId, values: Partial<Record<string, string>>): string {
  const said = changeRules[rule].message.replace(/\[([^\]]*)\]/g, (_, part: string) =>
    [...part.matchAll(/\{(\w+)\}/g)].every(([, name]) => values[name!] !== undefined) ? part : ''
  )
  return said.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole)
}
