/**
 * The moves a Microsoft docs repository records itself: `.openpublishing.redirection.json` (and the
 * `.openpublishing.redirection.*.json` files beside it) map each old `source_path` to the
 * `redirect_url` the page is published at now. A URL is resolved to a path in the repository
 * through the page's docset, as the compiler resolves relative links.
 */
import {absoluteReference} from '../compile/cells.js'
import {compareText} from '../compile/catalog.js'
import {docsetPath} from '../compile/vocabulary.js'
import {firstParent, objectInfo, readObjects, rootFiles, treeFiles} from '../git.js'
import {isPagePath} from '../pages.js'

/** A redirection file's name, at the top of the repository. */
export const redirectionFile = /^\.openpublishing\.redirection(\.[^/]+)?\.json$/

/** One entry of a redirection file: the old path, and the URL its page is published at now. */
export interface Redirection {
  source: string
  url: string
}

/** Whether the tree of `commit` has redirection files: the repository records its moves. */
export function recordsMoves(commit: string, cwd: string): boolean {
  return rootFiles(commit, cwd).some((name) => redirectionFile.test(name))
}

/** The redirections the files at `commit` record, in file order; a file that is not such JSON is told to `onNote` and passed over. */
export function redirectionsAt(commit: string, cwd: string, onNote?: (note: string) => void): Redirection[] {
  const files = rootFiles(commit, cwd).filter((name) => redirectionFile.test(name)).sort(compareText)
  const texts = readObjects(files.map((name) => `${commit}:${name}`), cwd)
  return files.flatMap((name, index) => {
    let value: unknown
    try {
      value = JSON.parse(texts[index]?.toString('utf8') ?? '')
    } catch {
      onNote?.(`${name} at ${commit.slice(0, 7)}: not JSON; its redirections are not read`)
      return []
    }
    const entries = (value as {redirections?: unknown} | null)?.redirections
    if (!Array.isArray(entries)) return []
    return entries.flatMap((entry): Redirection[] => {
      const {source_path: sourcePath, source_path_from_root: fromRoot, redirect_url: url} = (entry ?? {}) as Record<string, unknown>
      const source = typeof sourcePath === 'string' ? sourcePath : typeof fromRoot === 'string' ? fromRoot.replace(/^\/+/, '') : undefined
      return source !== undefined && typeof url === 'string' ? [{source, url}] : []
    })
  })
}

/** `ms.service`, `ms.prod` and `ms.component` of a page's front matter (or of the older `<tags …>` block). */
function pageServices(text: string): string[] {
  const head = text.slice(0, 8192)
  return [...head.matchAll(/^ms\.(?:service|prod|component):[ \t]*["']?([\w.-]+)/gm), ...head.matchAll(/ms\.(?:service|prod|component)\s*=\s*"([^"]*)"/g)].map((match) => match[1]!)
}

/**
 * Whether `url` (a redirection's target) is where the docs site publishes the page at `path`, a
 * page of `services`: the URL's path below its docset's first folder (`/power-bi/`, `/fabric/`,
 * `/mem/`) is the page's path without `.md` below the docset's folder in the repository
 * (`/power-bi/enterprise/x` is `powerbi-docs/enterprise/x.md`). A URL elsewhere than the docs site
 * resolves to no path.
 */
export function publishes(url: string, path: string, services: string[]): boolean {
  const docset = docsetPath(services)
  let pathname: string
  try {
    const absolute = new URL(absoluteReference(url.trim(), docset))
    if (absolute.hostname !== 'learn.microsoft.com') return false
    pathname = absolute.pathname
  } catch {
    return false
  }
  const segments = pathname.split('/').filter((segment) => segment !== '')
  if (pathname.endsWith('/')) segments.push('index')
  const root = docset?.split('/')[0]
  if (segments.length < 2 || (root !== undefined && segments[0] !== root)) return false
  // What is left of the page's path is the docset's folder in the repository (`powerbi-docs`, `articles`), one segment at most.
  const rest = segments.slice(1).join('/')
  const page = path.replace(/\.md$/, '')
  return page === rest || (page.endsWith('/' + rest) && !page.slice(0, -rest.length - 1).includes('/'))
}

/**
 * Where the page at `path`, added by `commit` with the text `text`, was before: the `source_path`
 * of a redirection recorded at `commit` whose URL publishes this page, which was a file in the
 * commit's first parent and is none in the commit. Several such: the first in path order, said
 * through `onNote`. Undefined when the repository records no such move.
 */
export function movedFrom(commit: string, path: string, text: string, cwd: string, onNote?: (note: string) => void): {from: string; parent: string} | undefined {
  const parent = firstParent(commit, cwd)
  if (parent === undefined) return undefined
  const services = pageServices(text)
  const sources = [...new Set(redirectionsAt(commit, cwd, onNote).filter((entry) => entry.source !== path && isPagePath(entry.source) && !/[\n\r]/.test(entry.source) && publishes(entry.url, path, services)).map((entry) => entry.source))].sort(compareText)
  if (sources.length === 0) return undefined
  const before = objectInfo(sources.map((source) => `${parent}:${source}`), cwd)
  const after = objectInfo(sources.map((source) => `${commit}:${source}`), cwd)
  const moved = sources.filter((_, index) => before[index]?.type === 'blob' && after[index] === undefined)
  if (moved.length > 1) onNote?.(`${path}: ${moved.join(', ')} all redirect to it at ${commit.slice(0, 7)}; following ${moved[0]}`)
  return moved[0] === undefined ? undefined : {from: moved[0], parent}
}

/**
 * Where the page that was at `path` is at `commit`, when it is no longer there: the redirections
 * recorded at `commit`, followed from `path` to a page of the tree (several moves in a row are
 * followed). Undefined when no redirection leads from it to exactly one page of the tree.
 */
export function redirectedPage(commit: string, path: string, cwd: string, onNote?: (note: string) => void): string | undefined {
  const entries = redirectionsAt(commit, cwd, onNote)
  const files = treeFiles(commit, cwd).filter((file) => isPagePath(file))
  const present = new Set(files)
  const seen = new Set<string>()
  let current = path
  while (!present.has(current)) {
    if (seen.has(current)) return undefined
    seen.add(current)
    const url = entries.find((entry) => entry.source === current)?.url
    if (url === undefined) return undefined
    const targets = [...new Set([...entries.map((entry) => entry.source), ...files])].filter((file) => isPagePath(file) && publishes(url, file, []))
    const inTree = targets.filter((file) => present.has(file))
    const next = inTree.length === 1 ? inTree[0] : targets.length === 1 ? targets[0] : undefined
    if (next === undefined) return undefined
    current = next
  }
  return current === path ? undefined : current
}
