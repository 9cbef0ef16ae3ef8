/**
 * The pull-request comment's section on `build`: the errors the head adds, which fail the build
 * after the merge, and a warning when the pull request changes endpoint-catalog.yaml. Page text
 * is escaped as in the diff's tables.
 */
import type {Diagnostic} from '../../generated/catalog.js'
import {escapeMarkdown} from './diff-markdown.js'

export interface BuildSection {
  /** The head's error-level diagnostics that the base does not have. */
  newErrors: Diagnostic[]
  /** Whether the pull request changes endpoint-catalog.yaml. */
  configChanged: boolean
}

/** Render the section; empty string when there is nothing to say. */
export function formatBuildErrors(section: BuildSection): string {
  const lines: string[] = []
  if (section.configChanged) {
    lines.push(
      '> [!WARNING]',
      '> This pull request changes `endpoint-catalog.yaml` (accepted findings, page size limit). This report applies the',
      "> base branch's version; the new one takes effect after the merge. Review its changes by hand.",
      ''
    )
  }
  const count = section.newErrors.length
  if (count > 0) {
    lines.push(
      `### \`build\` fails after the merge: ${count} new ${count === 1 ? 'error' : 'errors'}`,
      '',
      "`endpoint-catalog build` reports these for the head and not for the merge base (with the base branch's accepted findings):",
      '',
      '| Rule | Message | Source |',
      '| --- | --- | --- |'
    )
    for (const error of section.newErrors) {
      lines.push(`| \`${error.ruleId}\` | ${escapeMarkdown(error.message)} | \`${error.source.path.replace(/[`|]/g, '_')}:${error.source.line}\` |`)
    }
    lines.push('')
  }
  return lines.join('\n') + (lines.length > 0 ? '\n' : '')
}
