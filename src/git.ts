/**
 * Pages as they were at a git revision, read from git objects (`git ls-tree`, `git cat-file`):
 * nothing is checked out, and nothing from the revision is run.
 */
import {execFileSync} from 'node:child_process'
import type {PageInput} from './compile/catalog.js'
import {InputError} from './errors.js'

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
  if (ref.startsWith('-')) throw new InputError(`${ref}: not a git revision`)
  const commit = git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], cwd).toString('utf8').trim()
  const prefix = directory.replace(/\/+$/, '')
  const names = git(['ls-tree', '-r', '-z', '--name-only', commit, '--', prefix + '/'], cwd)
    .toString('utf8')
    .split('\0')
    .filter((name) => name.endsWith('.md'))
    .sort()
  return names.map((path) => ({path, value: git(['cat-file', 'blob', `${commit}:${path}`], cwd)}))
}
