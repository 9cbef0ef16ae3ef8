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
   * What a change says, with `{placeholders}`: `destination`, `previous`, `coveredBy`, `ports`,
   * `requirement`, `before`, `after`, `section`, `purpose`, `where` (the section / purpose list).
   */
  message: string
  description: string
}

export const changeRules = {
  'required-destination-added': {
    level: 'error',
    message: 'Destination `{destination}` added as required ({where})',
    description:
      'A destination is on the allowlist of the new revision, required, and was on no list before: the firewall must change, or Power BI breaks.'
  },
  'optional-destination-added': {
    level: 'warning',
    message: 'Destination `{destination}` added as {requirement} ({where})',
    description:
      'A destination is on the allowlist of the new revision, optional (or of unknown requirement), and was on no list before: allow it for the feature it serves.'
  },
  'destination-already-covered': {
    level: 'info',
    message: 'Destination `{destination}` added as {requirement}, already covered by `{coveredBy}` ({where})',
    description:
      'A destination is new to the list, but a wildcard of the old revision already covered it, at least as required and with all its ports: nothing to do if that wildcard is allowed.'
  },
  'destination-removed': {
    level: 'info',
    message: 'Destination `{destination}` removed (was {requirement}: {where})',
    description:
      'A destination is no longer listed and no wildcard of the new revision covers it: it may be taken off the allowlist.'
  },
  'destination-covered-by-wildcard': {
    level: 'info',
    message: 'Destination `{destination}` removed, still covered by `{coveredBy}` (was {requirement}: {where})',
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

/** Fill a rule's message template; placeholders without a value are left as written. */
export function renderMessage(rule: ChangeRuleId, values: Partial<Record<string, string>>): string {
  return changeRules[rule].message.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole)
}
