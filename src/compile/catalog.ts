/**
 * Pages → catalog: decode and parse each page, read its tables, give ids, apply ExpressRoute
 * routing, collect diagnostics, and stamp version and content hash.
 */
import {createHash} from 'node:crypto'
import type {Root} from 'mdast'
import {VFile} from 'vfile'
import type {Catalog, Cloud, Destination, Diagnostic, EndpointSet, ExpressRouteException, Page, Source} from '../../generated/catalog.js'
import type {Acceptance} from '../../generated/config.js'
import {InputError} from '../errors.js'
import {readEndpointSets, type UnnamedEndpointSet} from './endpoint-sets.js'
import {applyExpressRoute, readExceptions, type UnnamedException} from './expressroute.js'
import {checkLimits} from './limits.js'
import {parsePage, readMeta} from './parse.js'
import {headingText, readTables} from './read-tables.js'
import {cloudsNamedBy, docsetPath} from './vocabulary.js'

export const schemaVersion = '1.2.0'

export interface PageInput {
  /** Path as it should appear in the catalog (relative, with `/`). */
  path: string
  /** The page's bytes, or its text. */
  value: Uint8Array | string
}

export interface CompileResult {
  catalog: Catalog
  /** One vfile per page, with its diagnostics as messages (for reporting). */
  files: VFile[]
}

export interface CompileOptions {
  /** Reviewed findings (from endpoint-catalog.yaml) reported as warnings with their reason (default: none). */
  accept?: Acceptance[]
}

/** Compile pages into a catalog; pages are read in path order, so argument order does not matter. */
export function compile(pages: PageInput[], options: CompileOptions = {}): CompileResult {
  const files: VFile[] = []
  const sources: Source[] = []
  const sets: UnnamedEndpointSet[] = []
  const exceptions: UnnamedException[] = []

  for (const page of [...pages].sort((a, b) => compareText(a.path, b.path))) {
    const text = decode(page)
    const file = new VFile({path: page.path, value: text})
    files.push(file)
    const tree = parseGuarded(file)
    const meta = readMeta(tree, file)
    const kind = pageKind(tree, meta.title)
    const tables = readTables(tree, file, {
      fallbackSection: meta.title ?? '',
      scope: pageScope(tree, meta.title),
      docset: docsetPath(meta.services),
      lists: kind === 'urls'
    })
    // One at a time: spreading a page's thousands of rows into push() overflows the stack.
    if (kind === 'expressroute') for (const exception of readExceptions(tree, tables, file, page.path)) exceptions.push(exception)
    else for (const set of readEndpointSets(tables, file, page.path)) sets.push(set)
    sources.push({path: page.path, page: kind, title: meta.title, msDate: meta.msDate, sha256: sha256(text)})
  }

  const endpointSets = nameAll(sets, 'es', (set) => [set.section, set.purpose], (set) => set.destinations.map((d) => d.value))
  const erExceptions = nameAll(exceptions, 'er', (e) => [e.scope, e.kind, e.activity], (e) => e.destinations.map((d) => d.value))
  if (sources.some((source) => source.page === 'expressroute')) applyExpressRoute(endpointSets, erExceptions)

  const content = {endpointSets, expressRoute: {exceptions: erExceptions}}
  const catalog: Catalog = {
    schemaVersion,
    version: versionDate(sources) + '00',
    contentHash: contentHash(content),
    sources,
    ...content,
    diagnostics: files.flatMap((file) => diagnostics(file, options.accept ?? []))
  }
  return {catalog, files}
}

function parseGuarded(file: VFile): Root {
  try {
    return parsePage(file)
  } catch (error) {
    if (error instanceof RangeError) throw new InputError(`${file.path}: too deeply nested to read (${error.message})`)
    throw error
  }
}

/** `YYYYMMDD` of the latest `ms.date` among the sources (zeros when none has one). */
export function versionDate(sources: Source[]): string {
  return (latestMsDate(sources) ?? '0000-00-00').replace(/-/g, '')
}

/** The latest `ms.date` among the sources (`YYYY-MM-DD`), null when none has one. */
export function latestMsDate(sources: Source[]): string | null {
  const dates = sources.map((source) => source.msDate).filter((date): date is string => date !== null).sort()
  return dates[dates.length - 1] ?? null
}

