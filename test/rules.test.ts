// The diagnostic rule registry is a public contract: every id documented, levelled, and produced.
import {readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import * as assert from 'uvu/assert'
import {suite} from 'uvu'
import {changeRules, diagnosticRules} from '../src/index.js'

const registry = suite('diagnostic rules')
const ids = Object.keys(diagnosticRules)

registry('every rule has a kebab-case id, a level and a description', () => {
  for (const [id, rule] of Object.entries(diagnosticRules)) {
    assert.match(id, /^[a-z0-9]+(-[a-z0-9]+)*$/)
    assert.ok(['error', 'warning', 'info'].includes(rule.level), id)
    assert.ok(rule.description.length > 20, id)
  }
})

registry('the README documents every rule with its level', () => {
  const readme = readFileSync('README.md', 'utf8')
  for (const [id, rule] of Object.entries(diagnosticRules)) {
    assert.match(readme, new RegExp('\\| `' + id + '` \\| ' + rule.level + ' \\|'), id)
  }
})

registry('every rule is produced by at least one reviewed compile fixture', () => {
  const produced = new Set<string>()
  for (const name of readdirSync('test/fixtures/compile')) {
    const catalog = JSON.parse(readFileSync(join('test/fixtures/compile', name, 'catalog.json'), 'utf8'))
    for (const diagnostic of catalog.diagnostics) produced.add(diagnostic.ruleId)
  }
  assert.equal(ids.filter((id) => !produced.has(id)), [])
  assert.equal([...produced].filter((id) => !ids.includes(id)), [], 'no fixture names an unregistered rule')
})

registry('the README documents every change rule with its level', () => {
  const readme = readFileSync('README.md', 'utf8')
  for (const [id, rule] of Object.entries(changeRules)) {
    assert.match(readme, new RegExp('\\| `' + id + '` \\| ' + rule.level + '[ |]'), id)
  }
})

registry.run()
