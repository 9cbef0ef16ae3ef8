/**
 * Pages as they were at a git revision, read from git objects (`git ls-tree`, `git cat-file`):
 * nothing is checked out, and nothing from the revision is run.
 */
import {execFileSync} from 'node:child_process'
import picomatch from 'picomatch'
import type {PageInput} from './compile/catalog.js'
import {InputError} from './errors.js'
import {checkPageSize} from './io.js'

function git(args: string[], cwd: string): Buffer {
  try {
    return execFileSync('git', args, {cwd, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 256 * 2 ** 20})
  } catch (error) {
    const stderr = String((error as {stderr?: Buffer}).stderr ?? '').trim().split('\n')[0]
    throw new InputError(`git ${args.join(' ')}: ${stderr || (error as Error).message}`)
  }
}

/** The `*.md` pages under `directory` at `ref`, paths as in the repository. */
export function pagesAtRevision(ref: string, directory: string, cwd: string): PageInput[] {
  const commit = resolveCommit(ref, cwd)
  const prefix = directory.replace(/\/+$/, '')
  const names = git(['ls-tree', '-r', '-z', '--name-only', commit, '--', prefix + '/'], cwd)
    .toString('utf8')
    .split('\0')
    .filter((name) => name.endsWith('.md'))
    .sort()
  return names.map((path) => ({path, value: readBlob(commit, path, cwd)}))
}

/**
 * The files at `ref` whose paths from the repository root match one of `patterns` (picomatch
 * globs; a pattern starting with `!` excludes), in path order. Symbolic links and submodules are skipped.
 */
export function pagesMatching(ref: string, patterns: string[], cwd: string): PageInput[] {
  const commit = resolveCommit(ref, cwd)
  const include = patterns.filter((pattern) => !pattern.startsWith('!'))
  const exclude = patterns.filter((pattern) => pattern.startsWith('!')).map((pattern) => pattern.slice(1))
  if (include.length === 0) return []
  const included = picomatch(include)
  const excluded = exclude.length > 0 ? picomatch(exclude) : () => false

  const files = git(['ls-tree', '-r', '-z', '-l', '--full-tree', commit], cwd)
    .toString('utf8')
    .split('\0')
    .filter((line) => line !== '')
    .map((line) => {
      const tab = line.indexOf('\t')
      const [mode, type, , size] = line.slice(0, tab).split(/\s+/)
      return {mode, type, size: Number(size), path: line.slice(tab + 1)}
    })
    // A symbolic link's blob is its target path, not a page; a submodule is another repository.
    .filter((file) => file.type === 'blob' && file.mode !== '120000')
    .filter((file) => included(file.path) && !excluded(file.path))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))

  for (const file of files) checkPageSize(file.path, file.size)
  return files.map(({path}) => ({path, value: readBlob(commit, path, cwd)}))
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
