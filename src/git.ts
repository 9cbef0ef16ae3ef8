/**
 * Pages as they were at a git revision, read from git objects (`git ls-tree`, `git cat-file`):
 * nothing is checked out, and nothing from the revision is run.
 */
import {execFileSync} from 'node:child_process'
import {realpathSync} from 'node:fs'
import {posix} from 'node:path'
import picomatch from 'picomatch'
import type {PageInput} from './compile/catalog.js'
import {compareText} from './core/text.js'
import {InputError} from './errors.js'
import {escapeControl} from './core/text.js'
import {checkPageSize, defaultMaxPageBytes} from './io.js'
import {isHidden, isPagePath, pageName, skipReasons, type Skipped} from './pages.js'

function git(args: string[], cwd: string): Buffer {
  try {
    return execFileSync('git', args, {cwd, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 256 * 2 ** 20})
  } catch (error) {
    const stderr = String((error as {stderr?: Buffer}).stderr ?? '').trim().split('\n')[0]
    throw new InputError(`git ${args.join(' ')}: ${stderr || (error as Error).message}`)
  }
}

export interface TreeOptions {
  /** A page past this many bytes is refused before it is read (default: `defaultMaxPageBytes`). */
  maxPageBytes?: number
  /** Told of each file left out of the page set (symbolic links, submodules). */
  onSkip?: (skipped: Skipped) => void
}

/** The pages under `directory` at `ref`, paths as in the repository, chosen as `pagesInDirectory` chooses them. */
export function pagesAtRevision(ref: string, directory: string, cwd: string, options: TreeOptions = {}): PageInput[] {
  const commit = resolveCommit(ref, cwd)
  const prefix = directory.replace(/\/+$/, '')
  const entries = treeEntries(['ls-tree', '-r', '-z', '-l', commit, '--', prefix + '/'], cwd)
  return pagesOf(commit, entries, (path) => (path.startsWith(prefix + '/') ? path.slice(prefix.length + 1) : undefined), cwd, options)
}

/**
 * The pages at `ref` whose paths from the repository root match one of `patterns` (picomatch
 * globs; a pattern starting with `!` excludes), in path order. Hidden segments below a glob's base
 * (`docs-source` for the default glob) are skipped; symbolic links and submodules are skipped with a note.
 */
export function pagesMatching(ref: string, patterns: string[], cwd: string, options: TreeOptions = {}): PageInput[] {
  const commit = resolveCommit(ref, cwd)
  const include = patterns.filter((pattern) => !pattern.startsWith('!'))
  const exclude = patterns.filter((pattern) => pattern.startsWith('!')).map((pattern) => pattern.slice(1))
  if (include.length === 0) return []
  const matchers = include.map((pattern) => {
    const scan = picomatch.scan(pattern)
    // A literal path's root is its directory: the hidden rule applies to its name too.
    const base = scan.isGlob ? scan.base : posix.dirname(pattern)
    return {matches: picomatch(pattern), base: base === '.' ? '' : base}
  })
  const excluded = exclude.length > 0 ? picomatch(exclude) : () => false
  const below = (path: string): string | undefined => {
    if (excluded(path)) return undefined
    const matcher = matchers.find((candidate) => candidate.matches(path))
    if (!matcher) return undefined
    return matcher.base === '' ? path : path.slice(matcher.base.length + 1)
  }
  return pagesOf(commit, treeEntries(['ls-tree', '-r', '-z', '-l', '--full-tree', commit], cwd), below, cwd, options)
}

interface TreeEntry {
  mode: string
  type: string
  size: number
  /** The path's bytes, as git stores them (not necessarily UTF-8). */
  path: Buffer
}

function treeEntries(args: string[], cwd: string): TreeEntry[] {
  const output = git(args, cwd)
  const entries: TreeEntry[] = []
  let start = 0
  while (start < output.length) {
    let end = output.indexOf(0, start)
    if (end === -1) end = output.length
    const record = output.subarray(start, end)
    start = end + 1
    const tab = record.indexOf(0x09)
    if (tab === -1) continue
    const [mode = '', type = '', , size = ''] = record.subarray(0, tab).toString('latin1').split(/\s+/)
    entries.push({mode, type, size: Number(size), path: record.subarray(tab + 1)})
  }
  return entries
}

/**
 * The page set of a tree: `below` gives an entry's path under its root (undefined: not selected);
 * each page is size-checked from the tree before its blob is read.
 */
function pagesOf(commit: string, entries: TreeEntry[], below: (path: string) => string | undefined, cwd: string, options: TreeOptions): PageInput[] {
  const limit = options.maxPageBytes ?? defaultMaxPageBytes
  const selected: TreeEntry[] = []
  for (const entry of entries) {
    const loose = entry.path.toString('utf8')
    const relative = below(loose)
    if (relative === undefined || isHidden(relative)) continue
    // A symbolic link's blob is its target path, not a page; a submodule is another repository.
    if (entry.type === 'commit') options.onSkip?.({path: escapeControl(loose), reason: skipReasons.submodule})
    else if (entry.mode === '120000') options.onSkip?.({path: escapeControl(loose), reason: skipReasons.symlink})
    else if (entry.type === 'blob' && isPagePath(relative)) selected.push(entry)
  }
  const pages = selected.map((entry) => ({path: pageName(entry.path), size: entry.size})).sort((a, b) => compareText(a.path, b.path))
  for (const page of pages) checkPageSize(page.path, page.size, limit)
  return pages.map(({path}) => ({path, value: readBlob(commit, path, cwd)}))
}

