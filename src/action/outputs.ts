/**
 * The action's outputs (declared in action.yml): whether endpoints changed, the most serious
 * level, a count per level, the diff JSON's path, and the comment's address.
 */
import * as core from '@actions/core'
import type {Diff} from '../../generated/diff.js'
import {levels} from '../format/diff-text.js'

/** The names action.yml declares, in its order. */
export const outputNames = ['changed', 'highest-level', 'errors', 'warnings', 'infos', 'diff-json', 'comment-url'] as const

/** Set every output from the diff; `commentUrl` is '' when no comment was written or kept. */
export function setOutputs(document: Diff, diffJsonPath: string, commentUrl: string): void {
  const values: Record<(typeof outputNames)[number], string> = {
    changed: String(document.changes.length > 0),
    'highest-level': levels.find((level) => document.counts[level] > 0) ?? 'none',
    errors: String(document.counts.error),
    warnings: String(document.counts.warning),
    infos: String(document.counts.info),
    'diff-json': diffJsonPath,
    'comment-url': commentUrl
  }
  for (const name of outputNames) core.setOutput(name, values[name])
}
