// generated/ is never edited by hand: it must be exactly what the build and the type generator produce.
import {readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import * as assert from 'uvu/assert'
import {suite} from 'uvu'
import {schemaTypes, schemaValidators, typeTargets, validatorsOutput} from '../scripts/schema-types.js'
import {readConfig} from '../src/config.js'
import {release} from '../src/feed/release.js'
import {readPublished} from '../src/feed/store.js'
import {formatChangelog} from '../src/format/changelog.js'
import {compile} from '../src/index.js'
import {stringify} from '../src/io.js'

const generated = suite('generated')

generated('generated/ holds what docs-source/ compiles to: building again changes no byte', () => {
  const pages = readdirSync('docs-source')
    .filter((name) => name.endsWith('.md'))
    .map((name) => join('docs-source', name))
  const {accept = []} = readConfig(process.cwd())
  const {catalog} = compile(pages.map((path) => ({path, value: readFileSync(path)})), {accept})
  const committed = readPublished('generated', process.cwd())
  assert.ok(committed, 'generated/catalog.json exists')
  const published = release(catalog, committed)
  const hint = 'run `npx endpoint-catalog build`'
  assert.fixture(readFileSync('generated/catalog.json', 'utf8'), stringify(published.catalog), hint)
  assert.fixture(readFileSync('generated/changes.json', 'utf8'), stringify(published.feed), hint)
  assert.fixture(readFileSync('generated/CHANGELOG.md', 'utf8'), formatChangelog(published.feed), hint)
  assert.is(published.catalog.contentHash, catalog.contentHash)
})

generated('generated types are what the schemas produce', async () => {
  assert.ok(typeTargets.length > 0)
  for (const target of typeTargets) {
    assert.fixture(readFileSync(target.output, 'utf8'), await schemaTypes(target), `run \`npm run types\` (${target.output})`)
  }
})

generated('generated validators are what the schemas compile to', async () => {
  assert.ok(readFileSync(validatorsOutput, 'utf8') === (await schemaValidators()), 'run `npm run types` (generated/validators.ts)')
})

generated('compiling is deterministic and independent of argument order', () => {
  const pages = ['docs-source/power-bi-urls.md', 'docs-source/power-bi-expressroute.md'].map((path) => ({path, value: readFileSync(path)}))
  const once = stringify(compile(pages).catalog)
  assert.is(stringify(compile(pages).catalog), once)
  assert.is(stringify(compile([...pages].reverse()).catalog), once)
})

generated.run()
