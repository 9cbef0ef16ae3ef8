/**
 * Pages as they were at a git revision, read from git objects (`git ls-tree`, `git cat-file`):
 * nothing is checked out, and nothing from the revision is run.
 */
import {execFileSync} from 'node:child_process'
import {realpathSync} from 'node:fs'
import {posix, resolve} from 'node:path'
import picomatch from 'picomatch'
import type {PageInput} from './compile/catalog.js'
import {compareText} from './core/text.js'
import {InputError} from './errors.js'
import {escapeControl} from './core/text.js'
import {inputKind} from './kinds.js'
import {checkPageSize, defaultMaxPageBytes} from './io.js'
import {isHidden, isPagePath, pageName, skipReasons, type Skipped} from './pages.js'

/**
 * What git may run, switched off whatever the repository's own configuration says (a clone's
 * `.git/config` is not the user's to trust): no pager, no hooks, no file-system monitor, no
 * signature checks, no external diff or text conversion, no filter driver, no `ext::` transport.
 * Pathspecs are literal: `*`, `?` and `:(magic)` in a path are characters of the path.
 */
const nullDevice = process.platform === 'win32' ? 'NUL' : '/dev/null'
const neutralConfig = [
  'core.pager=cat',
  'core.fsmonitor=false',
  `core.hooksPath=${nullDevice}`,
  'log.showSignature=false',
  'gpg.program=false',
  'gpg.openpgp.program=false',
  'gpg.x509.program=false',
  'gpg.ssh.program=false',
  'commit.gpgSign=false',
  'tag.gpgSign=false',
  'diff.external=',
  'diff.noprefix=false',
  `core.attributesFile=${nullDevice}`,
  'protocol.ext.allow=never'
]

/** The arguments before a git command: the neutral configuration and literal pathspecs. */
export const gitOptions: readonly string[] = ['--no-pager', '--literal-pathspecs', ...neutralConfig.flatMap((entry) => ['-c', entry])]

/** The environment git runs in: no system configuration, no prompt, no pager or external diff from the environment. */
export function gitEnvironment(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_TERMINAL_PROMPT: '0', GIT_PAGER: 'cat', PAGER: 'cat'}
  for (const name of ['GIT_EXTERNAL_DIFF', 'GIT_DIFF_OPTS', 'GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE', 'GIT_OBJECT_DIRECTORY', 'GIT_ALTERNATE_OBJECT_DIRECTORIES', 'GIT_CONFIG']) delete env[name]
  return env
}

/** Commands that show diffs, and what keeps them from running anything (a driver's text conversion, an external diff, a signature check). */
const diffCommands = new Set(['log', 'show', 'diff', 'diff-tree', 'whatchanged'])
const inertDiff = ['--no-textconv', '--no-ext-diff', '--no-show-signature']

/** The filter drivers a repository's configuration names (`filter.<driver>.clean`, …), per directory: each is switched off by name. */
const filterDrivers = new Map<string, string[]>()

function driverOverrides(cwd: string): string[] {
  let found = filterDrivers.get(cwd)
  if (found === undefined) {
    let names = ''
    try {
      names = execFileSync('git', [...gitOptions, 'config', '-z', '--name-only', '--get-regexp', '^filter\\..+\\.(clean|smudge|process)$'], {cwd, env: gitEnvironment(), stdio: ['ignore', 'pipe', 'ignore']}).toString('utf8')
    } catch {
      // None configured (git exits 1), or not a repository: nothing to switch off.
    }
    found = names.split('\0').filter((name) => name !== '').flatMap((name) => ['-c', `${name}=`])
    filterDrivers.set(cwd, found)
  }
  return found
}

