/**
 * The one registry of change rules: every rule id, its level, its message template and what it
 * means. Checks name a rule; only this table decides how serious a change is and how it reads.
 */
import type {Change} from '../../generated/diff.js'
import type {Level} from '../rules.js'

export interface ChangeRule {
  /** Level of a change of this rule. */
  level: Level
  /** Level instead, when the destination is required in the new revision (see `ports-added`). */
  requiredLevel?: Level
  /**
   * What a change says, with `{placeholders}`: `destination`, `previous`, `coveredBy`, `replaces`,
   * `substitutes`, `ports`, `requirement`, `before`, `after`, `section`, `purpose`, `where` (the
   * section / purpose list), `page`, `kind`, `count`. A `[bracketed part]` is said only when all
   * its placeholders have a value.
   */
  message: string
  description: string
}

export const changeRules = {
  'page-removed': {
    level: 'warning',
    message: '{kind} page `{page}` is on the old side only: what it listed ({count}) is reported as removed',
    description:
      'A page compared on the old side has no counterpart (a page of the same kind) on the new side, such as a catalog of both pages diffed with the URL page alone: its destinations or ExpressRoute exceptions are reported removed. Compare like with like unless the page is really gone.'
  },
  'required-destination-added': {
    level: 'error',
    message: 'Destination `{destination}` added as required ({where})[; add before you remove {replaces}]',
    description:
      'A destination is on the allowlist of the new revision, required, and was on no list before: the firewall must change, or the product that needs it breaks. When a wildcard of the old revision that the new one dropped covered it, the destination substitutes that wildcard (`replaces`): add it before removing the wildcard.'
  },
  'optional-destination-added': {
    level: 'warning',
    message: 'Destination `{destination}` added as {requirement} ({where})[; add before you remove {replaces}]',
    description:
      'A destination is on the allowlist of the new revision, optional (or of unknown requirement), and was on no list before: allow it for the feature it serves.'
  },
  'destination-already-covered': {
    level: 'info',
    message: 'Destination `{destination}` added as {requirement}, already covered by `{coveredBy}` ({where})',
    description:
      'A destination is new to the list, but a wildcard listed in both revisions covers it, at least as required and with all its ports in each: nothing to do if that wildcard is allowed. (A wildcard only the old revision lists does not count: the destination substitutes it, and is reported added.)'
  },
  'destination-removed': {
    level: 'info',
    message: 'Destination `{destination}` removed (was {requirement}: {where})[; allow its substitutes {substitutes} first]',
    description:
      'A destination is no longer listed and no wildcard of the new revision covers it: it may be taken off the allowlist. For a wildcard, the destinations it covered that the new revision adds are named (`substitutes`): allow them first.'
  },
  'destination-covered-by-wildcard': {
    level: 'info',
    message: 'Destination `{destination}` removed, still covered by `{coveredBy}` (was {requirement}: {where})[; allow its substitutes {substitutes} first]',
    description:
      'A destination is no longer listed, but a wildcard of the new revision covers it: nothing to do if the wildcard is allowed.'
  },
  'destination-now-required': {
    level: 'error',
    message: 'Destination `{destination}` now required, was {before} ({where})',
    description:
      'A destination listed in both revisions is required in the new one and was not before (its requirement is the highest of the endpoint sets listing it).'
  },
  'destination-now-optional': {
    level: 'info',
    message: 'Destination `{destination}` no longer required, now {after} ({where})',
    description: 'A destination listed in both revisions was required and is not any more.'
  },
  'destination-requirement-changed': {
    level: 'info',
    message: 'Destination `{destination}` now {after}, was {before} ({where})',
    description:
      'A destination listed in both revisions, required in neither, went between optional and unknown (a page that stops or starts saying Optional): nothing to change on a firewall.'
  },
  'ports-added': {
    level: 'warning',
    requiredLevel: 'error',
    message: 'Ports {ports} added to `{destination}` ({where})',
    description:
      'A destination listed in both revisions has ports it did not have (ports are the union over the endpoint sets listing it). An error when the destination is required, else a warning.'
  },
  'ports-removed': {
    level: 'info',
    message: 'Ports {ports} removed from `{destination}` ({where})',
    description: 'A destination listed in both revisions no longer has some of its ports.'
  },
  'expressroute-routing-changed': {
    level: 'warning',
    message: 'Destination `{destination}` now routed over {after}, was {before} ({where})',
    description:
      'For ExpressRoute customers, a destination listed in both revisions changed between going over ExpressRoute and going over the public Internet. Only reported when both revisions include the ExpressRoute page.'
  },
  'expressroute-exception-added': {
    level: 'warning',
    message: 'ExpressRoute exception `{destination}` added ({where}): its traffic goes over the public Internet',
    description:
      'The ExpressRoute page names a destination (or, for a bullet without one, an activity) it did not name before: ExpressRoute customers reach it over the public Internet, which their proxy or firewall must allow. The destinations of the URL page it covers are reported as routing changes.'
  },
  'expressroute-exception-removed': {
    level: 'info',
    message: 'ExpressRoute exception `{destination}` removed (was {where})',
    description:
      'The ExpressRoute page no longer names a destination (or, for a bullet without one, an activity) as going over the public Internet.'
  },
  'reference-added': {
    level: 'warning',
    message: 'Reference `{destination}` added ({where})',
    description:
      'A link to another page of endpoints is new: read that page (or the section linked) for the destinations it adds.'
  },
  'reference-removed': {
    level: 'info',
    message: 'Reference `{destination}` removed (was in {where})',
    description: 'A link to another page of endpoints is no longer given.'
  },
  'reference-changed': {
    level: 'warning',
    message: 'Reference `{previous}` now links to `{destination}` ({where})',
    description:
      'A link with the same text or the same sentence around it now points to another page or section: read the new target.'
  },
  'page-added': {
    level: 'info',
    message: '{kind} page `{page}` is on the new side only: what it lists ({count}) is reported as added',
    description:
      'A page compared on the new side has no counterpart (a page of the same kind) on the old side: its destinations or ExpressRoute exceptions are reported added.'
  },
  'section-renamed': {
    level: 'info',
    message: 'Section `{before}` renamed to `{after}`',
    description: 'A heading was reworded: the rows under it are found under the new heading.'
  },
  'purpose-changed': {
    level: 'info',
    message: 'Purpose `{before}` reworded to `{after}` ({section})',
    description: 'The purpose of an endpoint set (a row) was reworded; its destinations are matched as the same row.'
  },
  'endpoint-set-moved': {
    level: 'info',
    message: 'Endpoint set `{purpose}` moved from `{before}` to `{after}`',
    description: 'A row moved to another section (one that was not merely renamed).'
  },
  'endpoint-set-added': {
    level: 'info',
    message: 'Endpoint set `{purpose}` added to `{section}`; its destinations were already listed',
    description:
      'A new row lists only destinations that were already listed elsewhere, so no destination change reports it.'
  },
  'endpoint-set-removed': {
    level: 'info',
    message: 'Endpoint set `{purpose}` removed from `{section}`; its destinations are still listed',
    description:
      'A row was removed, but its destinations are still listed elsewhere, so no destination change reports it.'
  }
} as const satisfies Record<Change['rule'], ChangeRule>

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
