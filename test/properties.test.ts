// Properties over generated pages (fast-check): compile never throws, always validates, accounts
// for every row, and is deterministic.
import fc from 'fast-check'
import * as assert from 'uvu/assert'
import {suite} from 'uvu'
import {compile, validate} from '../src/index.js'
import {stringify} from '../src/io.js'
import {page} from './helpers/arbitrary.js'

const properties = suite('compile properties')
const runs = {numRuns: 150, seed: 20261122}

/** Body rows of the generated page: lines starting with `|` after a header and delimiter. */
function bodyRows(text: string): number[] {
  const lines = text.split('\n')
  const rows: number[] = []
  lines.forEach((line, index) => {
    if (line.startsWith('|') && !line.startsWith('|---') && lines[index - 1]?.startsWith('|')) {
      if (!(lines[index + 1] ?? '').startsWith('|---')) rows.push(index + 1)
    }
  })
  return rows.filter((line) => !lines[line - 2]?.startsWith('| Row |') && !lines[line - 2]?.startsWith('| Purpose |'))
}

properties('compile never throws, and every catalog validates', () => {
  fc.assert(
    fc.property(page, (text) => {
      const {catalog} = compile([{path: 'page.md', value: text}])
      assert.equal(validate(catalog), [])
    }),
    runs
  )
})

properties('every table row is an endpoint set or a diagnostic on its line', () => {
  fc.assert(
    fc.property(page, (text) => {
      const {catalog} = compile([{path: 'page.md', value: text}])
      const accounted = new Set([
        ...catalog.endpointSets.map((set) => set.source.line),
        ...catalog.diagnostics.filter((d) => d.ruleId === 'table-row-empty').map((d) => d.source.line)
      ])
      for (const line of bodyRows(text)) assert.ok(accounted.has(line), `row on line ${line} is accounted for`)
    }),
    runs
  )
})

properties('compiling twice gives identical bytes', () => {
  fc.assert(
    fc.property(page, (text) => {
      const once = stringify(compile([{path: 'page.md', value: text}]).catalog)
      assert.is(stringify(compile([{path: 'page.md', value: text}]).catalog), once)
    }),
    {...runs, numRuns: 50}
  )
})

properties.run()
