// The catalog's history from git: `history --git` replays every commit that touched the pages,
// following their renames, and gives the versions and change records `history` gives on the files.
import {execFileSync} from 'node:child_process'
import {cpSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync} from 'node:fs'
import {dirname, join} from 'node:path'
import * as assert from 'uvu/assert'
import {suite} from 'uvu'
import type {ChangeFeed} from '../generated/changes.js'
import type {Catalog} from '../src/index.js'
import {validateAgainst} from '../src/validate.js'
import {runCli} from './helpers/cli.js'
import {temporaryDirectory} from './helpers/temporary.js'

const history = suite('history from git')

const fixture = (date: string) => readFileSync(join('test/fixtures/compile', `urls-${date}`, 'input.md'), 'utf8')
const acceptConfig = 'accept:\n  - rule: over-broad-wildcard\n    reason: "Reviewed: Azure CDN and Storage, as the docs list them"\n'

/** The URL page's revisions at the paths the docs repository had them, each commit with its real renames. */
const urlRevisions: Array<{date: string; path: string; from?: string}> = [
  {date: '2018-08-10', path: 'powerbi-docs/power-bi-whitelist-urls.md'},
  {date: '2018-10-22', path: 'powerbi-docs/power-bi-whitelist-urls.md'},
  {date: '2020-01-29', path: 'powerbi-docs/admin/power-bi-whitelist-urls.md', from: 'powerbi-docs/power-bi-whitelist-urls.md'},
  {date: '2021-09-01', path: 'powerbi-docs/admin/power-bi-allow-list-urls.md', from: 'powerbi-docs/admin/power-bi-whitelist-urls.md'},
  {date: '2023-09-29', path: 'powerbi-docs/enterprise/power-bi-allow-list-urls.md', from: 'powerbi-docs/admin/power-bi-allow-list-urls.md'}
]
const latest = 'powerbi-docs/enterprise/power-bi-allow-list-urls.md'
// The last move came with a rewrite: git's rename detection does not see it.
const lastMove = `powerbi-docs/admin/power-bi-allow-list-urls.md=${latest}`

interface Upstream {
  directory: string
  git(...args: string[]): string
  /** Write files (null: delete), move `from` to the first path with `git mv`, and commit at `date`; returns the commit id. */
  commit(date: string, files: Record<string, string | null>, from?: string): string
}

function upstream(root: string, name = 'upstream'): Upstream {
  const directory = join(root, name)
  mkdirSync(directory)
  const git = (...args: string[]) => execFileSync('git', args, {cwd: directory, stdio: 'pipe'}).toString().trim()
  git('init', '-q', '-b', 'main')
  git('config', 'user.email', 'docs@example.invalid')
  git('config', 'user.name', 'docs')
  git('config', 'commit.gpgsign', 'false')
  return {
    directory,
    git,
    commit(date, files, from) {
      const [first] = Object.keys(files)
      if (from !== undefined && first !== undefined) {
        mkdirSync(dirname(join(directory, first)), {recursive: true})
        git('mv', from, first)
      }
      for (const [path, text] of Object.entries(files)) {
        if (text === null) rmSync(join(directory, path))
        else {
          mkdirSync(dirname(join(directory, path)), {recursive: true})
          writeFileSync(join(directory, path), text)
        }
      }
      git('add', '-A')
      const env = {...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date}
      execFileSync('git', ['commit', '-q', '--allow-empty', '-m', `Update ${date}`], {cwd: directory, stdio: 'pipe', env})
      return git('rev-parse', 'HEAD')
    }
  }
}

/** The URL page's history in a new repository; returns the commits, oldest first. */
function urlHistory(repository: Upstream): string[] {
  return urlRevisions.map(({date, path, from}) => repository.commit(`${date}T12:00:00Z`, {[path]: fixture(date)}, from))
}

const readJson = <T>(directory: string, name: string): T => JSON.parse(readFileSync(join(directory, name), 'utf8')) as T

/** A record or catalog without what says where its pages were read from (paths, commits). */
function withoutPlaces(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutPlaces)
  if (value === null || typeof value !== 'object') return value
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key, entry]) => key !== 'path' && key !== 'commit' && !(key === 'source' && typeof entry === 'string'))
      .map(([key, entry]) => [key, withoutPlaces(entry)])
  )
}

