// Pages under the size limit built to make the parser slow: each refused by a bound that counts
// what costs the parser time (a long paragraph, deep nesting, markup handed to it, rows), or read
// with its diagnostics summed up. Time and memory: `npm run bench` (bench/hostile.ts).
import * as assert from 'uvu/assert'
import {suite} from 'uvu'
import {heavy, hostile} from '../bench/hostile.js'
import {compile} from '../src/compile/catalog.js'
import {InputError} from '../src/errors.js'
import {listedPerRule} from '../src/report.js'

const pages = suite('hostile pages')
const path = 'docs-source/power-bi-urls.md'

/** The input error compiling `text` gives (failing when it compiles). */
function refusal(text: string): string {
  try {
    compile([{path, value: text}])
  } catch (error) {
    if (error instanceof InputError) return error.message
    throw error
  }
  throw new Error('compiled, expected an input error')
}

const refused: Array<[keyof typeof hostile, RegExp]> = [
  ['unclosedFrontMatter', /:1: a paragraph, list or block quote of more than 32 K characters without a blank line/],
  ['references', /:6: a paragraph, list or block quote of more than 32 K characters/],
  ['emails', /:6: a paragraph, list or block quote of more than 32 K characters/],
  ['marks', /:6: a paragraph, list or block quote of more than 32 K characters/],
  ['rows', /:20008: more than 20,000 table rows, expected a documentation page/],
  ['tabNesting', /:57: nesting deeper than 100 block quotes or lists/],
  ['spaceNesting', /:107: nesting deeper than 100 block quotes or lists/],
  ['looseList', /:1: more than 128 K characters of markup for the parser/],
  ['linkRows', /:5\d{3}: more than 128 K characters of markup for the parser/]
]
for (const [name, says] of refused) {
  pages(`refused: ${name} (${Math.round(hostile[name].length / 1024)} KB)`, () => {
    assert.ok(Buffer.byteLength(hostile[name]) <= 2 ** 20, 'under the size limit')
    assert.match(refusal(hostile[name]), says)
  })
}

pages('nesting by indentation counts columns: 100 levels of two spaces read, 101 refused', () => {
  const nested = (depth: number, indent: string) => Array.from({length: depth}, (_, i) => indent.repeat(i) + '- x\n').join('')
  compile([{path, value: '# T\n\n' + nested(100, '  ')}])
  assert.match(refusal('# T\n\n' + nested(102, '  ')), /nesting deeper than 100/)
  assert.match(refusal('# T\n\n' + nested(60, '\t')), /nesting deeper than 100/)
})

pages('a table of 13,000 rows padded with spaces after the closing pipe is read, row by row', () => {
  const {catalog} = compile([{path, value: heavy.paddedRows}])
  assert.is(catalog.endpointSets.length, 13_000)
  assert.equal(catalog.endpointSets[12_999]!.source, {path, line: 13_009, column: 1})
})

pages('4,300 rows of links, just under the parser\'s bound, are read', () => {
  const {catalog} = compile([{path, value: heavy.linkRowsUnder}])
  assert.is(catalog.endpointSets.length, 4_300)
})

pages('cells of many parts are read whole: sentences with their ports, names broken at dots, hosts paired with ports', () => {
  const said = compile([{path, value: heavy.saidCell}]).catalog.endpointSets[0]!.destinations
  assert.is(said.length, 4_000)
  assert.equal([said[0]!.ports, said[3_999]!.ports], [[{protocol: 'tcp', port: 1}], [{protocol: 'tcp', port: 4_000}]])
  const dots = compile([{path, value: heavy.dotCell}]).catalog.endpointSets[0]!.destinations
  assert.equal([dots.length, dots[0]!.value, dots[29_999]!.value], [30_000, 'a0.io.b0.io', 'a29999.io.b29999.io'])
  const paired = compile([{path, value: heavy.pairedCell}]).catalog.endpointSets[0]!.destinations
  assert.equal([paired.length, paired[0]!.ports, paired[24_999]!.ports], [25_000, [{protocol: 'tcp', port: 1}], [{protocol: 'tcp', port: 25_000}]])
})

pages('diagnostics of one rule past the count are summed up in one message, with the rule and its level', () => {
  const rows = Array.from({length: listedPerRule + 250}, (_, i) => `| **Required:** Portal ${i} | h${i}.powerbi.com | TCP 0 |`)
  const page = '# T\n\n## S\n\n| Purpose | Destination | Port |\n| --- | --- | --- |\n' + rows.join('\n') + '\n'
  const {catalog} = compile([{path, value: page}])
  const invalid = catalog.diagnostics.filter((d) => d.ruleId === 'port-invalid')
  assert.is(invalid.length, listedPerRule + 1)
  const summary = invalid.find((d) => /more/.test(d.message))!
  assert.is(summary.message, `250 more \`port-invalid\` diagnostics on this page from here on, not listed (the first ${listedPerRule} are listed)`)
  assert.is(summary.severity, 'error')
  // Where the first of those not listed is: the row after the last one listed (its numbers a digit longer).
  const last = invalid[listedPerRule - 1]!
  assert.equal(summary.source, {path, line: last.source.line + 1, column: last.source.column + 2})
})

pages.run()
