/**
 * The revisions of pages as a git repository holds them: every commit of the first-parent history
 * that changed a page, following its moves (recorded in the repository's redirection files, seen by
 * git's rename detection, or named with `--follow old=new`), read from git objects.
 */
import {resolve} from 'node:path'
import {InputError} from '../errors.js'
import {escapeControl} from '../core/text.js'
import {hasCommit, isRepositoryRoot, isShallow, pageLog, pagesOfCommits, resolveCommit, type TreeOptions} from '../git.js'
import {movedFrom, recordsMoves} from './redirections.js'
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
  /** Repositories fetched elsewhere: the directory of each, by the name revisions give it (default: the name is the path). */
  directories?: ReadonlyMap<string, string>
  /** Told of what the history leaves out (a shallow clone's missing commits), and of moves found ambiguous. */
  onNote?: (note: string) => void
}

interface Clone {
  directory: string
  ref: string
  /** The repository records its moves in redirection files (at `ref`): those are followed, not git's rename detection. */
  recordsMoves: boolean
}

/**
 * The revisions of the pages at `paths` (paths in `repository`, as they are at `HEAD`), oldest
 * first per page: each commit of the first-parent history that changed a page, merges compared
 * with their first parent. A page is followed across its moves: those the repository records in
 * its redirection files (`.openpublishing.redirection*.json`) when it has any, else those git's
 * rename detection sees; and the `follows`, `old.md=new.md`, either side as
 * `other-repository:path.md` when it is in another clone. Each page's history is one `git log`
 * stream per place it lived, and its revisions are read in one `git cat-file --batch` stream.
 */
export function gitRevisions(repository: string, paths: string[], follows: string[], options: GitHistoryOptions): GitRevision[] {
  const clones = new Map<string, Clone>()
  const clone = (name: string): Clone => {
    let found = clones.get(name)
    if (found === undefined) {
      const directory = repositoryDirectory(options.directories?.get(name) ?? name, options.cwd)
      const ref = resolveCommit('HEAD', directory)
      found = {directory, ref, recordsMoves: recordsMoves(ref, directory)}
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
    const visited = new Set<string>()
    for (let current: Place | undefined = {repository, path}; current !== undefined; ) {
      const here: Place = current
      if (visited.has(`${placeKey(here)}\0${here.from ?? ''}`)) throw new InputError(`--follow: the moves of ${escapeControl(path)} go round in a circle`)
      visited.add(`${placeKey(here)}\0${here.from ?? ''}`)
      const {directory, ref, recordsMoves: recorded} = clone(here.repository)
      const log = pageLog(here.from ?? ref, here.path, directory, {follow: !recorded})
      // Where moves are recorded, the path's life ends (going back) at the commit that added it.
      const added = recorded ? log.findIndex((commit) => commit.status === 'A') : -1
      const commits = (added === -1 ? log : log.slice(0, added + 1)).filter((commit) => commit.status !== 'D' && !seen.has(`${here.repository}\0${commit.sha}`))
      const pages = pagesOfCommits(commits, directory, options)
      commits.forEach((commit, index) => {
        const page = pages[index]
        seen.add(`${here.repository}\0${commit.sha}`)
        if (page !== undefined) found.push({page, origin: {lineage: path, commit: {repository: here.repository, sha: commit.sha, date: commit.committed}}})
      })
      const oldest = commits.at(-1)
      current = earlier.get(placeKey(here)) ?? (oldest ? earlier.get(placeKey({repository: here.repository, path: oldest.path})) : undefined)
      if (current === undefined && added !== -1) {
        const first = log[added]!
        const text = pages[commits.indexOf(first)]?.value
        const move = text === undefined ? undefined : movedFrom(first.sha, first.path, Buffer.from(text).toString('utf8'), directory, options.onNote)
        if (move !== undefined) current = {repository: here.repository, path: move.from, from: move.parent}
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
  /** The commit to read its history from (default: the repository's `HEAD`). */
  from?: string
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
