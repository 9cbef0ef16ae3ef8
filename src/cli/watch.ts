/**
 * `watch`, run by a scheduled workflow in a catalog repository: with `--upstream dir --page
 * upstream.md=docs-source/page.md…`, one fetched repository; with neither, every page listed in
 * `upstream` of `endpoint-catalog.yaml` (examples/watch-family.yml), each repository fetched once.
 * Copies the pages, runs `build`, and when the catalog changed pushes the branch and opens or
 * updates its pull request; when it did not, or a page is gone upstream, closes the one open, with
 * a comment saying why. Exit codes as the other commands'.
 */
import {existsSync, mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join, resolve} from 'node:path'
import type {Config} from '../../generated/config.js'
import {commentBody} from '../action/report.js'
import {readConfig} from '../config.js'
import {InputError} from '../errors.js'
import {countText} from '../format/diff-text.js'
import {escapeControl} from '../format/escape.js'
import {fetchRepository, resolveCommit, stillUpstream} from '../git.js'
import {skippedNote} from '../pages.js'
import {publishedFiles, readFeed} from '../feed/store.js'
import {checkPath, repositoryDirectory} from '../feed/git-history.js'
import {
  catalogChange,
  closePullRequest,
  commitToBranch,
  copyFollowedPages,
  parseWatchedPage,
  pullRequestClient,
  upsertPullRequest,
  type PullRequestRef,
  type UpstreamPageState,
  type WatchedPage
} from '../feed/watch.js'
import {familyBody, type RecordedCommit, type UpstreamRead} from '../feed/watch-report.js'
import {build} from './build.js'
import {parse, UsageError, type Io} from './common.js'

const options = {
  upstream: {type: 'string'},
  ref: {type: 'string'},
  page: {type: 'string', multiple: true},
  branch: {type: 'string'},
  base: {type: 'string'},
  out: {type: 'string'},
  config: {type: 'string'}
} as const

/** `watch`: the arguments after the command name; returns the exit code. */
export async function watchCommand(args: string[], io: Io): Promise<number> {
  const {values, positionals} = parse(args, options, {})
  if (positionals.length > 0) throw new UsageError('watch takes no file arguments')
  if ((values.upstream === undefined) !== (values.page === undefined)) throw new UsageError('watch needs both --upstream <repository> and --page <upstream.md>=<docs-source/page.md>, or neither (the pages listed in `upstream` of endpoint-catalog.yaml)')
  const config = values.page === undefined ? readConfig(io.cwd, values.config) : undefined
  if (config !== undefined && config.upstream === undefined) throw new UsageError('watch needs --upstream and --page, or `upstream` in endpoint-catalog.yaml listing the pages to follow')
  if (config !== undefined && values.ref !== undefined) throw new UsageError('--ref is an option of --upstream; in endpoint-catalog.yaml each repository has its `ref`')
  const token = process.env['GITHUB_TOKEN'] ?? ''
  const [owner, repo, ...rest] = (process.env['GITHUB_REPOSITORY'] ?? '').split('/')
  if (token === '' || !owner || !repo || rest.length > 0) throw new UsageError('watch needs GITHUB_TOKEN and GITHUB_REPOSITORY (owner/name) in its environment')
  const cwd = io.cwd
  const out = values.out ?? 'generated'
  const tree = {
    onSkip: (skipped: Parameters<typeof skippedNote>[0]) => io.stderr.write(`endpoint-catalog: ${skippedNote(skipped)}\n`),
    onNote: (note: string) => io.stderr.write(`endpoint-catalog: ${note}\n`)
  }
  const client = pullRequestClient(token)
  const ref: PullRequestRef = {owner, repo, head: values.branch ?? 'endpoint-catalog/upstream', base: values.base ?? 'main'}

  const fetched = mkdtempSync(join(tmpdir(), 'endpoint-catalog-watch-'))
  let states: UpstreamPageState[]
  let upstream: UpstreamRead[]
  /** Where each page was looked for, for the messages: `HEAD in ../fetched`. */
  const where = new Map<UpstreamPageState, string>()
  try {
    if (config === undefined) {
      const pages = values.page!.map(parseWatchedPage)
      const directory = repositoryDirectory(values.upstream!, cwd)
      const commit = resolveCommit(values.ref ?? 'HEAD', directory)
      states = copyFollowedPages(directory, commit, pages, cwd, tree)
      upstream = [{repository: values.upstream!, commit}]
      for (const state of states) where.set(state, `${values.ref ?? 'HEAD'} in ${values.upstream}`)
    } else {
      ;({states, upstream} = copyListedPages(config, newestRecorded(out, cwd), fetched, cwd, tree))
      for (const state of states) where.set(state, `${upstream[state.repository]!.commit.slice(0, 7)} in ${upstream[state.repository]!.repository}`)
    }
  } finally {
    rmSync(fetched, {recursive: true, force: true})
  }
  const changed = states.filter((state) => state.changed).map((state) => state.watched.page)
  io.stdout.write(`pages changed upstream: ${changed.length === 0 ? 'none' : changed.join(', ')}\n`)
  for (const state of states) if (state.movedTo !== undefined) io.stdout.write(`${state.watched.upstream}: moved to ${state.movedTo} (a recorded redirection); update endpoint-catalog.yaml\n`)

  const deleted = states.filter((state) => state.deleted)
  if (deleted.length > 0) {
    const names = deleted.map((state) => `\`${escapeControl(state.watched.upstream)}\``).join(', ')
    const why = `Closed: ${names} ${deleted.length === 1 ? 'is' : 'are'} no longer upstream (${upstreamText(upstream)}), and no recorded redirection leads anywhere; this pull request proposed a change that no longer reflects the docs. Update \`upstream\` in \`endpoint-catalog.yaml\`.`
    const closed = await closePullRequest(client, ref, why)
    if (closed) io.stdout.write(`pull request #${closed.number} closed: a page is gone upstream\n`)
    const pages = deleted.map((state) => `${escapeControl(state.watched.upstream)}: no such page at ${escapeControl(where.get(state) ?? '')}, and no recorded redirection leads from it`)
    throw new InputError(`${pages.join('; ')}; the catalog's ${deleted.length === 1 ? 'page is' : 'pages are'} left as ${deleted.length === 1 ? 'it was' : 'they were'}`)
  }

  const built = await build(['--out', out], io)
  if (built !== 0) return built
  const change = catalogChange(out, cwd)
  if (change === undefined) {
    io.stdout.write('catalog unchanged: no pull request\n')
    const closed = await closePullRequest(client, ref, `Closed: upstream is back to what the catalog holds (${upstreamText(upstream)}); the change this pull request proposed is no longer upstream.`)
    if (closed) io.stdout.write(`pull request #${closed.number} closed: upstream is back to the catalog's state\n`)
    return 0
  }

  const baseCommit = resolveCommit('HEAD', cwd)
  const published = Object.values(publishedFiles).map((name) => `${out}/${name}`)
  const head = commitToBranch(ref.head, [...states.map((state) => state.watched.page), ...published], `Follow the upstream docs: ${countText(change.document.counts)}`, cwd)
  const serverUrl = process.env['GITHUB_SERVER_URL'] || 'https://github.com'
  const repository = `${owner}/${repo}`
  const body =
    config === undefined
      ? commentBody(change.document, {serverUrl, repository, base: baseCommit, head, runUrl: runUrl(serverUrl, repository), diffJsonPath: ''})
      : familyBody(change.before, change.after, {serverUrl, repository, base: baseCommit, head, upstream, pages: states})
  const title = `Endpoints changed upstream: ${countText(change.document.counts)}`
  const result = await upsertPullRequest(client, ref, title, body)
  io.stdout.write(`pull request #${result.number} ${result.action}: ${result.url}\n`)
  return 0
}

