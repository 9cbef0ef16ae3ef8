/**
 * Diff → text for a terminal: a summary line, then the changes grouped by level, one a line:
 * `new.md:45  Destination `api.powerbi.com` added as required (…)  required-destination-added`.
 */
import type {Change, ChangeCounts, Diff} from '../../generated/diff.js'
import type {Level} from '../rules.js'
import {escapeControl as safe} from './escape.js'

export interface DiffTextOptions {
  /** Colour levels and rule ids with ANSI escapes, for a TTY (default: false). */
  color?: boolean
}

export const levels: Level[] = ['error', 'warning', 'info']

const colours: Record<Level, string> = {error: '\u001b[31m', warning: '\u001b[33m', info: '\u001b[34m'}
const dim = '\u001b[2m'
const reset = '\u001b[0m'

/** Render a diff as text; the levels and the order come from the diff, unchanged. */
export function formatDiffText(document: Diff, options: DiffTextOptions = {}): string {
  const paint = (text: string, code: string): string => (options.color ? code + text + reset : text)
  const lines = [`${safe(document.from.version)} → ${safe(document.to.version)}: ${countText(document.counts)}`]

  for (const level of levels) {
    const changes = document.changes.filter((change) => change.level === level)
    if (changes.length === 0) continue
    const sources = changes.map((change) => safe(changeSource(change) ?? '-'))
    const width = sources.reduce((widest, source) => Math.max(widest, source.length), 0)
    lines.push('', paint(level, colours[level]))
    changes.forEach((change, index) => {
      lines.push(`  ${sources[index]!.padEnd(width)}  ${safe(change.message)}  ${paint(change.rule, dim)}`)
    })
  }
  return lines.join('\n') + '\n'
}

/** `3 errors, 1 warning, 2 infos`, or `no changes`. */
export function countText(counts: ChangeCounts): string {
  const parts = levels
    .filter((level) => counts[level] > 0)
    .map((level) => `${counts[level]} ${level}${counts[level] === 1 ? '' : 's'}`)
  return parts.length > 0 ? parts.join(', ') : 'no changes'
}

/**
 * Where to look for a change (`path:line`): in the new revision, or in the old one when the
 * change is about something no longer there.
 */
export function changeSource(change: Change): string | undefined {
  if (change.rule === 'section-renamed') return change.after.source
  if ('destination' in change) return (change.after ?? change.before)?.endpointSets[0]?.source
  return (change.after ?? change.before)?.source
}
