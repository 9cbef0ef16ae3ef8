/**
 * Diff → text for a terminal: a summary line, then the changes grouped by level, one a line:
 * `new.md:45  Destination `api.powerbi.com` added as required (…)  required-destination-added`.
 */
import type {Cloud} from '../../generated/catalog.js'
import type {Change, ChangeCounts, Diff, Revision} from '../../generated/diff.js'
import {cloudNames, isPublicOnly} from '../diff/clouds.js'
import {shaped} from '../diff/rules.js'
import type {Level} from '../rules.js'
import {escapeControl as safe} from '../core/text.js'

export interface DiffTextOptions {
  /** Colour levels and rule ids with ANSI escapes, for a TTY (default: false). */
  color?: boolean
  /** Name a page read from outside the working folder (`../pages/a.md`) by its file name only (default: false; the Atom feed's entries). */
  fileNames?: boolean
}

export const levels: Level[] = ['error', 'warning', 'info']

const colours: Record<Level, string> = {error: '\u001b[31m', warning: '\u001b[33m', info: '\u001b[34m'}
const dim = '\u001b[2m'
const reset = '\u001b[0m'

/** Render a diff as text; the levels and the order come from the diff, unchanged. */
export function formatDiffText(document: Diff, options: DiffTextOptions = {}): string {
  const paint = (text: string, code: string): string => (options.color ? code + text + reset : text)
  const [from, to] = revisionLabels(document)
  const clouds = document.clouds ? ` in ${cloudList(document.clouds)}` : ''
  const lines = [`${safe(from)} → ${safe(to)}${clouds}: ${countText(document.counts)}`]

  for (const level of levels) {
    const changes = document.changes.filter((change) => change.level === level)
    if (changes.length === 0) continue
    const sources = changes.map((change) => {
      const source = changeSource(change) ?? '-'
      // A path out of the folder the build ran in (`../pages/a.md`, `/home/…`) is a local one: its file name only.
      return safe(options.fileNames && /^(\.\.[/\\]|[/\\]|[A-Za-z]:)/.test(source) ? source.replace(/^.*[/\\]/, '') : source)
    })
    const width = sources.reduce((widest, source) => Math.max(widest, source.length), 0)
    lines.push('', paint(level, colours[level]))
    changes.forEach((change, index) => {
      const clouds = change.clouds && !isPublicOnly(change.clouds) ? `  [${cloudList(change.clouds)}]` : ''
      lines.push(`  ${sources[index]!.padEnd(width)}  ${safe(change.message)}${clouds}  ${paint(change.rule, dim)}`)
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
 * The two sides as a reader tells them apart: each version, and beside it, when the versions are
 * the same, the git commit (short) the side was read from, where known.
 */
export function revisionLabels(document: Diff): [string, string] {
  const same = document.from.version === document.to.version
  const label = (side: Revision): string => (same && side.commit !== undefined ? `${side.version} (${side.commit.slice(0, 7)})` : side.version)
  return [label(document.from), label(document.to)]
}

/** `Public, GCC High`: clouds by the names administrators know them by. */
export function cloudList(clouds: readonly Cloud[]): string {
  return clouds.map((cloud) => cloudNames[cloud]).join(', ')
}

/**
 * Where to look for a change (`path:line`, or a page's path): in the new revision, or in the old
 * one when the change is about something no longer there.
 */
export function changeSource(change: Change): string | undefined {
  const {shape, change: one} = shaped(change)
  switch (shape) {
    case 'section':
      return one.after.source
    case 'expressRoute':
      return (one.after ?? one.before)?.[0]?.source
    case 'page':
      return (one.after ?? one.before)?.path
    case 'endpointSet':
      return (one.after ?? one.before)?.source
    case 'destination':
      return (one.after ?? one.before)?.endpointSets[0]?.source
  }
}
