/**
 * Following the upstream docs from a catalog repository: copy the watched pages from a fetch of
 * the docs repository (read from git objects), and when the built catalog changed, commit it to a
 * branch and open or update the one pull request of that branch, its body the diff report.
 */
import {readFileSync} from 'node:fs'
import {join, resolve} from 'node:path'
import type {Catalog} from '../../generated/catalog.js'
import type {Diff} from '../../generated/diff.js'
import type {GitHubClient} from '../github.js'
import {diff} from '../diff/index.js'
import {InputError} from '../errors.js'
import {escapeControl} from '../core/text.js'
import {fileAtRevision, gitText, pageAtCommit, resolveCommit, type TreeOptions} from '../git.js'
import {readCatalog, writeFileAtomic} from '../io.js'
import {parseCatalog} from '../validate.js'
import {checkPath, repositoryDirectory} from './git-history.js'
import {emptyCatalog} from './release.js'
import {publishedFiles} from './store.js'

/** A watched page: its path in the upstream repository, and the page of the catalog repository it is copied to. */
export interface WatchedPage {
  upstream: string
  page: string
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

/**
 * Copy each watched page as it is at `ref` in the `upstream` repository over its page in `cwd`
 * (the page-set rules and the page size apply); returns the pages whose text changed.
 */
export function copyUpstreamPages(upstream: string, ref: string, pages: WatchedPage[], cwd: string, options: TreeOptions = {}): string[] {
  const directory = repositoryDirectory(upstream, cwd)
  const commit = resolveCommit(ref, directory)
  const changed: string[] = []
  for (const {upstream: path, page} of pages) {
    const found = pageAtCommit(commit, path, directory, options)
    if (found === undefined) throw new InputError(`${escapeControl(path)}: no such page at ${ref} in ${upstream}`)
    const target = resolve(cwd, page)
    const text = Buffer.from(found.value).toString('utf8')
    if (readText(target) === text) continue
    writeFileAtomic(target, text)
    changed.push(page)
  }
  return changed
}

/** The diff from the catalog committed at HEAD in `out` to the one built there; undefined when their content is the same. */
export function catalogChange(out: string, cwd: string): Diff | undefined {
  const path = join(out, publishedFiles.catalog)
  const committed = fileAtRevision('HEAD', path, cwd)
  const before: Catalog = committed === undefined ? emptyCatalog() : parseCatalog(committed.toString('utf8'), `HEAD:${path}`)
  const after = readCatalog(path, cwd)
  return before.contentHash === after.contentHash ? undefined : diff(before, after)
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
  const open = await client.paginate(client.rest.pulls.list, {owner, repo, head: `${owner}:${ref.head}`, base: ref.base, state: 'open', per_page: 100})
  const existing = open.find((pull) => pull.head.ref === ref.head)
  if (existing) {
    if (existing.title === title && existing.body === body) return {action: 'unchanged', number: existing.number, url: existing.html_url}
    const {data} = await client.rest.pulls.update({owner, repo, pull_number: existing.number, title, body})
    return {action: 'updated', number: data.number, url: data.html_url}
  }
  const {data} = await client.rest.pulls.create({owner, repo, head: ref.head, base: ref.base, title, body})
  return {action: 'created', number: data.number, url: data.html_url}
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8')
  } catch {
    return undefined
  }
}
