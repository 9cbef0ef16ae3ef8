/**
 * The one place that turns a rule id into a vfile message with the rule's level.
 */
import type {Node, Point, Position} from 'unist'
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {diagnosticRules, type DiagnosticRuleId} from './rules.js'

/** Where a message points: a node, a position or a point (or nothing, for the whole file). */
export type Place = Node | Position | Point | null | undefined

/**
 * Add a diagnostic for `ruleId` to `file`; its level comes from the rule registry. `actual` names
 * the value at fault (a destination), which acceptances in endpoint-catalog.yaml match on. Past
 * `listedPerRule` of one rule on a page, the diagnostic is counted for `summarise` (undefined).
 */
export function report(file: VFile, ruleId: DiagnosticRuleId, reason: string, place?: Place, actual?: string): VFileMessage | undefined {
  const where = place && 'type' in place ? place.position : place
  if (!count(file, ruleId, where, actual)) return undefined
  return add(file, ruleId, reason, where, actual)
}

function add(file: VFile, ruleId: DiagnosticRuleId, reason: string, where: Position | Point | null | undefined, actual: string | undefined): VFileMessage {
  const message = file.message(reason, {
    ruleId,
    source: 'endpoint-catalog',
    ...(where ? {place: where} : {})
  })
  const level = diagnosticRules[ruleId].level
  message.fatal = level === 'error' ? true : level === 'warning' ? false : undefined
  if (actual !== undefined) message.actual = actual
  return message
}

/**
 * Diagnostics of one rule listed on one page (the real pages: 130 at most); past this many, the
 * rest are counted and summed up in one message (`summarise`), so that a page of 20,000 bad rows
 * costs neither the memory nor the screen of 60,000 messages.
 */
export const listedPerRule = 1000

interface Unlisted {
  count: number
  start: Point | undefined
  /** The values at fault, while they are all the same (acceptances match on it). */
  actual: string | undefined | null
}

const unlisted = new WeakMap<VFile, Map<DiagnosticRuleId, Unlisted & {listed: number}>>()

/** Whether a diagnostic of `ruleId` is still to be listed on `file`; else it is counted. */
function count(file: VFile, ruleId: DiagnosticRuleId, where: Position | Point | null | undefined, actual: string | undefined): boolean {
  let rules = unlisted.get(file)
  if (rules === undefined) unlisted.set(file, (rules = new Map()))
  const seen = rules.get(ruleId) ?? {listed: 0, count: 0, start: undefined, actual: null}
  rules.set(ruleId, seen)
  if (seen.listed < listedPerRule) {
    seen.listed++
    return true
  }
  if (seen.count === 0) {
    seen.start = where ? ('start' in where ? where.start : where) : undefined
    seen.actual = actual
  } else if (seen.actual !== actual) seen.actual = undefined
  seen.count++
  return false
}

/** Add to `file` one message for each rule with diagnostics past `listedPerRule`: how many more, from where. */
export function summarise(file: VFile): void {
  for (const [ruleId, {count, start, actual}] of unlisted.get(file) ?? []) {
    if (count === 0) continue
    const reason = `${count} more \`${ruleId}\` ${count === 1 ? 'diagnostic' : 'diagnostics'} on this page from here on, not listed (the first ${listedPerRule} are listed)`
    add(file, ruleId, reason, start, actual ?? undefined)
  }
  unlisted.delete(file)
}