/** Fetch each repository listed in `upstream` once (into `fetched`) and copy its pages; a mapping is checked before anything is fetched. */
function copyListedPages(
  config: Config,
  recordedCommits: Map<string, RecordedCommit>,
  fetched: string,
  cwd: string,
  tree: {onSkip: (skipped: Parameters<typeof skippedNote>[0]) => void; onNote: (note: string) => void}
): {states: UpstreamPageState[]; upstream: UpstreamRead[]} {
  const listed = config.upstream!
  const targets = new Set<string>()
  for (const entry of listed) {
    for (const page of entry.pages) {
      checkPath(page.path)
      checkPath(page.page)
      if (targets.has(page.page)) throw new InputError(`endpoint-catalog.yaml: ${escapeControl(page.page)} is listed twice in \`upstream\``)
      targets.add(page.page)
    }
  }
  const states: UpstreamPageState[] = []
  const upstream: UpstreamRead[] = []
  listed.forEach((entry, index) => {
    const directory = join(fetched, String(index))
    const commit = fetchRepository(entry.repository, entry.ref, directory, cwd)
    const recorded = recordedCommits.get(entry.repository)
    const rewritten = recorded !== undefined && !stillUpstream(recorded.sha, recorded.date, entry.ref, directory) ? recorded : undefined
    upstream.push({repository: entry.repository, commit, ...(rewritten === undefined ? {} : {rewritten})})
    if (rewritten) tree.onNote(`${entry.repository}: commit ${rewritten.sha.slice(0, 7)}, recorded in version ${rewritten.version}, is no longer in its history (rewritten, or force-pushed); the catalog's recorded versions stay as they are`)
    const pages: WatchedPage[] = entry.pages.map((page) => ({upstream: page.path, page: page.page, ...(page.product === undefined ? {} : {product: page.product})}))
    for (const state of copyFollowedPages(directory, commit, pages, cwd, tree)) states.push({...state, repository: index})
  })
  return {states, upstream}
}

/**
 * The newest commit the published feed in `out` records of each repository (versions built by
 * `history --upstream` or `history --git` name the commits their pages were read from).
 */
function newestRecorded(out: string, cwd: string): Map<string, RecordedCommit> {
  const path = join(out, publishedFiles.feed)
  const newest = new Map<string, RecordedCommit>()
  if (!existsSync(resolve(cwd, path))) return newest
  for (const record of readFeed(path, cwd).versions) {
    for (const source of record.sources) {
      const commit = source.commit
      if (commit !== undefined && !newest.has(commit.repository)) newest.set(commit.repository, {sha: commit.sha, date: commit.date, version: record.version})
    }
  }
  return newest
}

function upstreamText(upstream: UpstreamRead[]): string {
  return upstream.map(({repository, commit}) => `${escapeControl(repository)} at ${commit.slice(0, 7)}`).join(', ')
}

function runUrl(serverUrl: string, repository: string): string | undefined {
  const id = process.env['GITHUB_RUN_ID']
  return id && /^[0-9]+$/.test(id) ? `${serverUrl}/${repository}/actions/runs/${id}` : undefined
}
