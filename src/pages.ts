/**
 * Which files are pages, decided here for every command and the action alike: regular files named
 * `*.md`, at any depth below the directory (or a glob's base), skipping any whose path there has a
 * segment starting with `.` (hidden files and directories). Symbolic links, submodules and special
 * files (FIFOs, sockets, devices) are never followed or read: they are skipped with a note. A page
 * name with a control character or bytes that are not UTF-8 is an input error.
 */
import {readdirSync, statSync, type Dirent} from 'node:fs'
import {join, resolve} from 'node:path'
import {compareText} from './core/text.js'
import {InputError} from './errors.js'
import {escapeControl} from './core/text.js'

/** A file left out of the page set, and why (printed as a note, never silent). */
export interface Skipped {
  path: string
  reason: string
}

export interface PageListing {
  /** The page paths, `directory/relative/name.md` with `/`, in code-unit order. */
  paths: string[]
  skipped: Skipped[]
}

export const skipReasons = {
  symlink: 'a symbolic link; pages are read from regular files only',
  submodule: 'a submodule; pages are read from regular files only',
  special: 'not a regular file (a FIFO, socket or device)',
  changelog: 'the CHANGELOG.md a build wrote, not a page',
  output: "under the build's output directory (--out): a build never reads what it writes"
} as const

/** Whether `relative` (a path below the listing's root, with `/`) names a page: `*.md`, no hidden segment. */
export function isPagePath(relative: string): boolean {
  return relative.endsWith('.md') && !relative.split('/').some((segment) => segment.startsWith('.'))
}

/** Whether `relative` is hidden: a segment starts with `.` (such a file or directory is skipped). */
export function isHidden(relative: string): boolean {
  return relative.split('/').some((segment) => segment.startsWith('.'))
}

/**
 * A page name's text: the bytes as UTF-8, refused (an InputError naming it with escapes) when they
 * are not UTF-8 or hold a control character such as a line break.
 */
export function pageName(bytes: Uint8Array | string): string {
  let text: string
  if (typeof bytes === 'string') {
    text = bytes
  } else {
    try {
      text = new TextDecoder('utf-8', {fatal: true}).decode(bytes)
    } catch {
      throw new InputError(`${escapeBytes(bytes)}: a file name that is not UTF-8; rename the page`)
    }
  }
  // eslint-disable-next-line no-control-regex -- a file name with control characters is what is refused
  if (/[\u0000-\u001f\u007f-\u009f]/.test(text)) {
    throw new InputError(`${escapeControl(text)}: a file name with a control character (such as a line break); rename the page`)
  }
  return text
}

/**
 * The pages under `directory` (relative to `cwd`), walking it without following symbolic links;
 * `select` narrows the pages by their path below `directory` (default: every page).
 */
export function pagesInDirectory(directory: string, cwd: string, select: (relative: string) => boolean = () => true): PageListing {
  const root = resolve(cwd, directory)
  try {
    if (!statSync(root).isDirectory()) throw new InputError(`${directory}: not a directory`)
  } catch (error) {
    if (error instanceof InputError) throw error
    throw new InputError(`${directory}: no such directory`)
  }
  const listing: PageListing = {paths: [], skipped: []}
  const prefix = directory.replace(/\/+$/, '')
  const lead = prefix === '' ? '' : prefix + '/'
  walk(Buffer.from(root), [], (segments, entry) => {
    const raw = Buffer.concat(segments.flatMap((segment, index) => (index === 0 ? [segment] : [Buffer.from('/'), segment])))
    const display = lead + raw.toString('utf8')
    if (entry.isSymbolicLink()) listing.skipped.push({path: escapeControl(display), reason: skipReasons.symlink})
    else if (!entry.isFile()) listing.skipped.push({path: escapeControl(display), reason: skipReasons.special})
    else if (endsWithMd(entry.name)) {
      const path = pageName(Buffer.concat([Buffer.from(lead), raw]))
      if (select(path.slice(lead.length))) listing.paths.push(path)
    }
  })
  listing.paths.sort(compareText)
  return listing
}

function walk(directory: Buffer, segments: Buffer[], visit: (segments: Buffer[], entry: Dirent<Buffer>) => void): void {
  let entries: Array<Dirent<Buffer>>
  try {
    entries = readdirSync(directory, {withFileTypes: true, encoding: 'buffer'})
  } catch (error) {
    throw new InputError(`${escapeControl(directory.toString('utf8'))}: cannot be listed (${(error as NodeJS.ErrnoException).code ?? 'error'})`)
  }
  for (const entry of entries) {
    // Hidden files and directories are not pages, and their contents are not looked at.
    if (entry.name[0] === 0x2e) continue
    const path = [...segments, entry.name]
    if (entry.isDirectory()) walk(Buffer.from(join(directory.toString('latin1'), entry.name.toString('latin1')), 'latin1'), path, visit)
    else visit(path, entry)
  }
}

function endsWithMd(name: Buffer): boolean {
  return name.length > 3 && name.subarray(-3).toString('latin1') === '.md'
}

function escapeBytes(bytes: Uint8Array): string {
  return [...bytes].map((byte) => (byte >= 0x20 && byte < 0x7f ? String.fromCharCode(byte) : '\\x' + byte.toString(16).padStart(2, '0'))).join('')
}

/** `docs-source/passwd.md: skipped, a symbolic link; …`: the note a skipped file gets. */
export function skippedNote(skipped: Skipped): string {
  return `${skipped.path}: skipped, ${skipped.reason}`
}
