import * as assert from 'uvu/assert'
import {test} from 'uvu'
import * as api from '../src/index.js'

test('the package exports exactly its public surface', () => {
  assert.equal(Object.keys(api).sort(), ['InputError', 'changeRules', 'compile', 'diagnosticRules', 'diff', 'diffSchemaVersion', 'hasChangeAtLeast', 'parseCatalog', 'schemaVersion', 'validate'])
})

test.run()
