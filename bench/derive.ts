/**
 * The catalog of a changed revision without compiling the whole page again: only the changed rows
 * are compiled, on a page of their own, and put in place of the old endpoint sets. At 10^5 rows a
 * full compile takes minutes; `checkDerivation` shows on a smaller page that the result is exactly
 * what compiling the new page gives.
 */
import {createHash} from 'node:crypto'
import {contentHash, versionDate} from '../dist/src/compile/catalog.js'
import {compile, type Catalog, type Diagnostic, type EndpointSet} from '../dist/src/index.js'
import {stringify} from '../dist/src/io.js'
import {renderPage, type ChangedPage, type PageModel, type Row, type Section} from './generate.js'

/**
 * Take the catalog of a page (`before`, compiled from `path`) and the changed page; returns the
 * catalog of the changed page. Rows keep their lines, so only their endpoint sets and
 * diagnostics, the source's date and hash, the version and the content hash change.
 */
export function deriveCatalog(before: Catalog, changed: ChangedPage, path: string): Catalog {
  const rows: Array<{section: Section; row: Row}> = changed.page.sections.flatMap((section) =>
    section.rows.map((row) => ({section, row}))
  )
  const page: PageModel = {
    ...changed.page,
    sections: changed.changed.map((index) => {
      const {section, row} = rows[index]!
      return {...section, trailingEmptyRow: false, rows: [row]}
    })
  }
  const {catalog: part} = compile([{path, value: renderPage(page)}])
  if (part.endpointSets.length !== changed.changed.length) {
    throw new Error(`Unexpected ${part.endpointSets.length} endpoint sets from ${changed.changed.length} changed rows`)
  }

  const endpointSets: EndpointSet[] = [...before.endpointSets]
  const lines = new Map<number, number>()
  changed.changed.forEach((index, k) => {
    const old = before.endpointSets[index]!
    const set = part.endpointSets[k]!
    if (set.id !== old.id) throw new Error(`Unexpected id ${set.id} for row ${index}, expected ${old.id}`)
    lines.set(set.source.line, old.source.line)
    endpointSets[index] = {...set, source: old.source}
  })

  const changedLines = new Set(lines.values())
  const diagnostics: Diagnostic[] = [
    ...before.diagnostics.filter((diagnostic) => !changedLines.has(diagnostic.source.line)),
    ...part.diagnostics.flatMap((diagnostic) => {
      const line = lines.get(diagnostic.source.line)
      return line === undefined ? [] : [{...diagnostic, source: {...diagnostic.source, line}}]
    })
  ].sort(
    (a, b) =>
      a.source.line - b.source.line ||
      a.source.column - b.source.column ||
      order(a.ruleId, b.ruleId) ||
      order(a.message, b.message)
  )

  const sources = before.sources.map((source) =>
    source.path === path ? {...source, msDate: part.sources[0]!.msDate, sha256: sha256(renderPage(changed.page))} : source
  )
  return {
    ...before,
    version: versionDate(sources) + '00',
    contentHash: contentHash({endpointSets, expressRoute: before.expressRoute}),
    sources,
    endpointSets,
    diagnostics
  }
}

/** Throw unless deriving gives the same bytes as compiling the changed page. */
export function checkDerivation(before: PageModel, changed: ChangedPage, path: string): void {
  const {catalog} = compile([{path, value: renderPage(before)}])
  const derived = stringify(deriveCatalog(catalog, changed, path))
  const compiled = stringify(compile([{path, value: renderPage(changed.page)}]).catalog)
  if (derived === compiled) return
  const a = derived.split('\n')
  const b = compiled.split('\n')
  const line = a.findIndex((text, index) => text !== b[index])
  throw new Error(`Derived catalog differs from the compiled one at line ${line + 1}: ${a[line]} / ${b[line]}`)
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex')
}

/** Code-unit order, as the compiler sorts diagnostics. */
function order(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