/** A file's bytes at `ref`, or undefined when the revision has no such file. */
export function fileAtRevision(ref: string, path: string, cwd: string): Buffer | undefined {
  const commit = resolveCommit(ref, cwd)
  let type: string
  try {
    type = git(['cat-file', '-t', `${commit}:${path}`], cwd).toString('utf8').trim()
  } catch {
    return undefined
  }
  return type === 'blob' ? readBlob(commit, path, cwd) : undefined
}

/** The object id of the file at `ref` (undefined when there is none): compares two revisions of a file without reading either. */
export function objectAtRevision(ref: string, path: string, cwd: string): string | undefined {
  const commit = resolveCommit(ref, cwd)
  try {
    return git(['rev-parse', '--verify', '--quiet', `${commit}:${path}`], cwd).toString('utf8').trim() || undefined
  } catch {
    return undefined
  }
}

/** Whether the repository in `cwd` holds the commit `ref` names (a shallow clone may not). */
export function hasCommit(ref: string, cwd: string): boolean {
  try {
    resolveCommit(ref, cwd)
    return true
  } catch {
    return false
  }
}

/** The best common ancestor of two commits, or undefined when the history does not join them. */
export function mergeBase(a: string, b: string, cwd: string): string | undefined {
  try {
    return git(['merge-base', resolveCommit(a, cwd), resolveCommit(b, cwd)], cwd).toString('utf8').trim() || undefined
  } catch {
    return undefined
  }
}

/** The full id of the commit `ref` names; an InputError when it names none. */
export function resolveCommit(ref: string, cwd: string): string {
  if (ref.startsWith('-')) throw new InputError(`${ref}: not a git revision`)
  return git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], cwd).toString('utf8').trim()
}

function readBlob(commit: string, path: string, cwd: string): Buffer {
  return git(['cat-file', 'blob', `${commit}:${path}`], cwd)
}

/** A commit that touched a file, and the file's path in it (undefined when the commit deleted it). */
export interface FileCommit {
  /** The commit's full id. */
  sha: string
  /** Its committer date, ISO 8601 in UTC (`2021-09-01T10:00:00Z`). */
  committed: string
  path: string | undefined
}

/**
 * The commits reachable from `ref` that touched `path`, newest first, following its renames as
 * `git log --follow` detects them; merges are left out (their pages are their parents').
 */
export function fileCommits(ref: string, path: string, cwd: string): FileCommit[] {
  const commit = resolveCommit(ref, cwd)
  // Each record: \x01, id, space, committer time; then NUL-separated status and paths.
  const output = git(['log', '--follow', '--no-merges', '-M', '--name-status', '-z', '--format=%x01%H %ct', commit, '--', path], cwd)
  const commits: FileCommit[] = []
  for (const record of output.toString('latin1').split('\x01').slice(1)) {
    const fields = record.split('\0').map((field) => field.replace(/^\n+/, ''))
    const [sha = '', seconds = ''] = (fields[0] ?? '').split(' ')
    const status = fields[1] ?? ''
    // A rename or copy names the old path, then the new one; the new one is the file at this commit.
    const named = /^[RC]/.test(status) ? fields[3] : fields[2]
    if (named === undefined) continue
    const committed = new Date(Number(seconds) * 1000).toISOString().replace('.000Z', 'Z')
    commits.push({sha, committed, path: status.startsWith('D') ? undefined : pageName(Buffer.from(named, 'latin1'))})
  }
  return commits
}

/**
 * The page at `path` in `commit`, chosen as the page sets choose files: a symbolic link or a
 * submodule is skipped with a note (undefined), a blob past `maxPageBytes` is refused before it is read.
 */
export function pageAtCommit(commit: string, path: string, cwd: string, options: TreeOptions = {}): PageInput | undefined {
  const full = resolveCommit(commit, cwd)
  const entries = treeEntries(['ls-tree', '-z', '-l', '--full-tree', full, '--', path], cwd).filter((entry) => entry.path.toString('utf8') === path)
  const pages = pagesOf(full, entries, (loose) => loose, cwd, options)
  return pages[0]
}

/** Whether the repository in `cwd` is a shallow clone (its history stops at the commits fetched). */
export function isShallow(cwd: string): boolean {
  return git(['rev-parse', '--is-shallow-repository'], cwd).toString('utf8').trim() === 'true'
}

/** Whether `cwd` is itself a git repository (its work tree's top, or a bare repository), not a directory inside one. */
export function isRepositoryRoot(cwd: string): boolean {
  try {
    const [bare, gitDirectory, top] = git(['rev-parse', '--is-bare-repository', '--absolute-git-dir', '--show-toplevel'], cwd).toString('utf8').split('\n')
    const here = realpathSync(cwd)
    return bare === 'true' ? gitDirectory === here : top === here
  } catch {
    return false
  }
}

/**
 * Run git with `args` in `cwd` and return its output as trimmed text; a failure is an InputError
 * naming the command and git's first line of complaint. Callers put paths after `--`.
 */
export function gitText(args: string[], cwd: string): string {
  return git(args, cwd).toString('utf8').trim()
}
