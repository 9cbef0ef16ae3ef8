import {readFileSync} from 'node:fs'
import * as assert from 'uvu/assert'
import {test} from 'uvu'
import {inputKind} from '../src/kinds.js'

test('inputKind tells each file by its content', () => {
  assert.is(inputKind(readFileSync('docs-source/power-bi-urls.md', 'utf8')), 'page')
  assert.is(inputKind('\uFEFF---\ntitle: x\n---\n# Page\n'), 'page')
  assert.is(inputKind(readFileSync('generated/catalog.json', 'utf8')), 'catalog')
  assert.is(inputKind(readFileSync('generated/changes.json', 'utf8')), 'changes')
  assert.is(inputKind(readFileSync('generated/m365-ids.json', 'utf8')), 'm365Ids')
  assert.is(inputKind('{"schemaVersion": "1.0.0", "from": {}, "to": {}, "counts": {}, "changes": []}'), 'diff')
  assert.is(inputKind(readFileSync('endpoint-catalog.yaml', 'utf8')), 'config')
  assert.is(inputKind('maxPageSize: 4096\n'), 'config')
  assert.is(inputKind(readFileSync('package-lock.json', 'utf8')), 'json')
  assert.is(inputKind('{"endpointSets": '), 'json', 'truncated JSON is JSON, not a page')
  assert.is(inputKind('accept: this line opens a page about acceptance\n\n# Title\n'), 'page')
})

test.run()
