/**
 * The pull-request comment's section on `build`: the errors the head adds, which fail the build
 * after the merge, the risky destinations it adds, and a warning when the pull request changes endpoint-catalog.yaml. Page text
 * is escaped as in the diff's tables.
 */
import type {Diagnostic} from '../../generated/catalog.js'
import {escapeMarkdown} from './diff-markdown.js'

export interface BuildSection {
  /** The head's error-level diagnostics that the base does not have. */
  newErrors: Diagnostic[]
  /** Whether the pull request changes endpoint-catalog.yaml. */
  configChanged: boolean
  /** The risky destinations (over-broad wildcards, address or port ranges) the head adds, not accepted. */
  newRisks?: Diagnostic[]
}

function rows(diagnostics: Diagnostic[]): string[] {
  return diagnostics.map((one) => `| \`${one.ruleId}\` | ${escapeMarkdown(one.message)} | \`${one.source.path.replace(/[`|]/g, '_')}:${one.source.line}\` |`)
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
    for (const row of rows(section.newErrors)) lines.push(row)
    lines.push('')
  }
  const risks = section.newRisks ?? []
  if (risks.length > 0) {
    lines.push(
      `### Adds ${risks.length} risky ${risks.length === 1 ? 'destination' : 'destinations'}`,
      '',
      'An over-broad wildcard, address range or port range the merge base does not have (a warning: `build` passes, `--strict` fails). Review it, and accept it in `endpoint-catalog.yaml` if it is meant:',
      '',
      '| Rule | Message | Source |',
      '| --- | --- | --- |'
    )
    for (const row of rows(risks)) lines.push(row)
    lines.push('')
  }
  return lines.join('\n') + (lines.length > 0 ? '\n' : '')
}
