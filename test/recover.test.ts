// Table recovery and column mapping: the tables a reader of the docs site sees, all their rows.
import * as assert from 'uvu/assert'
import {suite} from 'uvu'
import {mapColumns} from '../src/compile/columns.js'
import {isDelimiterRow, splitRow} from '../src/compile/row.js'
import {compileText, rules, urlPage} from './helpers/compile.js'

const row = suite('splitRow')

row('splits on unescaped pipes, with optional outer pipes', () => {
  assert.equal(splitRow('| a | b |').map((c) => c.text), ['a', 'b'])
  assert.equal(splitRow('a | b').map((c) => c.text), ['a', 'b'])
  assert.equal(splitRow('|     Row     |     Purpose     |       Port(s)').map((c) => c.text), ['Row', 'Purpose', 'Port(s)'])
  assert.equal(splitRow('| a \\| b | `c` |').map((c) => c.text), ['a \\| b', '`c`'])
  assert.equal(splitRow('| | | |').map((c) => c.text), ['', '', ''])
  assert.equal(splitRow('| TCP 443 ||').map((c) => c.text), ['TCP 443', ''])
})

row('records where each cell starts', () => {
  assert.equal(splitRow('| ab |  cd |').map((c) => c.start), [2, 8])
})

row('knows a delimiter row', () => {
  assert.ok(isDelimiterRow('|---|:--:|--:|'))
  assert.ok(isDelimiterRow('--- | ---'))
  assert.not.ok(isDelimiterRow('| a | --- |'))
  assert.not.ok(isDelimiterRow('---'))
})

row.run()

const recover = suite('table recovery')

recover('a table whose delimiter row has more cells than its header is recovered with every row', () => {
  const page = urlPage(
    '|     Row     |     Purpose     |     Destination     |       Port(s)',
    ['| 1 | **Required:** Portal | app.powerbi.com | TCP 443 |', '| 2 | **Optional:** NPS | nps.onyx.azure.net | TCP 443 |'],
    '|-----|-----|-----|-----|-----|-----|'
  )
  const catalog = compileText(page)
  assert.equal(catalog.endpointSets.map((s) => [s.purpose, s.requirement, s.destinations[0]?.value, s.source.line]), [
    ['Portal', 'required', 'app.powerbi.com', 10],
    ['NPS', 'optional', 'nps.onyx.azure.net', 11]
  ])
  const warning = catalog.diagnostics.find((d) => d.ruleId === 'table-delimiter-mismatch')
  assert.equal(warning?.source, {path: 'page.md', line: 9, column: 1})
  assert.is(warning?.severity, 'warning')
  assert.match(warning?.message ?? '', /6 cells in delimiter row, expected 4/)
})

recover('positions inside recovered cells point at the page', () => {
  const page = urlPage('| Row | Purpose | Destination | Port |', ['| 1 | **Required:** Portal | a.com, a.com | TCP 443 |'], '|---|---|---|---|---|')
  const duplicate = compileText(page).diagnostics.find((d) => d.ruleId === 'destination-duplicate')
  assert.equal(duplicate?.source, {path: 'page.md', line: 10, column: 30})
})

recover('a recovered table keeps emphasis-looking wildcards intact', () => {
  const page = urlPage('| Purpose | Destination | Port |', ['| **Required:** Maps | *.bing.com, *.virtualearth.net* | TCP 443 |'], '|---|---|---|---|')
  const set = compileText(page).endpointSets[0]
  assert.ok(set)
  assert.equal(set.destinations.map((d) => d.value)[0], '*.bing.com')
})

recover('a cell that looks like block syntax is text, and its neighbours keep their positions', () => {
  const page = urlPage(
    '| Purpose | Destination | Port |',
    ['| **Required:** Portal | app.powerbi.com, app.powerbi.com | TCP 443 |', '| # Not a heading | 1. b.com | TCP 443 |', '| **Optional:** Maps | c.com | TCP 443 |'],
    '|---|---|---|---|'
  )
  const catalog = compileText(page)
  assert.equal(catalog.endpointSets.map((s) => [s.purpose, s.destinations.map((d) => d.value)]), [
    ['Portal', ['app.powerbi.com']],
    // `1. b.com` is not a list in a cell: the reader sees the host after the number.
    ['# Not a heading', ['b.com']],
    ['Maps', ['c.com']]
  ])
  assert.equal(catalog.diagnostics.find((d) => d.ruleId === 'destination-duplicate')?.source, {path: 'page.md', line: 10, column: 26})
})

recover('rows with more cells than the header keep the extra cells, as the docs site shows them', () => {
  const page = urlPage('| Purpose | Destination | Port |', ['| **Required:** Portal | app.powerbi.com | TCP 443 | N/A | |'])
  const catalog = compileText(page)
  assert.equal(catalog.endpointSets[0]?.attributes, {'column 4': 'N/A'})
  assert.equal(rules(catalog), ['table-row-extra-cells'])
})

