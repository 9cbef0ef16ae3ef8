// A build never reads what it writes: an --out inside --source is not read as pages, nor is the
// CHANGELOG.md a build wrote; a build folder given where a catalog is expected is named as such.
import {cpSync, mkdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import * as assert from 'uvu/assert'
import {suite} from 'uvu'
import {cli} from './helpers/cli.js'
import {temporaryRepository} from './helpers/git-repository.js'
import {temporaryDirectory} from './helpers/temporary.js'

const output = suite('build output')

/** A folder `pages/` holding the family example's pages, in a new temporary directory. */
function withPages(): string {
  const directory = temporaryDirectory('build-output')
  cpSync('examples/family/pages', join(directory, 'pages'), {recursive: true})
  cpSync('endpoint-catalog.yaml', join(directory, 'endpoint-catalog.yaml'))
  return directory
}

const summary = (stdout: string) => /(\d+) endpoint sets/.exec(stdout)?.[1]

output('an --out inside --source: three builds in a row read the same pages', () => {
  const directory = withPages()
  const counts: Array<string | undefined> = []
  for (let round = 0; round < 3; round++) {
    const run = cli(['build', '--source', 'pages', '--out', 'pages/cat', '--quiet'], directory)
    assert.is(run.code, 0, run.stderr)
    counts.push(summary(run.stdout))
    if (round > 0) {
      assert.match(run.stdout, /\(unchanged\)/)
      assert.match(run.stderr, /^endpoint-catalog: pages\/cat\/: skipped, under the build's output directory \(--out\): a build never reads what it writes$/m)
    }
  }
  assert.ok(counts[0] !== undefined)
  assert.equal(counts, [counts[0], counts[0], counts[0]])
  const catalog = JSON.parse(readFileSync(join(directory, 'pages/cat/catalog.json'), 'utf8')) as {sources: Array<{path: string}>}
  assert.not.ok(catalog.sources.some((source) => source.path.includes('CHANGELOG')))
})

output('a CHANGELOG.md a build wrote is not a page, wherever it lies', () => {
  const directory = withPages()
  assert.is(cli(['build', '--source', 'pages', '--out', 'elsewhere', '--quiet'], directory).code, 0)
  // The build's folder moved under the pages: its change log is told by its content.
  mkdirSync(join(directory, 'pages/old'))
  cpSync(join(directory, 'elsewhere/CHANGELOG.md'), join(directory, 'pages/old/CHANGELOG.md'))
  const compiled = cli(['compile', 'pages', '--quiet'], directory)
  assert.is(compiled.code, 0, compiled.stderr)
  assert.match(compiled.stderr, /^endpoint-catalog: pages\/old\/CHANGELOG\.md: skipped, the CHANGELOG\.md a build wrote, not a page$/m)
  assert.not.ok((JSON.parse(compiled.stdout) as {sources: Array<{path: string}>}).sources.some((source) => source.path.includes('CHANGELOG')))
  // Named as a page, it is refused for what it is.
  const named = cli(['compile', 'elsewhere/CHANGELOG.md'], directory)
  assert.is(named.code, 2)
  assert.match(named.stderr, /elsewhere\/CHANGELOG\.md: the CHANGELOG\.md a build wrote, expected a documentation page \(markdown\)/)
})

output('a build folder where a catalog or feed is expected: pass its catalog.json', () => {
  const directory = withPages()
  assert.is(cli(['build', '--source', 'pages', '--out', 'cat', '--quiet'], directory).code, 0)
  for (const args of [['export', 'cat', '--format', 'csv'], ['diff', 'cat', 'cat/catalog.json']]) {
    const run = cli(args, directory)
    assert.is(run.code, 2, args.join(' '))
    assert.match(run.stderr, /^endpoint-catalog: cat: a build folder; pass its catalog\.json \(cat\/catalog\.json\)$/m, args.join(' '))
  }
  const changes = cli(['changes', '--since', '0000000000', 'cat'], directory)
  assert.is(changes.code, 2)
  assert.match(changes.stderr, /cat: a build folder; pass its changes\.json \(cat\/changes\.json\)/)
  assert.is(cli(['export', 'cat/catalog.json', '--format', 'csv'], directory).code, 0)
})

output('a CHANGELOG.md a build wrote, committed among the pages, is not read from git either', () => {
  const directory = withPages()
  assert.is(cli(['build', '--source', 'pages', '--out', 'cat', '--quiet'], directory).code, 0)
  const repository = temporaryRepository()
  const intune = readFileSync('examples/family/pages/intune-endpoints.md', 'utf8')
  const base = repository.commit({'docs-source/intune.md': intune}, 'base')
  repository.commit({'docs-source/CHANGELOG.md': readFileSync(join(directory, 'cat/CHANGELOG.md'), 'utf8')}, 'a changelog among the pages')
  const run = cli(['diff', '--base', base, '--format', 'json'], repository.directory)
  assert.is(run.code, 0, run.stderr)
  assert.match(run.stderr, /^endpoint-catalog: docs-source\/CHANGELOG\.md: skipped, the CHANGELOG\.md a build wrote, not a page$/m)
  assert.equal((JSON.parse(run.stdout) as {changes: unknown[]}).changes, [])
})

output.run()
