/**
 * The revisions of pages as a git repository holds them: every commit that touched a page,
 * following its renames (and the moves named with `--follow old=new`), read from git objects.
 */
import {resolve} from 'node:path'
import {InputError} from '../errors.js'
import {escapeControl} from '../format/escape.js'
import {fileCommits, hasCommit, isRepositoryRoot, isShallow, pageAtCommit, resolveCommit, type TreeOptions} from '../git.js'
import {isPagePath} from '../pages.js'
import type {PageInput} from '../compile/catalog.js'
import type {RevisionOrigin} from './history.js'

/** A page revision read from git, and where it comes from. */
export interface GitRevision {
  page: PageInput
  origin: RevisionOrigin
}

export interface GitHistoryOptions extends TreeOptions {
  /** The directory `repository` is relative to. */
  cwd: string
  /** The commit to walk back from (default: `HEAD`). */
  ref?: string
  /** Told of what the history leaves out (a shallow clone's missing commits). */
  onNote?: (note: string) => void
}

/**
 * The revisions of the pages at `paths` (paths in the repository, as they are at `ref`), oldest
 * first per page: each commit that touched a page, following the renames git detects and, where it
 * does not (a move and a rewrite in one commit), the `follows` (`old.md=new.md`).
 */
export function gitRevisions(repository: string, paths: string[], follows: string[], options: GitHistoryOptions): GitRevision[] {
  const cwd = repositoryDirectory(repository, options.cwd)
  const ref = resolveCommit(options.ref ?? 'HEAD', cwd)
  if (isShallow(cwd)) options.onNote?.(`${repository}: a shallow clone; its history starts at the earliest commit fetched`)
  const earlier = followMap(follows)
  const revisions: GitRevision[] = []
  for (const path of paths) {
    checkPath(path)
    const seen = new Set<string>()
    const found: GitRevision[] = []
    // Walk the lineage back: the page, then each path it was moved from.
    for (let current: string | undefined = path, steps = 0; current !== undefined; current = earlier.get(current), steps++) {
      if (steps > earlier.size) throw new InputError(`--follow: the moves of ${path} go round in a circle`)
      for (const commit of fileCommits(ref, current, cwd)) {
        if (commit.path === undefined || seen.has(commit.sha)) continue
        seen.add(commit.sha)
        const page = pageAtCommit(commit.sha, commit.path, cwd, options)
        if (page === undefined) continue
        found.push({page, origin: {lineage: path, commit: {repository, sha: commit.sha, date: commit.committed}}})
      }
    }
    if (found.length === 0) throw new InputError(`${escapeControl(path)}: no commit in ${repository} has this page`)
    for (const revision of found.reverse()) revisions.push(revision)
  }
  return revisions
}

/** `old.md=new.md` pairs as a map from the new path to the old. */
function followMap(follows: string[]): Map<string, string> {
  const map = new Map<string, string>()
  for (const follow of follows) {
    const match = /^([^=]+)=([^=]+)$/.exec(follow)
    if (!match) throw new InputError(`--follow ${escapeControl(follow)}: expected old.md=new.md`)
    const [, from, to] = match as unknown as [string, string, string]
    checkPath(from)
    checkPath(to)
    if (map.has(to)) throw new InputError(`--follow: ${escapeControl(to)} follows two pages`)
    map.set(to, from)
  }
  return map
}

/** A page path in a repository: relative, `/`-separated, a page by the page-set rules; an InputError otherwise. */
export function checkPath(path: string): void {
  if (path.startsWith('/') || path.startsWith('-') || path.split('/').includes('..') || !isPagePath(path)) {
    throw new InputError(`${escapeControl(path)}: expected a page's path in the repository (relative, *.md, no hidden segment)`)
  }
}

/** The directory of `repository` (relative to `cwd`); an InputError when it is not a git repository with commits. */
export function repositoryDirectory(repository: string, cwd: string): string {
  const directory = resolve(cwd, repository)
  if (!isRepositoryRoot(directory) || !hasCommit('HEAD', directory)) throw new InputError(`${escapeControl(repository)}: not a git repository with commits`)
  return directory
}
