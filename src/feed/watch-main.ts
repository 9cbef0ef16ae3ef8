/**
 * The watch, run by a scheduled workflow in a catalog repository (examples/watch-upstream.yml):
 * `node dist/src/feed/watch-main.js --upstream dir --page upstream.md=docs-source/page.md…`.
 * Copies the pages from the fetched upstream, runs `build`, and when the catalog changed pushes
 * the branch and opens or updates its pull request. Exit codes as the command line's.
 */
import {spawnSync} from 'node:child_process'
import {fileURLToPath} from 'node:url'
import {parseArgs} from 'node:util'
import {commentBody} from '../action/report.js'
import {githubClient} from '../action/client.js'
import {InputError} from '../errors.js'
import {resolveCommit} from '../git.js'
import {countText} from '../format/diff-text.js'
import {skippedNote} from '../pages.js'
import {publishedFiles} from './store.js'
import {catalogChange, commitToBranch, copyUpstreamPages, parseWatchedPage, upsertPullRequest} from './watch.js'

const usage = `Usage: watch-main --upstream <repository> --page <upstream.md>=<docs-source/page.md>... [--ref ref]
       [--branch endpoint-catalog/upstream] [--base main] [--out generated]
Environment: GITHUB_TOKEN, GITHUB_REPOSITORY (owner/name); GITHUB_API_URL and GITHUB_SERVER_URL as the runner sets them.
`

const bin = fileURLToPath(new URL('../../../bin/endpoint-catalog.js', import.meta.url))

const options = {
  upstream: {type: 'string'},
  ref: {type: 'string'},
  page: {type: 'string', multiple: true},
  branch: {type: 'string'},
  base: {type: 'string'},
  out: {type: 'string'}
} as const

async function watch(argv: string[]): Promise<number> {
  let values
  try {
    values = parseArgs({args: argv, options, strict: true}).values
  } catch (error) {
    process.stderr.write(`watch: ${(error as Error).message}\n${usage}`)
    return 2
  }
  const token = process.env['GITHUB_TOKEN'] ?? ''
  const [owner, repo, ...rest] = (process.env['GITHUB_REPOSITORY'] ?? '').split('/')
  if (values.upstream === undefined || values.page === undefined || token === '' || !owner || !repo || rest.length > 0) {
    process.stderr.write(usage)
    return 2
  }
  const cwd = process.cwd()
  const out = values.out ?? 'generated'
  const pages = values.page.map(parseWatchedPage)
  const changed = copyUpstreamPages(values.upstream, values.ref ?? 'HEAD', pages, cwd, {
    onSkip: (skipped) => process.stderr.write(`watch: ${skippedNote(skipped)}\n`)
  })
  process.stdout.write(`pages changed upstream: ${changed.length === 0 ? 'none' : changed.join(', ')}\n`)

  const build = spawnSync(process.execPath, [bin, 'build', '--out', out], {cwd, stdio: 'inherit'})
  if (build.status !== 0) return build.status ?? 1
  const document = catalogChange(out, cwd)
  if (document === undefined) {
    process.stdout.write('catalog unchanged: no pull request\n')
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
  process.stdout.write(`pull request #${result.number} ${result.action}: ${result.url}\n`)
  return 0
}

function runUrl(serverUrl: string, repository: string): string | undefined {
  const id = process.env['GITHUB_RUN_ID']
  return id && /^[0-9]+$/.test(id) ? `${serverUrl}/${repository}/actions/runs/${id}` : undefined
}

watch(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    const detail = error instanceof Error ? error.message : String(error)
    process.stderr.write(`watch: ${error instanceof InputError ? '' : 'unexpected failure: '}${detail}\n`)
    process.exitCode = error instanceof InputError ? 2 : 1
  }
)