history('history --git follows the URL page through its renames and gives the versions and changes of history on the files', async () => {
  const root = temporaryDirectory('git-history')
  writeFileSync(join(root, 'endpoint-catalog.yaml'), acceptConfig)
  const repository = upstream(root)
  const commits = urlHistory(repository)
  for (const {date} of urlRevisions) {
    mkdirSync(join(root, 'revisions', 'power-bi-urls'), {recursive: true})
    writeFileSync(join(root, 'revisions', 'power-bi-urls', `${date}.md`), fixture(date))
  }

  const files = await runCli(['history', 'revisions', '--out', 'from-files', '--quiet'], root)
  assert.is(files.code, 0, files.stderr)
  const fromGit = await runCli(['history', '--git', 'upstream', latest, '--follow', lastMove, '--out', 'from-git', '--quiet'], root)
  assert.is(fromGit.code, 0, fromGit.stderr)
  assert.is(fromGit.stdout, 'from-git/catalog.json: version 2023092900, 5 versions from 5 revisions\n')

  const feed = readJson<ChangeFeed>(join(root, 'from-git'), 'changes.json')
  const fileFeed = readJson<ChangeFeed>(join(root, 'from-files'), 'changes.json')
  assert.equal(validateAgainst('changes', feed), [])
  assert.equal(feed.versions.map((record) => record.version), ['2023092900', '2021090100', '2020012900', '2018102200', '2018081000'])
  assert.equal(withoutPlaces(feed), withoutPlaces(fileFeed))
  assert.ok(feed.versions.every((record) => record.changes.length > 0))
  assert.equal(withoutPlaces(readJson<Catalog>(join(root, 'from-git'), 'catalog.json')), withoutPlaces(readJson<Catalog>(join(root, 'from-files'), 'catalog.json')))

  // Each version names the commit and the path its page was read from, oldest version last.
  const sources = feed.versions.map((record) => record.sources[0]!).reverse()
  assert.equal(
    sources.map((source) => [source.path, source.commit?.repository, source.commit?.sha, source.commit?.date]),
    urlRevisions.map(({date, path}, index) => [path, 'upstream', commits[index], `${date}T12:00:00Z`])
  )
  // History on files names no commit.
  assert.ok(fileFeed.versions.every((record) => record.sources.every((source) => source.commit === undefined)))
})

history('--follow joins a move to another repository: the history runs on in the new one', async () => {
  const root = temporaryDirectory('git-history')
  writeFileSync(join(root, 'endpoint-catalog.yaml'), acceptConfig)
  const commits = urlHistory(upstream(root))
  const fabric = upstream(root, 'fabric')
  const moved = fixture('2023-09-29').replace('ms.date: 09/29/2023', 'ms.date: 05/06/2024').replace('TCP 443', 'TCP 8443')
  const last = fabric.commit('2024-05-06T12:00:00Z', {'docs/security/power-bi-allow-list-urls.md': moved})
  const follows = [
    ['--follow', `upstream:powerbi-docs/admin/power-bi-allow-list-urls.md=upstream:${latest}`],
    ['--follow', `upstream:${latest}=docs/security/power-bi-allow-list-urls.md`]
  ].flat()
  const run = await runCli(['history', '--git', 'fabric', 'docs/security/power-bi-allow-list-urls.md', ...follows, '--out', 'out', '--quiet'], root)
  assert.is(run.code, 0, run.stderr)
  assert.is(run.stdout, 'out/catalog.json: version 2024050600, 6 versions from 6 revisions\n')
  const feed = readJson<ChangeFeed>(join(root, 'out'), 'changes.json')
  assert.equal(
    feed.versions.map((record) => [record.version, record.sources[0]!.commit?.repository, record.sources[0]!.commit?.sha]),
    [['2024050600', 'fabric', last], ...urlRevisions.map(({date}, index) => [date.replace(/-/g, '') + '00', 'upstream', commits[index]]).reverse()]
  )
  assert.ok(feed.versions[0]!.changes.length > 0)

  // A shallow clone gives the history it has, and says so.
  execFileSync('git', ['clone', '-q', '--depth', '1', '--no-checkout', `file://${join(root, 'upstream')}`, join(root, 'shallow')], {stdio: 'pipe'})
  const shallow = await runCli(['history', '--git', 'shallow', latest, '--out', 'shallow-out', '--quiet'], root)
  assert.is(shallow.code, 0, shallow.stderr)
  assert.match(shallow.stderr, /endpoint-catalog: shallow: a shallow clone; its history starts at the earliest commit fetched\n/)
  assert.is(shallow.stdout, 'shallow-out/catalog.json: version 2023092900, 1 version from 1 revisions\n')
})

history('without --follow the history stops where git sees no rename; --follow is only for --git', async () => {
  const root = temporaryDirectory('git-history')
  writeFileSync(join(root, 'endpoint-catalog.yaml'), acceptConfig)
  urlHistory(upstream(root))
  const run = await runCli(['history', '--git', 'upstream', latest, '--out', 'out', '--quiet'], root)
  assert.is(run.code, 0, run.stderr)
  assert.is(run.stdout, 'out/catalog.json: version 2023092900, 1 version from 1 revisions\n')
  // Renames git detects are followed without help, from a path the repository no longer has.
  const admin = await runCli(['history', '--git', 'upstream', 'powerbi-docs/admin/power-bi-allow-list-urls.md', '--out', 'admin', '--quiet'], root)
  assert.is(admin.code, 0, admin.stderr)
  assert.is(admin.stdout, 'admin/catalog.json: version 2021090100, 4 versions from 4 revisions\n')
  const absent = await runCli(['history', '--git', 'upstream', 'powerbi-docs/power-bi-urls.md', '--out', 'absent'], root)
  assert.is(absent.code, 2)
  assert.match(absent.stderr, /^endpoint-catalog: powerbi-docs\/power-bi-urls\.md: no commit in upstream has this page\n$/)
  const usage = await runCli(['history', 'revisions', '--follow', lastMove, '--out', 'x'], root)
  assert.is(usage.code, 2)
  assert.match(usage.stderr, /--follow is an option of --git/)
})