recover('rows with fewer cells read the missing ones as empty', () => {
  const catalog = compileText(urlPage('| Purpose | Destination | Port |', ['| **Required:** Portal | app.powerbi.com |']))
  assert.equal(catalog.endpointSets[0]?.ports, [])
  assert.equal(rules(catalog), ['table-row-missing-cells'])
})

recover('empty trailing rows are skipped with a diagnostic, not silently', () => {
  const catalog = compileText(urlPage('| Purpose | Destination | Port |', ['| **Required:** Portal | app.powerbi.com | TCP 443 |', '| | | |']))
  assert.is(catalog.endpointSets.length, 1)
  assert.equal(rules(catalog), ['table-row-empty'])
})

recover('a table without body rows, and a table without destinations, are reported', () => {
  assert.equal(rules(compileText(urlPage('| Purpose | Destination | Port |', []))), ['table-no-body'])
  const other = compileText(urlPage('| Name | Notes |', ['| a | b |', '| c | d |'], '| --- | --- |'))
  assert.equal(rules(other), ['table-not-endpoints'])
  assert.match(other.diagnostics[0]!.message, /2 rows not read \(lines 10, 11\)/)
})

recover('a table inside a block quote is recovered too', () => {
  const page = ['# Power BI URLs', '', '> | Purpose | Destination | Port', '> |---|---|---|---|', '> | **Required:** Portal | app.powerbi.com | TCP 443 |', ''].join('\n')
  const catalog = compileText(page)
  assert.equal(catalog.endpointSets[0]?.destinations[0]?.value, 'app.powerbi.com')
  assert.equal(catalog.endpointSets[0]?.source, {path: 'page.md', line: 5, column: 3})
})

recover('a page without tables is reported', () => {
  assert.equal(rules(compileText('---\nms.date: 01/01/2020\n---\n# Power BI URLs\n\nNo tables here.\n')), ['page-no-tables'])
})

recover('HTML anchors in headings are not part of the section', () => {
  const page = urlPage('| Purpose | Destination | Port |', ['| **Required:** Portal | app.powerbi.com | TCP 443 |']).replace('## Section', '## <a name="general"></a>General site usage')
  assert.is(compileText(page).endpointSets[0]?.section, 'General site usage')
})

recover.run()

const columns = suite('column mapping')

columns('columns are mapped by header, in any order and spelling', () => {
  const roles = (headers: string[]) => mapColumns(headers).map((c) => c.role)
  assert.equal(roles(['Row', 'Purpose', 'Destination', 'Port(s)']), ['row', 'purpose', 'destination', 'port'])
  assert.equal(roles(['Purpose', 'Destination(s)', 'Port']), ['purpose', 'destination', 'port'])
  assert.equal(roles(['Feature   Area', 'Description', 'Required/Optional', 'Address to Whitelist', '']), ['attribute', 'purpose', 'requirement', 'destination', 'attribute'])
  assert.equal(roles(['Row', 'Purpose', 'Destination', 'Port', 'CIDR Address', 'ExpressRoute for Office 365 BGP   Communities']), ['row', 'purpose', 'destination', 'port', 'destination', 'attribute'])
  assert.equal(roles(['User Activity', 'Destination']), ['purpose', 'destination'])
  assert.equal(roles(['PaaS Activity', 'Additional destinations used']), ['purpose', 'destination'])
  assert.equal(roles(['Port', 'Destination', 'Purpose']), ['port', 'destination', 'purpose'])
})

columns('unknown columns become attributes with an info diagnostic; empty headers are named by position', () => {
  const named = mapColumns(['Purpose', 'Destination', 'Owner', ''])
  assert.equal(named.map((c) => c.name), ['Purpose', 'Destination', 'Owner', 'column 4'])
  const catalog = compileText(urlPage('| Purpose | Destination | Owner |', ['| **Required:** Portal | app.powerbi.com | Team A |']))
  assert.equal(catalog.endpointSets[0]?.attributes, {Owner: 'Team A'})
  assert.equal(catalog.diagnostics.map((d) => [d.ruleId, d.severity]), [['column-unknown', 'info']])
})

columns('Row numbers are not identity: renumbering keeps ids', () => {
  const a = compileText(urlPage('| Row | Purpose | Destination | Port |', ['| 1 | **Required:** Portal | app.powerbi.com | TCP 443 |'], '|---|---|---|---|'))
  const b = compileText(urlPage('| Row | Purpose | Destination | Port |', ['| 7 | **Required:** Portal | app.powerbi.com | TCP 443 |'], '|---|---|---|---|'))
  assert.is(a.endpointSets[0]?.id, b.endpointSets[0]?.id)
})

columns.run()
