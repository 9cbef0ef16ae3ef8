/**
 * Following the upstream docs from a catalog repository: copy the watched pages from a fetch of
 * the docs repository (read from git objects), and when the built catalog changed, commit it to a
 * branch and open or update the one pull request of that branch, its body the diff report.
 */
import {readFileSync} from 'node:fs'
import {join, resolve} from 'node:path'
import type {Catalog} from '../../generated/catalog.js'
import type {Diff} from '../../generated/diff.js'
import {githubClient, type GitHubClient} from '../github.js'
import {diff} from '../diff/index.js'
import {InputError} from '../errors.js'
import {escapeControl} from '../core/text.js'
import {fileAtRevision, gitText, pageAtCommit, type TreeOptions} from '../git.js'
import {readCatalog, writeFileAtomic} from '../io.js'
import {parseCatalog} from '../validate.js'
import {checkPath} from './git-history.js'
import {redirectedPage} from './redirections.js'
import {emptyCatalog} from './release.js'
import {publishedFiles} from './store.js'

/** A watched page: its path in the upstream repository, the page of the catalog repository it is copied to, and its product. */
export interface WatchedPage {
  upstream: string
  page: string
  product?: string
}

/** `upstream/path.md=docs-source/page.md` as a watched page; an InputError when it is not of that form. */
export function parseWatchedPage(text: string): WatchedPage {
  const match = /^([^=]+)=([^=]+)$/.exec(text)
  if (!match) throw new InputError(`--page ${escapeControl(text)}: expected upstream/path.md=docs-source/page.md`)
  const [, upstream, page] = match as unknown as [string, string, string]
  checkPath(upstream)
  checkPath(page)
  return {upstream, page}
}

/** A watched page as the upstream commit has it: copied, moved (a redirection leads to it), or gone. */
export interface UpstreamPageState {
  watched: WatchedPage
  /** The page's path upstream now, when a recorded move led elsewhere than the watched path. */
  movedTo?: string
  /** The page is not in the commit, and no redirection leads from it to a page. */
  deleted?: true
  /** Its text in the catalog repository changed. */
  changed: boolean
  /** Which of the repositories read it comes from (their order in the configuration; 0 for `--upstream`). */
  repository: number
}

/**
 * Copy each watched page as it is at `commit` in the repository in `directory` over its page in
 * `cwd`. A page that is no longer at its path is followed through the redirections recorded at
 * `commit`; one that none leads anywhere is reported deleted, and its page is left as it is.
 */
export function copyFollowedPages(directory: string, commit: string, pages: WatchedPage[], cwd: string, options: TreeOptions & {onNote?: (note: string) => void} = {}): UpstreamPageState[] {
  return pages.map((watched): UpstreamPageState => {
    let path = watched.upstream
    let found = pageAtCommit(commit, path, directory, options)
    let movedTo: string | undefined
    if (found === undefined) {
      movedTo = redirectedPage(commit, path, directory, options.onNote)
      if (movedTo === undefined) return {watched, deleted: true, changed: false, repository: 0}
      path = movedTo
      found = pageAtCommit(commit, path, directory, options)
      if (found === undefined) return {watched, deleted: true, changed: false, repository: 0}
    }
    const target = resolve(cwd, watched.page)
    const text = Buffer.from(found.value).toString('utf8')
    const changed = readText(target) !== text
    if (changed) writeFileAtomic(target, text)
    return {watched, changed, repository: 0, ...(movedTo === undefined ? {} : {movedTo})}
  })
}

/** The catalog committed at HEAD in `out`, the one built there, and the diff between them; undefined when their content is the same. */
export function catalogChange(out: string, cwd: string): {before: Catalog; after: Catalog; document: Diff} | undefined {
  const path = join(out, publishedFiles.catalog)
  const committed = fileAtRevision('HEAD', path, cwd)
  const before: Catalog = committed === undefined ? emptyCatalog() : parseCatalog(committed.toString('utf8'), `HEAD:${path}`)
  const after = readCatalog(path, cwd)
  return before.contentHash === after.contentHash ? undefined : {before, after, document: diff(before, after)}
}

/**
 * Commit `paths` on `branch`, started afresh from HEAD, and push it to `origin`, replacing what the
 * branch held; returns the commit. The branch name is checked before git sees it.
 */
export function commitToBranch(branch: string, paths: string[], message: string, cwd: string): string {
  const run = (args: string[]) => gitText(args, cwd)
  if (branch.startsWith('-')) throw new InputError(`${escapeControl(branch)}: not a branch name`)
  try {
    run(['check-ref-format', '--branch', branch])
  } catch {
    throw new InputError(`${escapeControl(branch)}: not a branch name`)
  }
  run(['checkout', '-q', '-B', branch])
  run(['add', '--', ...paths])
  run(['commit', '-q', '-m', message])
  run(['push', '-q', '--force', 'origin', `HEAD:refs/heads/${branch}`])
  return run(['rev-parse', 'HEAD'])
}

export interface PullRequestRef {
  owner: string
  repo: string
  /** The branch the changes are on, and the branch they are for. */
  head: string
  base: string
}

export type PullRequestResult = {action: 'created' | 'updated' | 'unchanged'; number: number; url: string}

/** Open the pull request from `head` into `base` with this title and body, or update the open one: never a second. */
export async function upsertPullRequest(client: GitHubClient, ref: PullRequestRef, title: string, body: string): Promise<PullRequestResult> {
  const {owner, repo} = ref
  const existing = await openPullRequest(client, ref)
  if (existing) {
    if (existing.title === title && existing.body === body) return {action: 'unchanged', number: existing.number, url: existing.html_url}
    const {data} = await client.rest.pulls.update({owner, repo, pull_number: existing.number, title, body})
    return {action: 'updated', number: data.number, url: data.html_url}
  }
  const {data} = await client.rest.pulls.create({owner, repo, head: ref.head, base: ref.base, title, body})
  return {action: 'created', number: data.number, url: data.html_url}
}

/** A client for the GitHub REST API, authenticated with `token`: the one place the watch gets one. */
export function pullRequestClient(token: string): GitHubClient {
  return githubClient(token)
}

/** The open pull request from `head` into `base`, if any. */
async function openPullRequest(client: GitHubClient, ref: PullRequestRef): Promise<{number: number; html_url: string; title: string; body: string | null} | undefined> {
  const {owner, repo} = ref
  const open = await client.paginate(client.rest.pulls.list, {owner, repo, head: `${owner}:${ref.head}`, base: ref.base, state: 'open', per_page: 100})
  return open.find((pull) => pull.head.ref === ref.head)
}

/**
 * Close the open pull request from `head` into `base`, with a comment saying `why` (it proposes a
 * change upstream no longer makes); returns it, or undefined when none is open.
 */
export async function closePullRequest(client: GitHubClient, ref: PullRequestRef, why: string): Promise<{number: number; url: string} | undefined> {
  const {owner, repo} = ref
  const open = await openPullRequest(client, ref)
  if (open === undefined) return undefined
  await client.rest.issues.createComment({owner, repo, issue_number: open.number, body: why})
  await client.rest.pulls.update({owner, repo, pull_number: open.number, state: 'closed'})
  return {number: open.number, url: open.html_url}
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8')
  } catch {
    return undefined
  }
}