function git(args: string[], cwd: string, input?: Buffer | string): Buffer {
  const [command = '', ...rest] = args
  const guarded = diffCommands.has(command) ? [command, ...inertDiff, ...rest] : args
  try {
    return execFileSync('git', [...gitOptions, ...driverOverrides(cwd), ...guarded], {
      cwd,
      env: gitEnvironment(),
      stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
      maxBuffer: 1024 * 2 ** 20,
      ...(input === undefined ? {} : {input})
    })
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
  return pages.flatMap(({path}) => {
    const value = readBlob(commit, path, cwd)
    // A build's own change log, committed among the pages, is what the tool wrote: not read.
    if (inputKind(value.toString('utf8')) !== 'changelog') return [{path, value}]
    options.onSkip?.({path: escapeControl(path), reason: skipReasons.changelog})
    return []
  })
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

/** A commit of a page's first-parent history, as `git log --raw` reports it. */
export interface PageCommit {
  /** The commit's full id. */
  sha: string
  /** Its committer date, ISO 8601 in UTC (`2021-09-01T10:00:00Z`). */
  committed: string
  /** `A`dded, `M`odified, `D`eleted, `T`ype changed, `R`enamed or copied (as git's rename detection pairs paths). */
  status: 'A' | 'M' | 'D' | 'T' | 'R'
  /** The page's path at this commit (for a deletion, the path it had). */
  path: string
  /** For a rename: the path before it. */
  from?: string
  /** The file's mode and object id at this commit (for a deletion, before it). */
  mode: string
  object: string
}

export interface PageLogOptions {
  /** Follow renames as git's rename detection sees them (`--follow`); otherwise a path is only itself. */
  follow: boolean
}

/**
 * The commits on the first-parent line of `ref` that changed the file at `path`, newest first, in
 * one `git log` stream: a merge is compared with its first parent, so a page changed only through
 * a merge is a revision of the merge commit, and the side branch's own commits are not replayed.
 */
export function pageLog(ref: string, path: string, cwd: string, options: PageLogOptions): PageCommit[] {
  const commit = resolveCommit(ref, cwd)
  const renames = options.follow ? ['--follow', '-M'] : ['--no-renames']
  const output = git(
    ['log', '--first-parent', '--diff-merges=first-parent', '--raw', '-z', '--no-abbrev', ...renames, '--format=%x01%H %ct', commit, '--', path],
    cwd
  )
  const commits: PageCommit[] = []
  // Each record: \x01, id, space, committer time, NUL, newline; then `:modes ids status` NUL path NUL (two paths for a rename).
  for (const record of output.toString('latin1').split('\x01').slice(1)) {
    const fields = record.split('\0').map((field) => field.replace(/^\n+/, ''))
    const [sha = '', seconds = ''] = (fields[0] ?? '').split(' ')
    const committed = new Date(Number(seconds) * 1000).toISOString().replace('.000Z', 'Z')
    for (let index = 1; index < fields.length; index++) {
      const raw = /^:(\d+) (\d+) ([0-9a-f]+) ([0-9a-f]+) ([A-Z])/.exec(fields[index]!)
      if (!raw) continue
      const [, oldMode, newMode, oldObject, newObject, letter] = raw as unknown as [string, string, string, string, string, string]
      const paired = letter === 'R' || letter === 'C'
      const first = pageName(Buffer.from(fields[index + 1] ?? '', 'latin1'))
      const second = paired ? pageName(Buffer.from(fields[index + 2] ?? '', 'latin1')) : undefined
      index += paired ? 2 : 1
      // Following a page, git names a copy as where it came from, as it does a rename.
      const status = (paired ? 'R' : ['A', 'M', 'D', 'T'].includes(letter) ? letter : 'M') as PageCommit['status']
      const deleted = status === 'D'
      commits.push({
        sha,
        committed,
        status,
        path: second ?? first,
        ...(second === undefined ? {} : {from: first}),
        mode: deleted ? oldMode : newMode,
        object: deleted ? oldObject : newObject
      })
    }
  }
  return commits
}

/** What `git cat-file --batch-check` says of each name (`commit:path`, an object id): its type and size, or undefined when missing. */
export function objectInfo(names: string[], cwd: string): Array<{type: string; size: number} | undefined> {
  if (names.length === 0) return []
  if (names.some((name) => /[\n\r]/.test(name))) throw new InputError('an object name with a line break')
  const lines = git(['cat-file', '--batch-check=%(objecttype) %(objectsize)'], cwd, names.join('\n') + '\n').toString('utf8').split('\n')
  return names.map((_, index) => {
    const match = /^(\w+) (\d+)$/.exec(lines[index] ?? '')
    return match ? {type: match[1]!, size: Number(match[2])} : undefined
  })
}

/** The contents of objects (ids or `commit:path` names), read in one `git cat-file --batch` stream; undefined where missing. */
export function readObjects(names: string[], cwd: string): Array<Buffer | undefined> {
  if (names.length === 0) return []
  if (names.some((name) => /[\n\r]/.test(name))) throw new InputError('an object name with a line break')
  const output = git(['cat-file', '--batch'], cwd, names.join('\n') + '\n')
  const objects: Array<Buffer | undefined> = []
  let offset = 0
  for (let index = 0; index < names.length; index++) {
    const end = output.indexOf(0x0a, offset)
    const header = output.subarray(offset, end).toString('utf8')
    offset = end + 1
    const match = /^[0-9a-f]+ \w+ (\d+)$/.exec(header)
    if (!match) {
      objects.push(undefined)
      continue
    }
    const size = Number(match[1])
    objects.push(output.subarray(offset, offset + size))
    offset += size + 1
  }
  return objects
}

/** The names of the files at the top of the tree of `commit`. */
export function rootFiles(commit: string, cwd: string): string[] {
  // No `-l`: in a blobless clone, sizes would fetch every blob.
  return treeEntries(['ls-tree', '-z', commit], cwd)
    .filter((entry) => entry.type === 'blob')
    .map((entry) => entry.path.toString('utf8'))
}

/** The paths of the files in the tree of `commit` (read from the tree alone: a blobless clone fetches nothing). */
export function treeFiles(commit: string, cwd: string): string[] {
  return treeEntries(['ls-tree', '-r', '-z', '--full-tree', commit], cwd)
    .filter((entry) => entry.type === 'blob')
    .map((entry) => entry.path.toString('utf8'))
}

/** The first parent of `commit`, or undefined for a root commit (or one whose parent a shallow clone lacks). */
export function firstParent(commit: string, cwd: string): string | undefined {
  try {
    return git(['rev-parse', '--verify', '--quiet', `${commit}^1^{commit}`], cwd).toString('utf8').trim() || undefined
  } catch {
    return undefined
  }
}

/**
 * The pages of `commits` (each a page's object at a commit, as `pageLog` gives them), chosen as the
 * page sets choose files: a symbolic link or a submodule is skipped with a note (undefined), an
 * object past `maxPageBytes` is refused before it is read. Objects are read in one stream.
 */
export function pagesOfCommits(commits: PageCommit[], cwd: string, options: TreeOptions = {}): Array<PageInput | undefined> {
  const limit = options.maxPageBytes ?? defaultMaxPageBytes
  const wanted = commits.map((commit) => {
    if (commit.mode === '160000') options.onSkip?.({path: escapeControl(commit.path), reason: skipReasons.submodule})
    else if (commit.mode === '120000') options.onSkip?.({path: escapeControl(commit.path), reason: skipReasons.symlink})
    else if (commit.mode.startsWith('100')) return true
    return false
  })
  const chosen = commits.filter((_, index) => wanted[index])
  const sizes = objectInfo(chosen.map((commit) => commit.object), cwd)
  chosen.forEach((commit, index) => checkPageSize(commit.path, sizes[index]?.size ?? 0, limit))
  const values = readObjects(chosen.map((commit) => commit.object), cwd)
  let next = 0
  return commits.map((commit, index) => {
    if (!wanted[index]) return undefined
    const value = values[next++]
    return value === undefined ? undefined : {path: commit.path, value}
  })
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

/**
 * Fetch `ref` (default: the remote's default branch) of the repository at `url` into a new bare
 * repository `directory`, whose HEAD it becomes: blobless, so only the trees and the pages read
 * come over, and shallow (its latest commit only) unless `history` asks for the whole first-parent
 * history. Returns the commit. A URL without a scheme is a path relative to `cwd`.
 */
export function fetchRepository(url: string, ref: string | undefined, directory: string, cwd: string, options: {history?: boolean} = {}): string {
  if (url.startsWith('-') || (ref ?? '').startsWith('-')) throw new InputError(`${escapeControl(url)}: not a repository URL`)
  const remote = /^[a-z][a-z0-9+.-]*:\/\//i.test(url) || /^[^/]+@[^/]+:/.test(url) ? url : resolve(cwd, url)
  git(['init', '-q', '--bare', directory], cwd)
  // A named remote: the blobs a blobless fetch leaves out are fetched from it when a page is read.
  git(['remote', 'add', 'upstream', remote], directory)
  const depth = options.history ? [] : ['--depth', '1']
  git(['fetch', '-q', '--no-tags', ...depth, '--filter=blob:none', 'upstream', `+${ref ?? 'HEAD'}:refs/heads/upstream`], directory)
  git(['symbolic-ref', 'HEAD', 'refs/heads/upstream'], directory)
  return resolveCommit('HEAD', directory)
}

/**
 * Whether `commit`, recorded from the repository fetched into `directory` by `fetchRepository`
 * and committed at `date` (ISO 8601), is still on the history of `ref`: the fetch is deepened to
 * the day before `date`, so a commit the repository no longer has (its history rewritten, a
 * force-push) is told from one a shallow fetch left out.
 */
export function stillUpstream(commit: string, date: string, ref: string | undefined, directory: string): boolean {
  if (!/^[0-9a-f]{40}([0-9a-f]{24})?$/.test(commit) || Number.isNaN(Date.parse(date))) return false
  const since = new Date(Date.parse(date) - 86_400_000).toISOString()
  git(['fetch', '-q', '--no-tags', `--shallow-since=${since}`, '--filter=blob:none', 'upstream', `+${ref ?? 'HEAD'}:refs/heads/upstream`], directory)
  if (objectInfo([commit], directory)[0]?.type !== 'commit') return false
  try {
    git(['merge-base', '--is-ancestor', commit, 'HEAD'], directory)
    return true
  } catch {
    return false
  }
}

/** Whether the repository in `cwd` is a shallow clone (its history stops at the commits fetched). */
export function isShallow(cwd: string): boolean {
  return git(['rev-parse', '--is-shallow-repository'], cwd).toString('utf8').trim() === 'true'
}

/** Whether `cwd` is itself a git repository (its work tree's top, or a bare repository), not a directory inside one. */
export function isRepositoryRoot(cwd: string): boolean {
  try {
    const [bare, gitDirectory] = git(['rev-parse', '--is-bare-repository', '--absolute-git-dir'], cwd).toString('utf8').split('\n')
    const here = realpathSync(cwd)
    // A bare repository has no work tree to ask the top of.
    return bare === 'true' ? realpathSync(gitDirectory ?? '') === here : gitText(['rev-parse', '--show-toplevel'], cwd) === here
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
