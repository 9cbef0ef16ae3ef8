/**
 * Diagnostics → text lines like vfile-reporter's:
 * `docs-source/power-bi-urls.md:31:1  warning  Unexpected …  table-delimiter-mismatch`.
 */
import type {Diagnostic} from '../../generated/catalog.js'
import {escapeControl} from '../core/text.js'

export interface DiagnosticFormatOptions {
  /** Print only errors; the count line still counts every level (default: false). */
  quiet?: boolean
}

/** Render diagnostics, one a line, then a count; empty string when there are none to show. */
export function formatDiagnostics(diagnostics: Diagnostic[], options: DiagnosticFormatOptions = {}): string {
  const shown = options.quiet ? diagnostics.filter((d) => d.severity === 'error') : diagnostics
  if (shown.length === 0) return ''
  // Messages quote the page: its control characters are shown, not sent to the terminal.
  const lines = shown.map((d) =>
    escapeControl(
      `${d.source.path}:${d.source.line}:${d.source.column}  ${d.severity}  ${d.message}${d.accepted === undefined ? '' : ` (accepted: ${d.accepted})`}  ${d.ruleId}`
    )
  )
  return lines.join('\n') + '\n' + countLine(diagnostics) + '\n'
}

/** `1 error, 7 warnings, 2 infos` (only the levels present). */
export function countLine(diagnostics: Diagnostic[]): string {
  const counts = {error: 0, warning: 0, info: 0}
  for (const d of diagnostics) counts[d.severity]++
  const parts = (['error', 'warning', 'info'] as const)
    .filter((level) => counts[level] > 0)
    .map((level) => `${counts[level]} ${level}${counts[level] === 1 ? '' : 's'}`)
  return parts.length > 0 ? parts.join(', ') : 'no diagnostics'
}

/**
 * Render diagnostics for tools (`--report json`): one JSON object a line, with `file`, `line`,
 * `column`, `rule`, `level`, `message` and, for an accepted finding, `accepted` (its reason).
 */
export function formatDiagnosticsJson(diagnostics: Diagnostic[], options: DiagnosticFormatOptions = {}): string {
  const shown = options.quiet ? diagnostics.filter((d) => d.severity === 'error') : diagnostics
  return shown
    .map((d) =>
      JSON.stringify({
        file: d.source.path,
        line: d.source.line,
        column: d.source.column,
        rule: d.ruleId,
        level: d.severity,
        message: d.message,
        ...(d.accepted === undefined ? {} : {accepted: d.accepted})
      })
    )
    .map((line) => line + '\n')
    .join('')
}
