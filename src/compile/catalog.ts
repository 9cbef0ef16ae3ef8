/**
 * Pages → catalog: decode and parse each page, read its tables, give ids, apply ExpressRoute
 * routing, collect diagnostics, and stamp version and content hash.
 */
import {createHash} from 'node:crypto'
import type {Heading, Root, RootContent} from 'mdast'
import {VFile} from 'vfile'
import type {Catalog, Destination, Diagnostic, EndpointSet, ExpressRouteException, Page, Source} from '../../generated/catalog.js'
import type {Acceptance, ServiceOverride} from '../../generated/config.js'
import {compareText, normaliseText} from '../core/text.js'
import {InputError} from '../errors.js'
import {report, summarise} from '../report.js'
import {readingError} from '../rules.js'
import {readEndpointSets, type UnnamedEndpointSet} from './endpoint-sets.js'
import {applyExpressRoute, readExceptions, type UnnamedException} from './expressroute.js'
import {checkLimits, parserBudget, withParserBudget} from './limits.js'
import {parseSections, readMeta, type PageMeta} from './parse.js'
import {headingText, readTables, streamTables, type Token} from './read-tables.js'
import {pageService, unknownService, type PageService} from './service.js'
import {cloudsNamedBy, docsetPath} from './vocabulary.js'

export const schemaVersion = '1.4.0'

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
  /** Products of pages by path glob, before their front matter (default: none; endpoint-catalog.yaml's `services`). */
  services?: ServiceOverride[]
  /** The catalog's name (endpoint-catalog.yaml's `name`; default: none recorded, and it is named after its products). */
  name?: string
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
    let product: PageService | undefined
    const {meta, kind} = readPage(file, page.path, {
      product: (found, name) => {
        product = pageService(page.path, found.services, name, options.services)
        if (product.service === unknownService) {
          const named = found.services.length > 0 ? ` (${found.services.join(', ')})` : ''
          report(file, 'service-unknown', `Unexpected page of no product the vocabulary knows${named}, read as \`${unknownService}\`; name it under \`services:\` in endpoint-catalog.yaml`)
        }
      },
      sets: (set) => sets.push({service: product!.service, ...set}),
      exceptions: (exception) => exceptions.push({service: product!.service, ...exception})
    })
    sources.push({path: page.path, page: kind, title: meta.title, service: product!.service, serviceName: product!.name, msDate: meta.msDate, sha256: sha256(text)})
  }

  const endpointSets = nameAll(sets, 'es', (set) => [set.section, set.purpose], (set) => set.destinations.map((d) => d.value))
  const erExceptions = nameAll(exceptions, 'er', (e) => [e.scope, e.kind, e.activity], (e) => e.destinations.map((d) => d.value))
  const routed = new Set(sources.filter((source) => source.page === 'expressroute').map((source) => source.service))
  if (routed.size > 0) applyExpressRoute(endpointSets, erExceptions, routed)

  const content = {endpointSets, expressRoute: {exceptions: erExceptions}}
  const catalog: Catalog = {
    schemaVersion,
    ...(options.name === undefined ? {} : {name: options.name}),
    version: versionDate(sources) + '00',
    contentHash: contentHash(content),
    sources,
    ...content,
    diagnostics: files.flatMap((file) => diagnostics(file, options.accept ?? []))
  }
  return {catalog, files}
}

/** Where a page's endpoint sets or ExpressRoute exceptions go, one at a time. */
interface PageOutput {
  /** Called once the page's metadata and name (its title and first heading) are read, before its rows. */
  product: (meta: PageMeta, name: string) => void
  sets: (set: UnnamedEndpointSet) => void
  exceptions: (exception: UnnamedException) => void
}

/**
 * Read one page a section at a time: its metadata and name from the sections up to its first
 * heading, then its tables as each section is parsed, each tree let go once its rows are read.
 * An ExpressRoute page (a few KB) is read whole: its prose exceptions are read from the tree.
 */
