// The package as a user installs it: `npm pack`, then an install of the tarball into an empty folder
// with scripts disabled. It runs, builds the docs, and its types check under every resolution.
import {execFileSync, spawnSync} from 'node:child_process'
import {cpSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import {join, resolve} from 'node:path'
import * as assert from 'uvu/assert'
import {suite} from 'uvu'
import {temporaryDirectory} from './helpers/temporary.js'

const pkg = suite('package')
const manifest = JSON.parse(readFileSync('package.json', 'utf8'))
const tsc = resolve('node_modules/typescript/bin/tsc')

const consumer = `import {compile, diff, exportCatalog, formatDiffMarkdown, formatDiffText, parseConfig, validate, type Catalog, type CompileOptions} from 'endpoint-catalog'

const options: CompileOptions = {accept: parseConfig('accept: []\\n', 'endpoint-catalog.yaml').accept ?? []}
const {catalog, files} = compile([{path: 'page.md', value: '# Power BI URLs\\n'}], options)
const checked: Catalog = catalog
const document = diff(checked, checked)
export const text: string = formatDiffText(document) + formatDiffMarkdown(document) + exportCatalog(checked, 'csv').text
export const errors: number = validate(checked).length + files[0]!.messages.length
// @ts-expect-error a catalog's version is a string
export const wrong: number = checked.version
`

pkg('a tarball installed with scripts disabled runs, builds docs-source/, and type-checks under node10, node16 and bundler', () => {
  const directory = temporaryDirectory('package')
  const [packed] = JSON.parse(execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', directory], {encoding: 'utf8'}))
  const files: string[] = packed.files.map((file: {path: string}) => file.path)
  // One copy of the code: the bundle, with declarations beside it, and nothing compiled twice.
  assert.ok(files.includes('dist/bundle/cli.mjs') && files.includes('dist/bundle/index.mjs') && files.includes('dist/src/index.d.ts'))
  assert.equal(files.filter((file) => file.startsWith('dist/') && file.endsWith('.js')), [])
  for (const file of ['LICENSE', 'bin/endpoint-catalog.js', 'generated/catalog.json', 'generated/m365-ids.json', 'schema/catalog.schema.json', 'dist/bundle/THIRD-PARTY-LICENSES.txt']) assert.ok(files.includes(file), file)
  const notices = readFileSync('dist/bundle/THIRD-PARTY-LICENSES.txt', 'utf8')
  for (const name of ['ajv', 'remark-gfm', 'tldts', 'yaml']) assert.match(notices, new RegExp(`^${name}@\\d`, 'm'))
  assert.equal(Object.keys(manifest.dependencies), ['vfile', 'vfile-message'])

  const project = join(directory, 'consumer')
  mkdirSync(project)
  writeFileSync(join(project, 'package.json'), JSON.stringify({name: 'consumer', private: true, type: 'module'}))
  execFileSync('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--prefer-offline', join(directory, packed.filename)], {cwd: project, stdio: 'pipe'})

  const bin = join(project, 'node_modules/.bin/endpoint-catalog')
  assert.is(execFileSync(bin, ['--version'], {cwd: project, encoding: 'utf8'}), manifest.version + '\n')
  cpSync('docs-source', join(project, 'docs-source'), {recursive: true})
  const build = spawnSync(bin, ['build', '--quiet'], {cwd: project, encoding: 'utf8'})
  assert.is(build.status, 0, build.stderr)
  const built = JSON.parse(readFileSync(join(project, 'generated/catalog.json'), 'utf8'))
  assert.is(built.contentHash, JSON.parse(readFileSync('generated/catalog.json', 'utf8')).contentHash)

  // The published catalog's m365 records are numbered from the numbers shipped beside it, as in the repository.
  const installed = spawnSync(bin, ['export', 'node_modules/endpoint-catalog/generated/catalog.json', '--format', 'm365'], {cwd: project, encoding: 'utf8'})
  const repository = spawnSync(process.execPath, ['bin/endpoint-catalog.js', 'export', 'generated/catalog.json', '--format', 'm365'], {encoding: 'utf8'})
  assert.is(installed.status, 0, installed.stderr)
  assert.is(installed.stdout, repository.stdout)
  assert.not.match(installed.stderr, /no recorded number/)

  // The exports map: the library, the published catalog and feed, the schemas, package.json.
  const script = [
    "import {compile} from 'endpoint-catalog'",
    "import catalog from 'endpoint-catalog/catalog.json' with {type: 'json'}",
    "import schema from 'endpoint-catalog/schema/catalog.schema.json' with {type: 'json'}",
    "import manifest from 'endpoint-catalog/package.json' with {type: 'json'}",
    "console.log(typeof compile, catalog.contentHash, schema.$id, manifest.version)"
  ].join('\n')
  writeFileSync(join(project, 'exports.mjs'), script)
  const published = JSON.parse(readFileSync('schema/catalog.schema.json', 'utf8'))
  assert.is(execFileSync(process.execPath, ['exports.mjs'], {cwd: project, encoding: 'utf8'}), `function ${built.contentHash} ${published.$id} ${manifest.version}\n`)

  writeFileSync(join(project, 'index.ts'), consumer)
  for (const [module, moduleResolution] of [['commonjs', 'node10'], ['node16', 'node16'], ['esnext', 'bundler']]) {
    const compilerOptions = {module, moduleResolution, target: 'es2022', strict: true, noEmit: true, skipLibCheck: false, types: [], ignoreDeprecations: '5.0'}
    writeFileSync(join(project, 'tsconfig.json'), JSON.stringify({compilerOptions, files: ['index.ts']}))
    const check = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.json'], {cwd: project, encoding: 'utf8'})
    assert.is(check.status, 0, `${moduleResolution}: ${check.stdout}`)
  }
})

pkg('every schema has a resolvable $id in the repository the package names', () => {
  const repository = manifest.repository.url.replace(/^git\+https:\/\/github\.com\//, '').replace(/\.git$/, '')
  for (const file of ['catalog', 'changes', 'config', 'diff', 'm365-changes', 'm365-endpoints', 'm365-ids']) {
    const schema = JSON.parse(readFileSync(`schema/${file}.schema.json`, 'utf8'))
    assert.is(schema.$id, `https://raw.githubusercontent.com/${repository}/main/schema/${file}.schema.json`)
  }
  // A catalog may name its schema; the content hash leaves it out.
  const directory = temporaryDirectory('package')
  const catalog = JSON.parse(readFileSync('generated/catalog.json', 'utf8'))
  const named = join(directory, 'catalog.json')
  writeFileSync(named, JSON.stringify({$schema: JSON.parse(readFileSync('schema/catalog.schema.json', 'utf8')).$id, ...catalog}))
  const run = spawnSync(process.execPath, ['bin/endpoint-catalog.js', 'validate', named], {encoding: 'utf8'})
  assert.is(run.status, 0, run.stderr)
  assert.is(manifest.homepage, `https://github.com/${repository}#readme`)
  assert.is(manifest.bugs.url, `https://github.com/${repository}/issues`)
  assert.match(readFileSync('LICENSE', 'utf8'), /^MIT License\n/)
  assert.is(manifest.license, 'MIT')
  assert.is(manifest.scripts.prepare, undefined, 'installing from git or a tarball runs no build')
  assert.ok(manifest.scripts.prepack)
})

pkg.run()
