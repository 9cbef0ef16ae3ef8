/**
 * Diff → markdown for a pull-request comment: a one-line summary, then a table per level. Every
 * piece of doc text is escaped, so a page cannot inject markup, HTML or mentions, or break a cell.
 */
import type {Change, DestinationChange, DestinationState, Diff} from '../../generated/diff.js'
import type {Level} from '../rules.js'
import {changeSource, countText, levels} from './diff-text.js'

const headings: Record<Level, string> = {error: 'Errors', warning: 'Warnings', info: 'Info'}

/** Render a diff as markdown; the levels and the order come from the diff, unchanged. */
export function formatDiffMarkdown(document: Diff): string {
  const range = `${code(document.from.version)} → ${code(document.to.version)}`
  if (document.changes.length === 0) return `No endpoint changes from ${range}.\n`
  const lines = [`**${countText(document.counts)}** in the endpoints from ${range}.`]

  for (const level of levels) {
    const changes = document.changes.filter((change) => change.level === level)
    if (changes.length === 0) continue
    lines.push(
      '',
      `### ${headings[level]} (${changes.length})`,
      '',
      '| Rule | Destination | Change | Section / purpose | Ports | Source |',
      '| --- | --- | --- | --- | --- | --- |'
    )
    for (const change of changes) {
      const destination = 'destination' in change ? code(change.destination.value) : '—'
      const source = changeSource(change)
      const cells = [code(change.rule), destination, detail(change), where(change), ports(change), source === undefined ? '—' : code(source)]
      lines.push(`| ${cells.join(' | ')} |`)
    }
  }
  return lines.join('\n') + '\n'
}

/** What changed, in a few words; values from the page are escaped. */
function detail(change: Change): string {
  switch (change.rule) {
    case 'required-destination-added':
    case 'optional-destination-added':
      return `added as ${change.after?.requirement ?? ''}`
    case 'destination-already-covered':
      return `added as ${change.after?.requirement ?? ''}, already covered by ${covering(change)}`
    case 'destination-removed':
      return `removed, was ${change.before?.requirement ?? ''}`
    case 'destination-covered-by-wildcard':
      return `removed, still covered by ${covering(change)}`
    case 'destination-now-required':
    case 'destination-now-optional':
      return `${change.before?.requirement ?? ''} → ${change.after?.requirement ?? ''}`
    case 'ports-added':
      return `added ${(change.ports ?? []).join(', ')}`
    case 'ports-removed':
      return `removed ${(change.ports ?? []).join(', ')}`
    case 'expressroute-routing-changed':
      return `${routeName(change.before)} → ${routeName(change.after)}`
    case 'reference-added':
      return change.after?.text === undefined ? 'added' : `added: ${escapeMarkdown(change.after.text)}`
    case 'reference-removed':
      return 'removed'
    case 'reference-changed':
      return change.previous ? `was ${code(change.previous.value)}` : 'changed'
    case 'section-renamed':
      return `${escapeMarkdown(change.before.section)} → ${escapeMarkdown(change.after.section)}`
    case 'purpose-changed':
      return `${escapeMarkdown(change.before?.purpose ?? '')} → ${escapeMarkdown(change.after?.purpose ?? '')}`
    case 'endpoint-set-moved':
      return `from ${escapeMarkdown(change.before?.section ?? '')}`
    case 'endpoint-set-added':
      return 'added'
    case 'endpoint-set-removed':
      return 'removed'
  }
}

function covering(change: DestinationChange): string {
  return change.coveredBy ? code(change.coveredBy.value) : 'a wildcard'
}

function routeName(state: DestinationState | null): string {
  return state?.route === 'internet' ? 'Internet' : state?.route === 'expressroute' ? 'ExpressRoute' : 'unknown'
}

/** `Section / purpose` of the rows concerned, in the new revision when there. */
function where(change: Change): string {
  if (change.rule === 'section-renamed') return escapeMarkdown(change.after.section)
  const rows = 'destination' in change ? (change.after ?? change.before)?.endpointSets ?? [] : [change.after ?? change.before].filter((set) => set !== null)
  const names = [...new Set(rows.map((set) => `${escapeMarkdown(set.section)} / ${escapeMarkdown(set.purpose)}`))]
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
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ')
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
  // eslint-disable-next-line no-control-regex
  if (text === '' || /[`\u0000-\u001f\u007f-\u009f]/.test(text) || text.trim() !== text) return escapeMarkdown(text)
  // GFM reads `\|` as a pipe inside a table cell, code spans included.
  return '`' + text.replace(/\|/g, '\\|') + '`'
}
