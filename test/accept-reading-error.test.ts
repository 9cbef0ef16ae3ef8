// An accepted finding is silenced; a reading error (a port out of range) is never accepted into
// output: the row would be published as if read, with no ports.
import {existsSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import * as assert from 'uvu/assert'
import {suite} from 'uvu'
import {compile} from '../src/compile/catalog.js'
import {run} from './helpers/in-process.js'
import {temporaryDirectory} from './helpers/temporary.js'

const accepting = suite('accepting a reading error')
const page = '# T\n\n## S\n\n| Purpose | Destination | Port |\n| --- | --- | --- |\n| **Required:** Portal | app.powerbi.com | TCP 0 |\n| **Required:** All | * | TCP 443 |\n'

accepting('the diagnostic stays an error, unaccepted; a finding beside it is accepted', () => {
  const {catalog} = compile([{path: 'page.md', value: page}], {
    accept: [
      {rule: 'port-invalid', reason: 'reviewed'},
      {rule: 'over-broad-wildcard', reason: 'reviewed'}
    ]
  })
  const invalid = catalog.diagnostics.find((d) => d.ruleId === 'port-invalid')!
  assert.is(invalid.severity, 'error')
  assert.is(invalid.accepted, undefined)
  assert.is(catalog.diagnostics.find((d) => d.ruleId === 'over-broad-wildcard')!.accepted, 'reviewed')
})

accepting('compile with the acceptance in endpoint-catalog.yaml writes nothing and says why', async () => {
  const directory = temporaryDirectory('accept')
  writeFileSync(join(directory, 'page.md'), page)
  writeFileSync(join(directory, 'endpoint-catalog.yaml'), 'accept:\n  - rule: port-invalid\n    reason: reviewed\n')
  const result = await run(['compile', 'page.md', '-o', 'catalog.json'], directory)
  assert.is(result.code, 1)
  assert.not.ok(existsSync(join(directory, 'catalog.json')))
  assert.match(result.stderr, /accept entry 1 \(rule `port-invalid`\): a reading error cannot be accepted/)
  assert.match(result.stderr, /1 error; nothing written/)
})

accepting.run()