/** sha256 over endpoint sets and exceptions without their source positions or version history. */
export function contentHash(content: Pick<Catalog, 'endpointSets' | 'expressRoute'>): string {
  // Keys keep their order (the spread keeps `destinations` in place), so hashes stay comparable.
  const withoutPlace = <T extends {source: unknown; destinations: Destination[]}>({source, ...rest}: T) => ({
    ...rest,
    destinations: rest.destinations.map(({since, ...destination}) => destination)
  })
  const json = JSON.stringify({
    endpointSets: content.endpointSets.map(withoutPlace),
    expressRoute: {exceptions: content.expressRoute.exceptions.map(withoutPlace)}
  })
  return 'sha256:' + sha256(json)
}

function decode(page: PageInput): string {
  let text: string
  if (typeof page.value === 'string') {
    text = page.value.replace(/^\uFEFF/, '')
  } else {
    if (page.value.includes(0)) throw new InputError(`${page.path}: not a text file (it has NUL bytes), expected a markdown page`)
    try {
      text = new TextDecoder('utf-8', {fatal: true}).decode(page.value)
    } catch {
      throw new InputError(`${page.path}: not valid UTF-8, expected a UTF-8 markdown page`)
    }
  }
  if (text.trim() === '') throw new InputError(`${page.path}: empty file, expected a markdown page`)
  checkLimits(text, page.path)
  return text
}

/** A page's name: its title and first heading. */
function pageName(tree: Root, title: string | null): string {
  const heading = tree.children.find((node) => node.type === 'heading')
  return (title ?? '') + ' ' + (heading && heading.type === 'heading' ? headingText(heading) : '')
}

/** An ExpressRoute page is one whose title or first heading names ExpressRoute. */
function pageKind(tree: Root, title: string | null): Page {
  return /expressroute/i.test(pageName(tree, title)) ? 'expressroute' : 'urls'
}

/** The clouds a page is about: those its title or first heading names (US Government), else the public cloud. */
function pageScope(tree: Root, title: string | null): readonly Cloud[] {
  return cloudsNamedBy(pageName(tree, title)) ?? ['public']
}

/**
 * Give each item a stable id from what identifies it to a reader (section and purpose, or scope
 * and activity); where two share that, their destinations tell them apart.
 */
function nameAll<T extends {destinations: unknown[]}>(
  items: T[],
  prefix: 'es' | 'er',
  identity: (item: T) => string[],
  tiebreak: (item: T) => string[]
): Array<T & {id: string}> {
  const base = items.map((item) => identity(item).map(normaliseText).join('\n'))
  const counts = new Map<string, number>()
  for (const key of base) counts.set(key, (counts.get(key) ?? 0) + 1)
  const used = new Map<string, number>()

  return items.map((item, index) => {
    let key = base[index]!
    if (counts.get(key)! > 1) key += '\n' + [...tiebreak(item)].sort().join('\n')
    const seen = used.get(key) ?? 0
    used.set(key, seen + 1)
    if (seen > 0) key += '\n#' + seen
    return {id: `${prefix}-${sha256(key).slice(0, 12)}`, ...item}
  })
}

/** Text compared the way a reader would: case, punctuation and spacing aside. */
export function normaliseText(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim()
}

function diagnostics(file: VFile, accept: Acceptance[]): Diagnostic[] {
  return file.messages
    .map((message) => {
      const diagnostic: Diagnostic = {
        ruleId: message.ruleId ?? 'unknown',
        severity: message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'info',
        message: message.reason,
        source: {path: file.path, line: message.line ?? 1, column: message.column ?? 1}
      }
      const acceptance = accept.find(
        (item) => item.rule === diagnostic.ruleId && (item.destination === undefined || item.destination === message.actual)
      )
      if (acceptance && diagnostic.severity === 'error') diagnostic.severity = 'warning'
      if (acceptance) diagnostic.accepted = acceptance.reason
      return diagnostic
    })
    .sort(
      (a, b) =>
        a.source.line - b.source.line ||
        a.source.column - b.source.column ||
        compareText(a.ruleId, b.ruleId) ||
        compareText(a.message, b.message)
    )
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex')
}

/** Code-unit order: the same on every machine and locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

export type {EndpointSet, ExpressRouteException}
