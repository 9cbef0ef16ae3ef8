/**
 * The revisions of pages as a git repository holds them: every commit that touched a page,
 * following its renames (and the moves named with `--follow old=new`), read from git objects.
 */
import {resolve} from 'node:path'
import {InputError} from '../errors.js'
import {escapeControl} from '../core/text.js'
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
  /** Told of what the history leaves out (a shallow clone's missing commits). */
  onNote?: (note: string) => void
}

/**
 * The revisions of the pages at `paths` (paths in `repository`, as they are at `HEAD`), oldest
 * first per page: each commit that touched a page, following the renames git detects and, where it
 * does not (a move and a rewrite in one commit, or a move from another repository), the `follows`:
 * `old.md=new.md`, either side as `other-repository:path.md` when it is in another clone.
 */
export function gitRevisions(repository: string, paths: string[], follows: string[], options: GitHistoryOptions): GitRevision[] {
  const clones = new Map<string, {directory: string; ref: string}>()
  const clone = (name: string) => {
    let found = clones.get(name)
    if (found === undefined) {
      const directory = repositoryDirectory(name, options.cwd)
      found = {directory, ref: resolveCommit('HEAD', directory)}
      if (isShallow(directory)) options.onNote?.(`${name}: a shallow clone; its history starts at the earliest commit fetched`)
      clones.set(name, found)
    }
    return found
  }
  clone(repository)
  const earlier = followMap(follows, repository)
  const revisions: GitRevision[] = []
  for (const path of paths) {
    checkPath(path)
    const seen = new Set<string>()
    const found: GitRevision[] = []
    // Walk the lineage back: the page, then each place it was moved from.
    let steps = 0
    for (let current: Place | undefined = {repository, path}; current !== undefined; current = earlier.get(placeKey(current))) {
      if (steps++ > earlier.size) throw new InputError(`--follow: the moves of ${escapeControl(path)} go round in a circle`)
      const {directory, ref} = clone(current.repository)
      for (const commit of fileCommits(ref, current.path, directory)) {
        const key = `${current.repository}\0${commit.sha}`
        if (commit.path === undefined || seen.has(key)) continue
        seen.add(key)
        const page = pageAtCommit(commit.sha, commit.path, directory, options)
        if (page === undefined) continue
        found.push({page, origin: {lineage: path, commit: {repository: current.repository, sha: commit.sha, date: commit.committed}}})
      }
    }
    if (found.length === 0) throw new InputError(`${escapeControl(path)}: no commit in ${repository} has this page`)
    for (const revision of found.reverse()) revisions.push(revision)
  }
  return revisions
}

/** A page's path in one repository. */
interface Place {
  repository: string
  path: string
}

const placeKey = (place: Place) => `${place.repository}\0${place.path}`

/** `old.md=new.md` pairs (a side in another repository as `repository:path.md`) as a map from the new place to the old. */
function followMap(follows: string[], repository: string): Map<string, Place> {
  const map = new Map<string, Place>()
  const place = (text: string): Place => {
    const colon = text.lastIndexOf(':')
    const found = colon === -1 ? {repository, path: text} : {repository: text.slice(0, colon), path: text.slice(colon + 1)}
    checkPath(found.path)
    return found
  }
  for (const follow of follows) {
    const match = /^([^=]+)=([^=]+)$/.exec(follow)
    if (!match) throw new InputError(`--follow ${escapeControl(follow)}: expected old.md=new.md`)
    const [, from, to] = match as unknown as [string, string, string]
    const key = placeKey(place(to))
    if (map.has(key)) throw new InputError(`--follow: ${escapeControl(to)} follows two pages`)
    map.set(key, place(from))
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
