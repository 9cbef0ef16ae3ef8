// Reading pages from git objects: by directory (the command line) and by glob (the action).
import {symlinkSync} from 'node:fs'
import {join} from 'node:path'
import * as assert from 'uvu/assert'
import {suite} from 'uvu'
import {fileAtRevision, hasCommit, mergeBase, pagesAtRevision, pagesMatching} from '../src/git.js'
import {temporaryRepository} from './helpers/git-repository.js'

const git = suite('git revisions')

const paths = (pages: Array<{path: string}>) => pages.map((page) => page.path)

git('globs match paths from the repository root, in path order; `!` excludes', () => {
  const repository = temporaryRepository()
  const first = repository.commit({
    'docs-source/power-bi-urls.md': '# urls\n',
    'docs-source/nested/deeper/power-bi-expressroute.md': '# expressroute\n',
    'docs-source/notes.txt': 'not a page\n',
    'docs-source/draft-page.md': '# draft\n',
    'other/power-bi-urls.md': '# elsewhere\n'
  })
  assert.equal(paths(pagesMatching(first, ['docs-source/**/*.md'], repository.directory)), [
    'docs-source/draft-page.md',
    'docs-source/nested/deeper/power-bi-expressroute.md',
    'docs-source/power-bi-urls.md'
  ])
  assert.equal(paths(pagesMatching(first, ['**/power-bi-urls.md', '!other/**'], repository.directory)), ['docs-source/power-bi-urls.md'])
  assert.equal(paths(pagesMatching(first, ['docs-source/*.md', '!**/draft-*'], repository.directory)), ['docs-source/power-bi-urls.md'])
  assert.equal(pagesMatching(first, ['!docs-source/**'], repository.directory), [], 'exclusions alone match nothing')
  // From a subdirectory the paths are still the repository's.
  assert.equal(paths(pagesMatching(first, ['other/*.md'], join(repository.directory, 'docs-source'))), ['other/power-bi-urls.md'])
  assert.is(pagesMatching(first, ['docs-source/power-bi-urls.md'], repository.directory)[0]!.value.toString(), '# urls\n')
})

git('the commit is read, not the working tree; symbolic links are not pages', () => {
  const repository = temporaryRepository()
  const first = repository.commit({'docs-source/power-bi-urls.md': '# first\n'})
  symlinkSync('../README.md', join(repository.directory, 'docs-source', 'linked.md'))
  const second = repository.commit({'docs-source/power-bi-urls.md': '# second\n', 'README.md': '# readme\n'})
  repository.commit({'docs-source/power-bi-urls.md': '# working tree\n'})
  const [page, ...rest] = pagesMatching(second, ['docs-source/*.md'], repository.directory)
  assert.is(page!.value.toString(), '# second\n')
  assert.equal(rest, [])
  assert.is(pagesMatching(first, ['docs-source/*.md'], repository.directory)[0]!.value.toString(), '# first\n')
  // The command line's directory reading is unchanged by the glob reading.
  assert.equal(paths(pagesAtRevision(first, 'docs-source', repository.directory)), ['docs-source/power-bi-urls.md'])
})

git('a page past 1 MiB is refused before it is read', () => {
  const repository = temporaryRepository()
  const commit = repository.commit({'docs-source/huge.md': '| a |\n'.repeat(3_000_000)})
  assert.throws(() => pagesMatching(commit, ['docs-source/*.md'], repository.directory), /docs-source\/huge\.md: 17\.2 MiB, expected a documentation page of at most 1 MiB \(maxPageSize in endpoint-catalog\.yaml\)/)
})

git('fileAtRevision reads one file, undefined when the revision has none', () => {
  const repository = temporaryRepository()
  const first = repository.commit({'endpoint-catalog.yaml': 'accept: []\n', 'docs/a.md': '# a\n'})
  const second = repository.commit({'endpoint-catalog.yaml': null})
  assert.is(fileAtRevision(first, 'endpoint-catalog.yaml', repository.directory)?.toString(), 'accept: []\n')
  assert.is(fileAtRevision(second, 'endpoint-catalog.yaml', repository.directory), undefined)
  assert.is(fileAtRevision(first, 'docs', repository.directory), undefined, 'a directory is not a file')
})

git('hasCommit and mergeBase', () => {
  const repository = temporaryRepository()
  const root = repository.commit({'a.md': 'a\n'})
  repository.git('checkout', '-q', '-b', 'side')
  const side = repository.commit({'b.md': 'b\n'})
  repository.git('checkout', '-q', 'main')
  const main = repository.commit({'c.md': 'c\n'})
  assert.ok(hasCommit(side, repository.directory))
  assert.not.ok(hasCommit('0'.repeat(40), repository.directory))
  assert.not.ok(hasCommit('--output=x', repository.directory))
  assert.is(mergeBase(main, side, repository.directory), root)
  assert.is(mergeBase(main, '0'.repeat(40), repository.directory), undefined)
})

git.run()
