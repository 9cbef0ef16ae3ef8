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
 * the value at fault (a destination), which acceptances in endpoint-catalog.yaml match on.
 */
export function report(file: VFile, ruleId: DiagnosticRuleId, reason: string, place?: Place, actual?: string): VFileMessage {
  const where = place && 'type' in place ? place.position : place
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
