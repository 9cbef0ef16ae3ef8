/**
 * The action, start to end: read the inputs and the pull request, diff the pages at the merge
 * base and the head, write the diff JSON and the job summary, keep the comment, set the outputs,
 * and fail when `fail-on` says so.
 */
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import * as core from '@actions/core'
import {context} from '@actions/github'
import {hasChangeAtLeast} from '../diff/index.js'
import {formatDiffJson} from '../format/diff-json.js'
import {countText} from '../format/diff-text.js'
import {writeFileAtomic} from '../io.js'
import {skippedNote} from '../pages.js'
import {githubClient} from '../github.js'
import {upsertComment} from './comment.js'
import {comparePullRequest} from './compare.js'
import {pullRequestOf, type PullRequest} from './event.js'
import {describeFailure, describeRequestError, isPermissionDenied, redact} from './failure.js'
import {readInputs} from './inputs.js'
import {setOutputs} from './outputs.js'
import {commentBody, summaryMarkdown, type ReportContext} from './report.js'

/** Run the action in the runner's environment; a failure sets the exit code, it never throws. */
export async function run(): Promise<void> {
  const token = core.getInput('github-token')
  // Before anything can print it: the runner masks registered secrets in the log.
  if (token !== '') core.setSecret(token)
  try {
    const inputs = readInputs()
    const pull = pullRequestOf(context.eventName, context.payload)
    const cwd = process.env['GITHUB_WORKSPACE'] || process.cwd()
    const {base, head, document, skipped, build} = comparePullRequest(pull, inputs.paths, cwd, inputs.cloud, inputs.services)
    for (const file of skipped) core.warning(skippedNote(file))
    core.info(`Pull request #${pull.number}, ${base.slice(0, 7)} (merge base) → ${head.slice(0, 7)} (head): ${countText(document.counts)}`)
    const buildErrors = build.newErrors.length
    const buildFails = `${buildErrors} new ${buildErrors === 1 ? 'error that fails' : 'errors that fail'} \`endpoint-catalog build\` after the merge`
    if (buildErrors > 0) core.warning(buildFails)
    if (build.configChanged) core.warning("This pull request changes endpoint-catalog.yaml; the report applies the base branch's version")

    const diffJsonPath = join(process.env['RUNNER_TEMP'] || tmpdir(), 'endpoint-catalog', `pull-request-${pull.number}-diff.json`)
    writeFileAtomic(diffJsonPath, formatDiffJson(document))
    const report: ReportContext = {serverUrl: context.serverUrl, repository: `${context.repo.owner}/${context.repo.repo}`, base, head, runUrl: runUrl(), diffJsonPath, build}
    await writeSummary(summaryMarkdown(document, report))

    const worthSaying = document.changes.length > 0 || buildErrors > 0 || build.configChanged
    const commentUrl = inputs.comment ? await keepComment(inputs.token, pull, commentBody(document, report), worthSaying) : ''
    setOutputs(document, diffJsonPath, commentUrl)

    if (inputs.failOn !== undefined) {
      // A new build error is an error: at or above every fail-on level.
      const reasons = [
        ...(hasChangeAtLeast(document, inputs.failOn) ? [`endpoint changes at or above fail-on: ${inputs.failOn} (${countText(document.counts)})`] : []),
        ...(buildErrors > 0 ? [buildFails] : [])
      ]
      if (reasons.length > 0) core.setFailed(reasons.join('; '))
    }
  } catch (error) {
    core.setFailed(redact(describeFailure(error), [token]))
  }
}

/** Create or update the comment; a refusal to write (read-only token) warns and leaves the summary. */
async function keepComment(token: string, pull: PullRequest, body: string, changed: boolean): Promise<string> {
  try {
    const result = await upsertComment(githubClient(token), {...context.repo, number: pull.number}, body, {create: changed})
    if (result.action === 'none') {
      core.info('No endpoint changes and no earlier comment: nothing to comment')
      return ''
    }
    core.info(`Comment ${result.action}: ${result.url}`)
    return result.url
  } catch (error) {
    if (!isPermissionDenied(error)) throw error
    const why = pull.fromFork
      ? 'a pull request from a fork gets a read-only token'
      : 'the token needs `permissions: pull-requests: write`'
    core.warning(redact(`Could not comment on pull request #${pull.number} (${describeRequestError(error)}): ${why}. The report is in the job summary.`, [token]))
    return ''
  }
}

async function writeSummary(markdown: string): Promise<void> {
  // Outside a runner (no summary file) the log is the only place left for the report.
  if (!process.env['GITHUB_STEP_SUMMARY']) core.info(markdown)
  else await core.summary.addRaw(markdown).write()
}

function runUrl(): string | undefined {
  return Number.isInteger(context.runId) && context.runId > 0 ? `${context.serverUrl}/${context.repo.owner}/${context.repo.repo}/actions/runs/${context.runId}` : undefined
}
