/**
 * Diff → markdown for a pull-request comment: a one-line summary, then a table per level. Every
 * piece of doc text is escaped, so a page cannot inject markup, HTML or mentions, or break a cell.
 */
import type {Cloud} from '../../generated/catalog.js'
import type {Change, Diff} from '../../generated/diff.js'
import {cloudIds} from '../diff/clouds.js'
import {changeRules, shaped, type ChangeRule, type MarkdownWords} from '../diff/rules.js'
import type {Level} from '../rules.js'
import {changeSource, cloudList, countText, levels, revisionLabels} from './diff-text.js'
import {invisibleCharacters, shownCodePoint} from './escape.js'

const headings: Record<Level, string> = {error: 'Errors', warning: 'Warnings', info: 'Info'}

/**
 * Render a diff as markdown; the levels and the order come from the diff, unchanged. When more
 * than one cloud is compared (or the changes concern more than one), the changes are grouped by
 * the clouds they concern.
 */
export function formatDiffMarkdown(document: Diff): string {
  const [from, to] = revisionLabels(document).map(code)
  const clouds = document.clouds ? ` (${escapeMarkdown(cloudList(document.clouds))})` : ''
  const range = `${from} → ${to}${clouds}`
  if (document.changes.length === 0) return `No endpoint changes from ${range}.\n`
  const lines = [`**${countText(document.counts)}** in the endpoints from ${range}.`]
  // A change feed's record does not say which clouds were compared: its changes do.
  const concerned = new Set([...(document.clouds ?? []), ...document.changes.flatMap((change) => change.clouds ?? ['public'])])
  if (concerned.size <= 1) {
    levelTables(lines, document.changes, '###')
    return lines.join('\n') + '\n'
  }
  for (const group of cloudGroups(document.changes)) {
    lines.push('', `### ${group.clouds.length === 1 ? 'Cloud' : 'Clouds'}: ${escapeMarkdown(cloudList(group.clouds))}`)
    levelTables(lines, group.changes, '####')
  }
  return lines.join('\n') + '\n'
}

/** Changes by the set of clouds they concern, in diff order; sets in the catalog's cloud order. */
function cloudGroups(changes: Change[]): Array<{clouds: Cloud[]; changes: Change[]}> {
  const groups = new Map<string, {clouds: Cloud[]; changes: Change[]}>()
  for (const change of changes) {
    const clouds = change.clouds ?? ['public']
    const key = clouds.map((cloud) => String(cloudIds.indexOf(cloud)).padStart(2, '0')).join(' ')
    const group = groups.get(key) ?? {clouds: [...clouds], changes: []}
    group.changes.push(change)
    groups.set(key, group)
  }
  return [...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, group]) => group)
}

/** A table per level, under headings of the given depth. */
function levelTables(lines: string[], all: Change[], depth: string): void {
  for (const level of levels) {
    const changes = all.filter((change) => change.level === level)
    if (changes.length === 0) continue
    lines.push(
      '',
      `${depth} ${headings[level]} (${changes.length})`,
      '',
      '| Rule | Destination | Change | Section / purpose | Ports | Source |',
      '| --- | --- | --- | --- | --- | --- |'
    )
    for (const change of changes) {
      const source = changeSource(change)
      const cells = [code(change.rule), subject(change), detail(change), where(change), ports(change), source === undefined ? '—' : code(source)]
      lines.push(`| ${cells.join(' | ')} |`)
    }
  }
}

/** The destination a change is about (or the exception's, or the page). */
function subject(change: Change): string {
  const {shape, change: one} = shaped(change)
  switch (shape) {
    case 'destination':
      return code(one.destination.value)
    case 'expressRoute':
      return one.exceptionDestination ? code(one.exceptionDestination.value) : '—'
    case 'page':
      return code((one.after ?? one.before)?.path ?? '')
    case 'section':
    case 'endpointSet':
      return '—'
  }
}

/** What changed, in a few words: the rule's markdown wording; values from the page are escaped. */
function detail(change: Change): string {
  const rule: ChangeRule = changeRules[change.rule]
  return rule.markdown(change as never, words)
}

/** What a rule's markdown wording may use. */
const words: MarkdownWords = {
  text: escapeMarkdown,
  code,
  replaces: (change) => (change.replaces ? `; add before you remove ${change.replaces.map((ref) => code(ref.value)).join(', ')}` : ''),
  substitutes: (change) => (change.substitutes ? `; allow its substitutes ${change.substitutes.map((ref) => code(ref.value)).join(', ')} first` : ''),
  covering: (change) => (change.coveredBy ? code(change.coveredBy.value) : 'a wildcard'),
  route: (state) => (state?.route === 'internet' ? 'Internet' : state?.route === 'expressroute' ? 'ExpressRoute' : 'unknown')
}

/** `Section / purpose` of the rows concerned (an exception's activity), in the new revision when there. */
function where(change: Change): string {
  let rows: Array<{section: string; purpose: string; direction?: string}>
  const {shape, change: one} = shaped(change)
  switch (shape) {
    case 'section':
      return escapeMarkdown(one.after.section)
    case 'page':
      return '—'
    case 'expressRoute':
      rows = ((one.after ?? one.before) ?? []).map((exception) => ({section: exception.section, purpose: exception.activity}))
      break
    case 'endpointSet':
      rows = [one.after ?? one.before].filter((set) => set !== null)
      break
    case 'destination':
      rows = (one.after ?? one.before)?.endpointSets ?? []
  }
  const names = [...new Set(rows.map((set) => (set.purpose.trim() === '' ? escapeMarkdown(set.section) : `${escapeMarkdown(set.section)} / ${escapeMarkdown(set.purpose)}`) + (set.direction === 'inbound' ? ' (inbound)' : '')))]
  return names.length > 0 ? names.join('<br>') : '—'
}

function ports(change: Change): string {
  if (!('destination' in change)) return '—'
  const list = (change.after ?? change.before)?.ports ?? []
  return list.length > 0 ? list.map(code).join(' ') : '—'
}

/**
 * Text as inert markdown inside a table cell: no line breaks, no HTML, no entities, no emphasis,
 * links (bare URLs included), code, mentions or issue references, and no `|` to split the cell.
 */
export function escapeMarkdown(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex -- control characters in page text become spaces
      .replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ')
      .replace(invisibleCharacters, shownCodePoint)
      .trim()
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      // Emphasis, code, links and images, strikethrough, math, and the cell separator.
      .replace(/[\\`*_[\]|~$]/g, '\\$&')
      // A zero-width space keeps GitHub from reading a mention, an issue reference (which would
      // show in that timeline) or a bare URL as a link.
      .replace(/#(?=\d)/g, '#&#8203;')
      .replace(/@/g, '@&#8203;')
      .replace(/\b(gh)-(?=\d)/gi, '$1&#8203;-')
      .replace(/:\/\//g, ':&#8203;//')
      .replace(/\b(www)\./gi, '$1&#8203;.')
  )
}

/** Text as a code span when that is safe (no backtick, no line break), else as escaped text. */
function code(text: string): string {
  // eslint-disable-next-line no-control-regex -- text with a control or invisible character cannot be a code span
  if (text === '' || /[`\u0000-\u001f\u007f-\u009f]/.test(text) || text.search(invisibleCharacters) !== -1 || text.trim() !== text) return escapeMarkdown(text)
  // GFM reads `\|` as a pipe inside a table cell, code spans included.
  return '`' + text.replace(/\|/g, '\\|') + '`'
}