history('commits of one ms.date are ordered by commit date, never refused; a commit that changes no table keeps the version', async () => {
  const root = temporaryDirectory('git-history')
  writeFileSync(join(root, 'endpoint-catalog.yaml'), acceptConfig)
  const repository = upstream(root)
  const path = 'docs/power-bi-urls.md'
  const text = fixture('2018-10-22')
  repository.commit('2018-10-22T09:00:00Z', {[path]: text})
  repository.commit('2018-10-22T10:00:00Z', {[path]: text.replace('TCP 443', 'TCP 8443')})
  repository.commit('2018-10-23T08:00:00Z', {[path]: text.replace('TCP 443', 'TCP 8443').replace('author: mgblythe', 'author: another')})
  // Committed later, dated back to the same ms.date: after the others of that date.
  const last = repository.commit('2018-10-24T08:00:00Z', {[path]: text})
  const run = await runCli(['history', '--git', 'upstream', path, '--out', 'out', '--quiet'], root)
  assert.is(run.code, 0, run.stderr)
  assert.is(run.stdout, 'out/catalog.json: version 2018102202, 3 versions from 4 revisions\n')
  assert.not.match(run.stderr, /two revisions/)
  const feed = readJson<ChangeFeed>(join(root, 'out'), 'changes.json')
  assert.equal(feed.versions.map((record) => record.version), ['2018102202', '2018102201', '2018102200'])
  assert.is(feed.versions[0]!.sources[0]!.commit?.sha, last)
})

history('symbolic links and submodules are skipped with a note; a page past maxPageSize is refused before it is read', async () => {
  const root = temporaryDirectory('git-history')
  writeFileSync(join(root, 'endpoint-catalog.yaml'), acceptConfig)
  const repository = upstream(root)
  const path = 'docs/power-bi-urls.md'
  repository.commit('2018-08-10T12:00:00Z', {[path]: fixture('2018-08-10')})
  rmSync(join(repository.directory, path))
  symlinkSync('/etc/passwd', join(repository.directory, path))
  repository.commit('2018-09-01T12:00:00Z', {})
  const run = await runCli(['history', '--git', 'upstream', path, '--out', 'out', '--quiet'], root)
  assert.is(run.code, 0, run.stderr)
  assert.match(run.stderr, /docs\/power-bi-urls\.md: skipped, a symbolic link; pages are read from regular files only/)
  assert.is(run.stdout, 'out/catalog.json: version 2018081000, 1 version from 1 revisions\n')

  writeFileSync(join(root, 'endpoint-catalog.yaml'), acceptConfig + 'maxPageSize: 1000\n')
  const large = await runCli(['history', '--git', 'upstream', path, '--out', 'large'], root)
  assert.is(large.code, 2)
  assert.match(large.stderr, /docs\/power-bi-urls\.md: .*1000/)
})

history('paths and repositories are checked: nothing reaches git as an option, a directory inside a repository is not one', async () => {
  const root = temporaryDirectory('git-history')
  const repository = upstream(root)
  repository.commit('2018-08-10T12:00:00Z', {'docs/power-bi-urls.md': fixture('2018-08-10')})
  for (const path of ['--output=/tmp/x.md', '../outside.md', '/etc/passwd.md', 'docs/.hidden.md', 'docs/notes.txt']) {
    const run = await runCli(['history', '--git', 'upstream', '--out', 'out', '--', path], root)
    assert.is(run.code, 2, path)
    assert.match(run.stderr, /expected a page's path in the repository/, path)
  }
  const follow = await runCli(['history', '--git', 'upstream', 'docs/power-bi-urls.md', '--follow', 'docs/a.md', '--out', 'out'], root)
  assert.match(follow.stderr, /--follow docs\/a\.md: expected old\.md=new\.md/)
  const inside = await runCli(['history', '--git', 'upstream/docs', 'power-bi-urls.md', '--out', 'out'], root)
  assert.is(inside.code, 2)
  assert.match(inside.stderr, /upstream\/docs: not a git repository with commits/)
  cpSync(join(repository.directory, 'docs'), join(root, 'plain'), {recursive: true})
  const plain = await runCli(['history', '--git', 'plain', 'power-bi-urls.md', '--out', 'out'], root)
  assert.match(plain.stderr, /plain: not a git repository with commits/)
})

history.run()
