// generated/ is never edited by hand: it must be exactly what the build and the type generator produce.
import {readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import * as assert from 'uvu/assert'
import {suite} from 'uvu'
import {schemaTypes, schemaValidators, typeTargets, validatorsOutput} from '../scripts/schema-types.js'
import {readConfig} from '../src/config.js'
import {compile} from '../src/index.js'
import {stringify} from '../src/io.js'

const generated = suite('generated')

generated('generated/catalog.json is what docs-source/ compiles to', () => {
  const pages = readdirSync('docs-source')
    .filter((name) => name.endsWith('.md'))
    .map((name) => join('docs-source', name))
  const {accept = []} = readConfig(process.cwd())
  const {catalog} = compile(pages.map((path) => ({path, value: readFileSync(path)})), {accept})
  assert.fixture(readFileSync('generated/catalog.json', 'utf8'), stringify(catalog), 'run `npx endpoint-catalog build`')
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
