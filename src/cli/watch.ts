/**
 * `watch`, run by a scheduled workflow in a catalog repository (examples/watch-upstream.yml):
 * `endpoint-catalog watch --upstream dir --page upstream.md=docs-source/page.md…`. Copies the pages
 * from the fetched upstream, runs `build`, and when the catalog changed pushes the branch and opens
 * or updates its pull request. Exit codes as the other commands'.
 */
import {commentBody} from '../action/report.js'
import {githubClient} from '../github.js'
import {resolveCommit} from '../git.js'
import {countText} from '../format/diff-text.js'
import {skippedNote} from '../pages.js'
import {publishedFiles} from '../feed/store.js'
import {catalogChange, commitToBranch, copyUpstreamPages, parseWatchedPage, upsertPullRequest} from '../feed/watch.js'
import {build} from './build.js'
import {parse, UsageError, type Io} from './common.js'

const options = {
  upstream: {type: 'string'},
  ref: {type: 'string'},
  page: {type: 'string', multiple: true},
  branch: {type: 'string'},
  base: {type: 'string'},
  out: {type: 'string'}
} as const

/** `watch`: the arguments after the command name; returns the exit code. */
export async function watchCommand(args: string[], io: Io): Promise<number> {
  const {values, positionals} = parse(args, options, {})
  if (positionals.length > 0) throw new UsageError('watch takes no file arguments')
  if (values.upstream === undefined || values.page === undefined) throw new UsageError('watch needs --upstream <repository> and --page <upstream.md>=<docs-source/page.md>')
  const token = process.env['GITHUB_TOKEN'] ?? ''
  const [owner, repo, ...rest] = (process.env['GITHUB_REPOSITORY'] ?? '').split('/')
  if (token === '' || !owner || !repo || rest.length > 0) throw new UsageError('watch needs GITHUB_TOKEN and GITHUB_REPOSITORY (owner/name) in its environment')
  const cwd = io.cwd
  const out = values.out ?? 'generated'
  const pages = values.page.map(parseWatchedPage)
  const changed = copyUpstreamPages(values.upstream, values.ref ?? 'HEAD', pages, cwd, {
    onSkip: (skipped) => io.stderr.write(`endpoint-catalog: ${skippedNote(skipped)}\n`)
  })
  io.stdout.write(`pages changed upstream: ${changed.length === 0 ? 'none' : changed.join(', ')}\n`)

  const built = await build(['--out', out], io)
  if (built !== 0) return built
  const document = catalogChange(out, cwd)
  if (document === undefined) {
    io.stdout.write('catalog unchanged: no pull request\n')
    return 0
  }

  const branch = values.branch ?? 'endpoint-catalog/upstream'
  const baseCommit = resolveCommit('HEAD', cwd)
  const published = Object.values(publishedFiles).map((name) => `${out}/${name}`)
  const head = commitToBranch(branch, [...pages.map((page) => page.page), ...published], `Follow the upstream docs: ${countText(document.counts)}`, cwd)
  const serverUrl = process.env['GITHUB_SERVER_URL'] || 'https://github.com'
  const body = commentBody(document, {serverUrl, repository: `${owner}/${repo}`, base: baseCommit, head, runUrl: runUrl(serverUrl, `${owner}/${repo}`), diffJsonPath: ''})
  const title = `Endpoints changed upstream: ${countText(document.counts)}`
  const result = await upsertPullRequest(githubClient(token), {owner, repo, head: branch, base: values.base ?? 'main'}, title, body)
  io.stdout.write(`pull request #${result.number} ${result.action}: ${result.url}\n`)
  return 0
}

function runUrl(serverUrl: string, repository: string): string | undefined {
  const id = process.env['GITHUB_RUN_ID']
  return id && /^[0-9]+$/.test(id) ? `${serverUrl}/${repository}/actions/runs/${id}` : undefined
}
