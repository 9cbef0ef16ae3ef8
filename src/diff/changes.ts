/**
 * Changes from differences: every rule of the registry finds its own (`detect`); the registry gives
 * each its level and message. Changes come out in one fixed order: level, rule, subject.
 */
import type {Cloud} from '../../generated/catalog.js'
import type {Change} from '../../generated/diff.js'
import {compareText} from '../core/text.js'
import type {Level} from '../rules.js'
import {cloudIds} from './clouds.js'
import type {Differences} from './diff.js'
import {withClouds, type Draft} from './drafts.js'
import {changeRuleIds, changeRules, renderMessage, ruleLevel, shaped} from './rules.js'

export {revisionSource} from './drafts.js'

/** Turn the differences between two catalogs into changes, sorted. */
export function checkChanges(differences: Differences): Change[] {
  const compared = differences.clouds.map((part) => part.cloud)
  const perCloud = differences.clouds.map((part) => ({
    cloud: part.cloud,
    drafts: changeRuleIds.flatMap((id) => {
      const {detect} = changeRules[id]
      return detect.per === 'cloud' ? detect.find(part, differences).map(graded) : []
    })
  }))
  const whole = changeRuleIds.flatMap((id) => {
    const {detect} = changeRules[id]
    if (detect.per !== 'diff') return []
    return detect
      .find(differences, compared)
      .filter(({clouds}) => clouds.length > 0)
      .map(({draft, clouds}) => withClouds(graded(draft), clouds))
  })
  return [...mergeClouds(perCloud), ...whole]
    // Each change's sort key is built once, not once per comparison.
    .map((change) => ({change, rank: levelRank[change.level], rule: changeRuleIds.indexOf(change.rule), key: sortKey(change)}))
    .sort(byOrder)
    .map(({change}) => change)
}

/** The draft with the level and message its rule gives it. */
function graded(draft: Draft): Draft {
  draft.change.level = ruleLevel(draft.change.rule, draft.required)
  draft.change.message = renderMessage(draft.change.rule, draft.values)
  return draft
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
  const {shape, change: one} = shaped(change)
  switch (shape) {
    case 'section':
      return one.before.section + '\n' + one.after.section
    case 'expressRoute':
      return one.message
    case 'page':
      return (one.after ?? one.before)?.path ?? ''
    case 'endpointSet': {
      const set = one.after ?? one.before
      return set ? set.section + '\n' + set.purpose : ''
    }
    case 'destination':
      return one.destination.value + '\n' + one.destination.kind
  }
}
