// Every fixture page compiles to its reviewed catalog, validates, and accounts for every table row.
import {readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import * as assert from 'uvu/assert'
import {suite} from 'uvu'
import {compile, validate} from '../src/index.js'
import {stringify} from '../src/io.js'
import {expectFile} from './helpers/fixtures.js'

const root = 'test/fixtures/compile'
const fixtures = suite('compile fixtures')

/**
 * The lines of a page that a reader sees as table body rows, found without the compiler: a line
 * with a pipe that follows a header + delimiter pair, up to the next line without a pipe.
 */
function bodyRowLines(text: string): number[] {
  const lines = text.split(/\r?\n/)
  const rows: number[] = []
  let inTable = false
  let inComment = false
  lines.forEach((line, index) => {
    // Rows inside an HTML comment block are not shown; a row with only empty cells shows nothing.
    if (inComment || /^\s*<!--/.test(line)) {
      inComment = !line.includes('-->')
      if (/^\s*<!--.*\|.*-->\s*$/.test(line)) rows.push(index + 1)
      return
    }
    if (/^[\s|]*$/.test(line) && line.includes('|')) return
    const next = lines[index + 1] ?? ''
    if (!inTable && line.includes('|') && /^\s*\|?\s*:?-{3,}/.test(next)) {
      inTable = true
      return
    }
    if (inTable && /^\s*\|?\s*:?-{3,}/.test(line) && lines[index - 1]?.includes('|')) return
    if (inTable && line.includes('|') && !/^#/.test(line)) rows.push(index + 1)
    else inTable = false
  })
  return rows
}

for (const name of readdirSync(root).sort()) {
  fixtures(name, () => {
    const path = join(root, name, 'input.md')
    const text = readFileSync(path, 'utf8')
    const {catalog} = compile([{path, value: text}])
    assert.equal(validate(catalog), [], 'catalog validates')
    expectFile(join(root, name, 'catalog.json'), stringify(catalog))

    const accounted = new Set<number>([
      ...catalog.endpointSets.map((set) => set.source.line),
      ...catalog.expressRoute.exceptions.filter((e) => e.kind === 'table').map((e) => e.source.line),
      ...catalog.diagnostics
        .filter((d) => ['table-row-empty', 'table-header-repeated', 'table-row-heading', 'table-comment-inside'].includes(d.ruleId))
        .map((d) => d.source.line),
      ...catalog.diagnostics
        .filter((d) => d.ruleId === 'table-not-endpoints')
        .flatMap((d) => (/\(lines ([\d, ]+)\)/.exec(d.message)?.[1] ?? '').split(', ').map(Number))
    ])
    const lost = bodyRowLines(text).filter((line) => !accounted.has(line))
    assert.equal(lost, [], 'every table row is an endpoint set, an exception or a diagnostic')
  })
}

fixtures('the docs-source pages: 24 endpoint sets, 6 ExpressRoute table rows and the prose exceptions', () => {
  const pages = ['docs-source/power-bi-urls.md', 'docs-source/power-bi-expressroute.md']
  const {catalog} = compile(pages.map((path) => ({path, value: readFileSync(path)})))
  assert.is(catalog.endpointSets.length, 24)
  const exceptions = catalog.expressRoute.exceptions
  assert.is(exceptions.filter((e) => e.kind === 'table').length, 6)
  assert.equal(
    exceptions.filter((e) => e.kind === 'prose').map((e) => `${e.scope}: ${e.subject}`),
    [
      'overall: Content Delivery Network (CDN)',
      'overall: Telemetry',
      'saas: Map visuals',
      'saas: Cortana',
      'saas: custom links',
      'saas: feedback to Power BI',
      'saas: Bing News content provider',
      'saas: apps',
      'desktop: Update notifications',
      'desktop: telemetry data',
      'desktop: Map visuals',
      'desktop: Get Data'
    ]
  )
})

fixtures.run()
