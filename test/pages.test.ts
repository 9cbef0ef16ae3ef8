// One set of pages everywhere: build, compile and diff on directories, diff --base/--head, history
// and the action's globs choose the same files; links, special files and hidden files are never read.
import {execFileSync} from 'node:child_process'
import {mkdirSync, readFileSync, symlinkSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import * as assert from 'uvu/assert'
import {suite} from 'uvu'
import {pagesAtRevision, pagesMatching} from '../src/git.js'
import {pagesInDirectory, type Skipped} from '../src/pages.js'
import {runCli} from './helpers/cli.js'
import {temporaryRepository} from './helpers/git-repository.js'
import {temporaryDirectory} from './helpers/temporary.js'

const pages = suite('the set of pages')
const urls = readFileSync('docs-source/power-bi-urls.md', 'utf8')
const expressRoute = readFileSync('docs-source/power-bi-expressroute.md', 'utf8')
const sourcesOf = (catalog: {sources: Array<{path: string}>}) => catalog.sources.map((source) => source.path)

/** A repository whose docs-source/ holds two pages, and beside them what must not be read. */
function trickyRepository() {
  const repository = temporaryRepository()
  const docs = join(repository.directory, 'docs-source')
  mkdirSync(docs, {recursive: true})
  symlinkSync('/etc/passwd', join(docs, 'passwd.md'))
  symlinkSync('/dev/zero', join(docs, 'zero.md'))
  const commit = repository.commit({
    'docs-source/power-bi-urls.md': urls,
    'docs-source/nested/power-bi-expressroute.md': expressRoute,
    'docs-source/.hidden.md': urls.replace('app.powerbi.com', 'hidden.example.com'),
    'docs-source/.drafts/draft.md': urls,
    'docs-source/notes.txt': 'not a page\n',
    'endpoint-catalog.yaml': readFileSync('endpoint-catalog.yaml', 'utf8')
  })
  // A submodule entry: another repository's commit, not files of this one.
  repository.git('update-index', '--add', '--cacheinfo', `160000,${commit},docs-source/vendored.md`)
  repository.git('commit', '-q', '-m', 'submodule')
  const withSubmodule = repository.git('rev-parse', 'HEAD')
  repository.git('rm', '-q', '--cached', 'docs-source/vendored.md')
  // A FIFO cannot be committed; it is in the working tree only.
  execFileSync('mkfifo', [join(docs, 'fifo.md')])
  return {repository, commit: withSubmodule, first: commit}
}

const expected = ['docs-source/nested/power-bi-expressroute.md', 'docs-source/power-bi-urls.md']

pages('build, compile, diff and history on directories, diff --base and the action globs choose the same pages', async () => {
  const {repository, commit} = trickyRepository()
  const cwd = repository.directory

  const build = await runCli(['build', '--quiet'], cwd)
  assert.is(build.code, 0, build.stderr)
  assert.equal(sourcesOf(JSON.parse(readFileSync(join(cwd, 'generated/catalog.json'), 'utf8'))), expected)
  assert.match(build.stderr, 'endpoint-catalog: docs-source/passwd.md: skipped, a symbolic link; pages are read from regular files only\n')
  assert.match(build.stderr, 'endpoint-catalog: docs-source/zero.md: skipped, a symbolic link')
  assert.match(build.stderr, 'endpoint-catalog: docs-source/fifo.md: skipped, not a regular file (a FIFO, socket or device)')
  assert.not.match(build.stderr, 'hidden')

  const compiled = await runCli(['compile', 'docs-source', '--quiet'], cwd)
  assert.is(compiled.code, 0, compiled.stderr)
  assert.equal(sourcesOf(JSON.parse(compiled.stdout)), expected)
  assert.equal(pagesInDirectory('docs-source', cwd).paths, expected)

  const skipped: Skipped[] = []
  const onSkip = (file: Skipped) => skipped.push(file)
  assert.equal(pagesMatching(commit, ['docs-source/**/*.md'], cwd, {onSkip}).map((page) => page.path), expected)
  assert.equal(pagesAtRevision(commit, 'docs-source', cwd).map((page) => page.path), expected)
  assert.equal(
    skipped.map((file) => file.path),
    ['docs-source/passwd.md', 'docs-source/vendored.md', 'docs-source/zero.md']
  )
  assert.match(skipped[1]!.reason, /a submodule/)

  // diff --base reads the tree: the link's text is not a page, and the hidden page is not one.
  const diff = await runCli(['diff', '--base', commit, '--head', commit, '--format', 'json'], cwd)
  assert.is(diff.code, 0, diff.stderr)
  assert.match(diff.stderr, 'endpoint-catalog: docs-source/passwd.md: skipped, a symbolic link')
  assert.equal(JSON.parse(diff.stdout).changes, [])
  const directories = await runCli(['diff', 'docs-source', 'docs-source', '--format', 'json'], cwd)
  assert.is(directories.code, 0, directories.stderr)
  assert.match(directories.stderr, 'docs-source/zero.md: skipped')

  // history: a dated revision that is a link is skipped like any other.
  const revisions = join(cwd, 'revisions', 'power-bi-urls')
  mkdirSync(revisions, {recursive: true})
  writeFileSync(join(revisions, '2018-11-28.md'), urls)
  symlinkSync('/etc/passwd', join(revisions, '2019-01-01.md'))
  const history = await runCli(['history', 'revisions', '--out', 'replayed', '--quiet'], cwd)
  assert.is(history.code, 0, history.stderr)
  assert.match(history.stderr, 'revisions/power-bi-urls/2019-01-01.md: skipped, a symbolic link')
  assert.match(history.stdout, /1 version from 1 revisions/)
})

pages('file names with a line break or bytes that are not UTF-8 are input errors, not failures', async () => {
  const directory = temporaryDirectory('names')
  mkdirSync(join(directory, 'docs-source'))
  writeFileSync(join(directory, 'docs-source', 'power-bi-urls.md'), urls)
  writeFileSync(join(directory, 'docs-source', 'a\nb.md'), urls)
  const newline = await runCli(['build'], directory)
  assert.is(newline.code, 2, newline.stderr)
  assert.is(newline.stderr, 'endpoint-catalog: docs-source/a\\x0ab.md: a file name with a control character (such as a line break); rename the page\n')

  const other = temporaryDirectory('names')
  mkdirSync(join(other, 'docs-source'))
  writeFileSync(join(other, 'docs-source', 'power-bi-urls.md'), urls)
  writeFileSync(Buffer.concat([Buffer.from(join(other, 'docs-source') + '/'), Buffer.from([0xff, 0x2e, 0x6d, 0x64])]), urls)
  const bytes = await runCli(['build'], other)
  assert.is(bytes.code, 2, bytes.stderr)
  assert.is(bytes.stderr, 'endpoint-catalog: docs-source/\\xff.md: a file name that is not UTF-8; rename the page\n')

  // The same from git objects.
  const repository = temporaryRepository()
  const commit = repository.commit({'docs-source/power-bi-urls.md': urls, 'docs-source/a\nb.md': urls})
  const diff = await runCli(['diff', '--base', commit, '--head', commit], repository.directory)
  assert.is(diff.code, 2, diff.stderr)
  assert.match(diff.stderr, 'docs-source/a\\x0ab.md: a file name with a control character')
})

pages('diff --base refuses a page past 1 MiB from the tree before reading it; maxPageSize raises the limit', async () => {
  const repository = temporaryRepository()
  const big = urls + '\nFiller line of text.\n'.repeat(75_000)
  const base = repository.commit({'docs-source/power-bi-urls.md': urls})
  const head = repository.commit({'docs-source/power-bi-urls.md': big})
  const refused = await runCli(['diff', '--base', base, '--head', head], repository.directory)
  assert.is(refused.code, 2, refused.stderr)
  assert.is(refused.stderr, 'endpoint-catalog: docs-source/power-bi-urls.md: 1.6 MiB, expected a documentation page of at most 1 MiB (maxPageSize in endpoint-catalog.yaml)\n')

  const accepted = readFileSync('endpoint-catalog.yaml', 'utf8')
  writeFileSync(join(repository.directory, 'endpoint-catalog.yaml'), 'maxPageSize: 2097152\n' + accepted)
  const allowed = await runCli(['diff', '--base', base, '--head', head, '--format', 'json'], repository.directory)
  assert.is(allowed.code, 0, allowed.stderr)
  writeFileSync(join(repository.directory, 'docs-source', 'power-bi-urls.md'), big)
  assert.is((await runCli(['build', '--quiet'], repository.directory)).code, 0)
  writeFileSync(join(repository.directory, 'endpoint-catalog.yaml'), 'maxPageSize: 1000000\n' + accepted)
  assert.match((await runCli(['build'], repository.directory)).stderr, 'expected a documentation page of at most 976.6 KiB')
})

pages.run()
