import * as assert from 'uvu/assert'
import {test} from 'uvu'
import * as api from '../src/index.js'

const surface = [
  'FilterError',
  'InputError',
  'assignM365Ids',
  'changeRules',
  'changesFormats',
  'changesSchemaVersion',
  'changesSince',
  'compile',
  'diagnosticRules',
  'diff',
  'diffSchemaVersion',
  'exportCatalog',
  'exportFormats',
  'filterCatalog',
  'formatDiagnostics',
  'formatDiagnosticsJson',
  'formatDiffJson',
  'formatDiffMarkdown',
  'formatDiffText',
  'hasChangeAtLeast',
  'inputKind',
  'parseCatalog',
  'parseConfig',
  'readConfig',
  'release',
  'renderReleases',
  'schemaVersion',
  'validate'
]

test('the package exports exactly its public surface', () => {
  assert.equal(Object.keys(api).sort(), surface)
})

test('the package resolves by its name to the built library (the exports map points at real files)', async () => {
  const built = (await import('endpoint-catalog')) as Record<string, unknown>
  assert.equal(Object.keys(built).sort(), surface)
})

test.run()