function readPage(file: VFile, path: string, output: PageOutput): {meta: PageMeta; kind: Page} {
  const sections = guardedSections(file)
  const read: Root[] = []
  // Not `for … of`: leaving it would close the generator, and the rest of the page is read below.
  for (let step = sections.next(); !step.done; step = sections.next()) {
    read.push(step.value)
    if (step.value.children.some((node) => node.type === 'heading')) break
  }
  const meta = readMeta(read[0]!, file)
  const heading = read.flatMap((tree) => tree.children).find((node): node is Heading => node.type === 'heading')
  const name = (meta.title ?? '') + ' ' + (heading ? headingText(heading) : '')
  const kind: Page = /expressroute/i.test(name) ? 'expressroute' : 'urls'
  output.product(meta, name)
  // The first place of each distinct value: what a page repeats is held once.
  const tokens = new Map<string, Token>()
  const context = {fallbackSection: meta.title ?? '', scope: cloudsNamedBy(name) ?? ['public'], docset: docsetPath(meta.services), lists: kind === 'urls', description: meta.description, source: String(file), tokens: (token: Token) => {
      if (!tokens.has(token.value)) tokens.set(token.value, token)
    }}
  const values = new Set<string>()
  const keep = (destinations: Destination[]): void => {
    for (const destination of destinations) {
      values.add(destination.value)
      if (destination.host !== undefined) values.add(destination.host)
    }
  }

  if (kind === 'expressroute') {
    for (const tree of sections) read.push(tree)
    const tree: Root = {type: 'root', children: read.flatMap((one) => one.children)}
    const tables = readTables(tree, file, context)
    for (const exception of readExceptions(tree, tables, file, path)) {
      keep(exception.destinations)
      output.exceptions(exception)
    }
    accountTokens(tokens, values, file)
    return {meta, kind}
  }

  const nodes = function* (): Generator<RootContent> {
    // Hand each tree on and forget it, so only the section being read is held.
    while (read.length > 0) yield* read.shift()!.children
    for (const tree of sections) yield* tree.children
  }
  for (const set of readEndpointSets(streamTables(nodes(), file, context), file, path)) {
    keep(set.destinations)
    output.sets(set)
  }
  accountTokens(tokens, values, file)
  return {meta, kind}
}

/**
 * Name every destination-shaped token of a page that the catalog does not hold, once per value
 * (`destination-unread`), and count what was seen, read and reported in `file.data.tokens`.
 */
function accountTokens(seen: ReadonlyMap<string, Token>, values: ReadonlySet<string>, file: VFile): void {
  let unread = 0
  for (const token of seen.values()) {
    if (values.has(token.value) || (token.host !== undefined && values.has(token.host))) continue
    unread++
    report(file, 'destination-unread', `Unexpected \`${token.value}\` on the page but not in the catalog: it stands in prose, an example, a link's text or a table's other cells, not in a destination cell, list or code block of destinations`, {line: token.line, column: token.column}, token.value)
  }
  file.data['tokens'] = {seen: seen.size, read: seen.size - unread, unread}
}

/** The page's sections as parsed; a page nested too deeply to parse is an input error. */
function* guardedSections(file: VFile): Generator<Root> {
  const sections = parseSections(file)
  const budget = parserBudget(file.path ?? '', String(file).length)
  for (;;) {
    let step: IteratorResult<Root>
    try {
      step = withParserBudget(budget, () => sections.next())
    } catch (error) {
      if (error instanceof RangeError) throw new InputError(`${file.path}: too deeply nested to read (${error.message})`)
      throw error
    }
    if (step.done) return
    yield step.value
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

/**
 * sha256 over endpoint sets and exceptions without their source positions, version history or
 * product: like the position, the product says where a row comes from, and a catalog compiled
 * before products were recorded keeps its hash.
 */
export function contentHash(content: Pick<Catalog, 'endpointSets' | 'expressRoute'>): string {
  // Keys keep their order (the spread keeps `destinations` in place), so hashes stay comparable.
  const withoutPlace = <T extends {source: unknown; service?: string; destinations: Destination[]}>({source, service, ...rest}: T) => ({
    ...rest,
    destinations: rest.destinations.map(({since, ...destination}) => destination)
  })
  // The JSON of `{endpointSets, expressRoute: {exceptions}}`, hashed an item at a time rather than
  // held whole: at 10^5 rows it is tens of megabytes.
  const hash = createHash('sha256')
  const items = (list: Array<{source: unknown; service?: string; destinations: Destination[]}>): void => {
    list.forEach((item, index) => hash.update((index > 0 ? ',' : '') + JSON.stringify(withoutPlace(item))))
  }
  hash.update('{"endpointSets":[')
  items(content.endpointSets)
  hash.update('],"expressRoute":{"exceptions":[')
  items(content.expressRoute.exceptions)
  hash.update(']}}')
  return 'sha256:' + hash.digest('hex')
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

function diagnostics(file: VFile, accept: Acceptance[]): Diagnostic[] {
  summarise(file)
  return file.messages
    .map((message) => {
      const diagnostic: Diagnostic = {
        ruleId: message.ruleId ?? 'unknown',
        severity: message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'info',
        message: message.reason,
        source: {path: file.path, line: message.line ?? 1, column: message.column ?? 1}
      }
      // Accepting silences a finding; a reading error stays one (the row would be published unread).
      const acceptance = readingError(diagnostic.ruleId)
        ? undefined
        : accept.find((item) => item.rule === diagnostic.ruleId && (item.destination === undefined || item.destination === message.actual))
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

/** The shared text helpers, where the compiler's modules have always found them. */
export {compareText, normaliseText}

export type {EndpointSet, ExpressRouteException}
