// A temporary git repository to commit pages into, for the tests that read revisions.
import {execFileSync} from 'node:child_process'
import {mkdirSync, rmSync, writeFileSync} from 'node:fs'
import {dirname, join} from 'node:path'
import {temporaryDirectory} from './temporary.js'

export interface Repository {
  directory: string
  /** Write (or, for null, delete) files and commit them; returns the commit id. */
  commit(files: Record<string, string | null>, message?: string): string
  git(...args: string[]): string
}

/** A new repository on branch `main`. */
export function temporaryRepository(): Repository {
  const directory = temporaryDirectory('repository')
  const git = (...args: string[]) => execFileSync('git', args, {cwd: directory, stdio: 'pipe'}).toString().trim()
  git('init', '-q', '-b', 'main')
  git('config', 'user.email', 'test@example.invalid')
  git('config', 'user.name', 'test')
  git('config', 'commit.gpgsign', 'false')
  return {
    directory,
    git,
    commit(files, message = 'change') {
      for (const [path, text] of Object.entries(files)) {
        const target = join(directory, path)
        if (text === null) {
          rmSync(target)
        } else {
          mkdirSync(dirname(target), {recursive: true})
          writeFileSync(target, text)
        }
      }
      git('add', '-A')
      git('commit', '-q', '--allow-empty', '-m', message)
      return git('rev-parse', 'HEAD')
    }
  }
}

/** Run git in `cwd`; its output, trimmed. */
export const gitIn = (cwd: string, ...args: string[]): string => execFileSync('git', args, {cwd, stdio: 'pipe'}).toString().trim()

/** Give the repository in `cwd` a committer, and no signing. */
export function committer(cwd: string, name = 'catalog'): void {
  gitIn(cwd, 'config', 'user.email', `${name}@example.invalid`)
  gitIn(cwd, 'config', 'user.name', name)
  gitIn(cwd, 'config', 'commit.gpgsign', 'false')
}
