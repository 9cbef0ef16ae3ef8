/**
 * The report a pull request gets: a heading, the commits compared, what `build` will fail on, the
 * markdown diff, a footer;
 * as the comment (behind its marker, cut to GitHub's size limit) and as the job summary.
 */
import type {Diff} from '../../generated/diff.js'
import {formatBuildErrors, type BuildSection} from '../format/build-errors-markdown.js'
import {formatDiffMarkdown} from '../format/diff-markdown.js'
import {inertForGitHub} from './inert.js'
import {characters, truncateLines, utf8Bytes} from './truncate.js'

/** Opens the action's comment: how a later run finds it among the pull request's comments. */
export const commentMarker = '<!-- endpoint-catalog:pull-request-diff -->'

/** GitHub refuses a comment body longer than this. */
export const maxCommentLength = 65_536

/** GitHub drops a job summary larger than this (bytes). */
export const maxSummaryBytes = 1024 * 1024

export interface ReportContext {
  /** `https://github.com`, or the GitHub Enterprise server. */
  serverUrl: string
  /** `owner/name` of the repository the pull request is in. */
  repository: string
  /** The commits compared: merge base and head (full hex ids). */
  base: string
  head: string
  /** This workflow run's page, when known. */
  runUrl: string | undefined
  /** Where the diff JSON was written on the runner. */
  diffJsonPath: string
  /** What `build` will say after the merge (default: nothing new). */
  build?: BuildSection
}

/** The comment body: marker, heading, commits, the diff (cut to fit, pointing to the job summary), footer. */
export function commentBody(document: Diff, context: ReportContext): string {
  const where = context.runUrl === undefined ? 'the job summary' : `the [job summary](${context.runUrl})`
  const note = `_The report is cut here to fit GitHub's limit of ${maxCommentLength.toLocaleString('en-US')} characters for a comment; the full report is in ${where}._`
  return assemble(document, context, {limit: maxCommentLength, note, marker: true})
}

/** The job summary: the same report, whole unless it passes GitHub's 1 MiB summary limit. */
export function summaryMarkdown(document: Diff, context: ReportContext): string {
  const note = `_The report is cut here to fit GitHub's 1 MiB limit for a job summary; the whole diff is the \`diff-json\` output, \`${context.diffJsonPath}\`._`
  return assemble(document, context, {limit: maxSummaryBytes, note, marker: false})
}

function assemble(document: Diff, context: ReportContext, options: {limit: number; note: string; marker: boolean}): string {
  const measure = options.marker ? characters : utf8Bytes
  const before = [
    ...(options.marker ? [commentMarker] : []),
    '## Endpoint changes',
    '',
    `Head ${commitLink(context, context.head)} compared with its merge base ${commitLink(context, context.base)}.`,
    '',
    ''
  ].join('\n')
  const run = context.runUrl === undefined ? '' : ` · [workflow run](${context.runUrl})`
  const after = `\n<sub>endpoint-catalog · head ${context.head}${run}</sub>\n`
  const report = inertForGitHub(formatBuildErrors(context.build ?? {newErrors: [], configChanged: false}) + formatDiffMarkdown(document))
  const diff = truncateLines(report, options.limit - measure(before) - measure(after), options.note, measure)
  return before + diff + after
}

function commitLink(context: ReportContext, commit: string): string {
  return `[\`${commit.slice(0, 7)}\`](${context.serverUrl}/${context.repository}/commit/${commit})`
}
