// The docs repositories as they really are: moves recorded only in `.openpublishing.redirection.json`
// (each in the commit that rewrites the page, so git's rename detection cannot pair the paths),
// merges replayed on the first-parent line, and git run with the repository's configuration unable
// to execute anything.
import {execFileSync} from 'node:child_process'
import {chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {dirname, join} from 'node:path'
import * as assert from 'uvu/assert'
import {suite} from 'uvu'
import type {ChangeFeed} from '../generated/changes.js'
import type {Catalog} from '../src/index.js'
import {publishes} from '../src/feed/redirections.js'
import {commitToBranch} from '../src/feed/watch.js'
import {gitText} from '../src/git.js'
import {validateAgainst} from '../src/validate.js'
import {cli} from './helpers/cli.js'
import {readJson, sameHistory} from './helpers/history.js'
import {temporaryDirectory} from './helpers/temporary.js'

const redirections = suite('history from git: recorded moves, merges, neutral configuration')

const corpus = '../shared/corpus/power-bi-urls'
const revision = (date: string) => readFileSync(join(corpus, `${date}.md`), 'utf8')
const acceptConfig = 'accept:\n  - rule: over-broad-wildcard\n    reason: "Reviewed: Azure CDN and Storage, as the docs list them"\n'

/** The URL page's five revisions at the paths the Power BI docs had them, and the URL each is published at. */
const urlRevisions = [
  {date: '2018-08-10', path: 'powerbi-docs/power-bi-whitelist-urls.md', url: '/power-bi/power-bi-whitelist-urls'},
  {date: '2018-10-22', path: 'powerbi-docs/power-bi-whitelist-urls.md', url: '/power-bi/power-bi-whitelist-urls'},
  {date: '2020-01-29', path: 'powerbi-docs/admin/power-bi-whitelist-urls.md', url: '/power-bi/admin/power-bi-whitelist-urls'},
  {date: '2021-09-01', path: 'powerbi-docs/admin/power-bi-allow-list-urls.md', url: 'https://learn.microsoft.com/en-us/power-bi/admin/power-bi-allow-list-urls'},
  {date: '2023-09-29', path: 'powerbi-docs/enterprise/power-bi-allow-list-urls.md', url: '/power-bi/enterprise/power-bi-allow-list-urls'}
]
const latest = urlRevisions.at(-1)!.path

const run = (cwd: string, args: string[], env: Record<string, string> = {}) =>
  execFileSync('git', args, {cwd, stdio: 'pipe', env: {...process.env, GIT_CONFIG_NOSYSTEM: '1', ...env}}).toString().trim()

function repository(root: string, name = 'docs'): {directory: string; git: (...args: string[]) => string; commit: (date: string, files: Record<string, string | null>, message?: string) => string} {
  const directory = join(root, name)
  mkdirSync(directory)
  run(directory, ['init', '-q', '-b', 'main'])
  run(directory, ['config', 'user.email', 'docs@example.invalid'])
  run(directory, ['config', 'user.name', 'docs'])
  run(directory, ['config', 'commit.gpgsign', 'false'])
  const git = (...args: string[]) => run(directory, args)
  return {
    directory,
    git,
    commit(date, files, message = `Update ${date}`) {
      for (const [path, text] of Object.entries(files)) {
        if (text === null) rmSync(join(directory, path))
        else {
          mkdirSync(dirname(join(directory, path)), {recursive: true})
          writeFileSync(join(directory, path), text)
        }
      }
      git('add', '-A')
      run(directory, ['commit', '-q', '--allow-empty', '-m', message], {GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date})
      return git('rev-parse', 'HEAD')
    }
  }
}

/**
 * The URL page's history as a squash-merging docs repository makes it: each move in the commit that
 * rewrites the page, recorded only by a new entry of `.openpublishing.redirection.json`; other pages
 * and redirections around it. Returns the commits, oldest first.
 */
function movedHistory(docs: ReturnType<typeof repository>): string[] {
  const entries: Array<{source_path: string; redirect_url: string; redirect_document_id: boolean}> = [
    {source_path: 'powerbi-docs/service-gateway-onprem.md', redirect_url: '/power-bi/connect-data/service-gateway-onprem', redirect_document_id: true}
  ]
  const commits: string[] = []
  urlRevisions.forEach(({date, path, url}, index) => {
    const before = urlRevisions[index - 1]
    const files: Record<string, string | null> = {[path]: revision(date), 'powerbi-docs/other-page.md': `# Another page ${date}\n`}
    if (before !== undefined && before.path !== path) {
      files[before.path] = null
      entries.push({source_path: before.path, redirect_url: url, redirect_document_id: true})
    }
    files['.openpublishing.redirection.json'] = JSON.stringify({redirections: entries}, null, 2) + '\n'
    commits.push(docs.commit(`${date}T12:00:00Z`, files))
  })
  return commits
}

redirections('moves recorded only in the redirection file: history --git gives the versions and changes of history on the five revision files, with no --follow', () => {
  const root = temporaryDirectory('git-redirections')
  writeFileSync(join(root, 'endpoint-catalog.yaml'), acceptConfig)
  const docs = repository(root)
  const commits = movedHistory(docs)
  // Git's rename detection does not pair the paths: the moves are known from the redirection file only.
  assert.is(docs.git('log', '--follow', '--format=%H', '--', latest).split('\n').length, 1)

  const files = cli(['history', join(process.cwd(), corpus), '--out', 'from-files', '--quiet'], root)
  assert.is(files.code, 0, files.stderr)
  const fromGit = cli(['history', '--git', 'docs', latest, '--out', 'from-git', '--quiet'], root)
  assert.is(fromGit.code, 0, fromGit.stderr)
  assert.is(fromGit.stdout, 'from-git/catalog.json: version 2023092900, 5 versions from 5 revisions\n')

  const {feed} = sameHistory(join(root, 'from-git'), join(root, 'from-files'))
  assert.equal(feed.versions.map((record) => record.version), ['2023092900', '2021090100', '2020012900', '2018102200', '2018081000'])

  // Each version names its commit and path; a move is a note on the version, never a page removed and another added.
  const sources = feed.versions.map((record) => record.sources[0]!).reverse()
  assert.equal(
    sources.map((source) => [source.path, source.commit?.sha, source.movedFrom]),
    urlRevisions.map(({path}, index) => [path, commits[index], index > 0 && urlRevisions[index - 1]!.path !== path ? urlRevisions[index - 1]!.path : undefined])
  )
  assert.ok(feed.versions.every((record) => record.changes.every((change) => change.rule !== 'page-added' && change.rule !== 'page-removed')))
  const changelog = readFileSync(join(root, 'from-git', 'CHANGELOG.md'), 'utf8')
  assert.ok(changelog.includes('Page moved from `powerbi-docs/admin/power-bi-allow-list-urls.md` to `powerbi-docs/enterprise/power-bi-allow-list-urls.md`.'))
  assert.not.ok(readFileSync(join(root, 'from-files', 'CHANGELOG.md'), 'utf8').includes('Page moved'))
})

redirections('a redirect URL is the page it publishes: docset folder, locale, absolute or site-relative', () => {
  const powerbi = ['powerbi']
  assert.ok(publishes('/power-bi/enterprise/power-bi-allow-list-urls', 'powerbi-docs/enterprise/power-bi-allow-list-urls.md', powerbi))
  assert.ok(publishes('https://learn.microsoft.com/en-us/power-bi/admin/x', 'powerbi-docs/admin/x.md', powerbi))
  assert.ok(publishes('https://docs.microsoft.com/power-bi/admin/x#section', 'powerbi-docs/admin/x.md', powerbi))
  assert.ok(publishes('/mem/intune/fundamentals/intune-endpoints', 'memdocs/intune/fundamentals/intune-endpoints.md', ['microsoft-intune']))
  assert.ok(publishes('/fabric/security/', 'docs/security/index.md', ['fabric']))
  // Another docset, another page, another site: not this page.
  assert.not.ok(publishes('/fabric/admin/x', 'powerbi-docs/admin/x.md', powerbi))
  assert.not.ok(publishes('/power-bi/admin/y', 'powerbi-docs/admin/x.md', powerbi))
  assert.not.ok(publishes('/power-bi/x', 'powerbi-docs/admin/x.md', powerbi))
  assert.not.ok(publishes('https://example.com/power-bi/admin/x', 'powerbi-docs/admin/x.md', powerbi))
})

redirections('merges: the first-parent line is replayed, a page changed only through a merge is a revision of the merge commit', () => {
  const root = temporaryDirectory('git-redirections')
  writeFileSync(join(root, 'endpoint-catalog.yaml'), acceptConfig)
  const docs = repository(root)
  const path = 'docs/power-bi-urls.md'
  const first = revision('2021-09-01')
  docs.commit('2021-09-01T12:00:00Z', {[path]: first})
  docs.git('checkout', '-q', '-b', 'topic')
  // Two commits on the side branch; only their merged result reaches main.
  docs.commit('2021-09-02T12:00:00Z', {[path]: first.replace('TCP 443', 'TCP 8443')})
  docs.commit('2021-09-03T12:00:00Z', {[path]: first.replace('TCP 443', 'TCP 8443').replace('TCP 80', 'TCP 8080')})
  docs.git('checkout', '-q', 'main')
  docs.commit('2021-09-04T12:00:00Z', {'docs/other.md': '# other\n'})
  run(docs.directory, ['merge', '-q', '--no-ff', '-m', 'Merge topic', 'topic'], {GIT_AUTHOR_DATE: '2021-09-05T12:00:00Z', GIT_COMMITTER_DATE: '2021-09-05T12:00:00Z'})
  const merge = docs.git('rev-parse', 'HEAD')

  const history = cli(['history', '--git', 'docs', path, '--out', 'out', '--quiet'], root)
  assert.is(history.code, 0, history.stderr)
  assert.is(history.stdout, 'out/catalog.json: version 2021090101, 2 versions from 2 revisions\n')
  const feed = readJson<ChangeFeed>(join(root, 'out'), 'changes.json')
  assert.equal(feed.versions[0]!.sources[0]!.commit, {repository: 'docs', sha: merge, date: '2021-09-05T12:00:00Z'})
})

redirections('git never runs what the repository configuration names: signatures, pager, monitor, external diff, text conversion, hooks', () => {
  const root = temporaryDirectory('git-redirections')
  writeFileSync(join(root, 'endpoint-catalog.yaml'), acceptConfig)
  const docs = repository(root)
  const path = 'docs/power-bi-urls.md'
  docs.commit('2021-09-01T12:00:00Z', {[path]: revision('2021-09-01'), '.gitattributes': '*.md diff=evil filter=evil\n'})
  // A commit that carries a signature: with log.showSignature, git would hand it to gpg.program.
  const tree = docs.git('rev-parse', 'HEAD^{tree}')
  const parent = docs.git('rev-parse', 'HEAD')
  const signed = [
    `tree ${tree}`,
    `parent ${parent}`,
    'author docs <docs@example.invalid> 1630584000 +0000',
    'committer docs <docs@example.invalid> 1630584000 +0000',
    'gpgsig -----BEGIN PGP SIGNATURE-----',
    ' ',
    ' iQEzBAABCAAdFiEEAAAAAAAAAAAAAAAAAAAAAAAAAAAFAmEwAAAACgkQAAAAAAAAAAA=',
    ' -----END PGP SIGNATURE-----',
    '',
    'Signed',
    ''
  ].join('\n')
  const sha = execFileSync('git', ['hash-object', '-t', 'commit', '-w', '--stdin'], {cwd: docs.directory, input: signed}).toString().trim()
  docs.git('update-ref', 'refs/heads/main', sha)
  docs.commit('2021-09-03T12:00:00Z', {[path]: revision('2021-09-01').replace('TCP 443', 'TCP 8443')})

  const marker = join(root, 'ran')
  const evil = join(root, 'evil.sh')
  writeFileSync(evil, `#!/bin/sh\necho "$0 $*" >> '${marker}'\ncat >/dev/null\nexit 0\n`)
  chmodSync(evil, 0o755)
  const hooks = join(root, 'hooks')
  mkdirSync(hooks)
  for (const hook of ['post-checkout', 'pre-commit', 'post-commit', 'reference-transaction', 'post-index-change']) {
    writeFileSync(join(hooks, hook), `#!/bin/sh\necho hook >> '${marker}'\n`)
    chmodSync(join(hooks, hook), 0o755)
  }
  const config = {
    'log.showSignature': 'true',
    'gpg.program': evil,
    'gpg.ssh.program': evil,
    'core.pager': evil,
    'pager.log': evil,
    'core.fsmonitor': evil,
    'diff.external': evil,
    'diff.evil.textconv': evil,
    'diff.evil.command': evil,
    'filter.evil.clean': evil,
    'filter.evil.smudge': evil,
    'core.hooksPath': hooks
  }
  for (const [key, value] of Object.entries(config)) docs.git('config', key, value)
  // The trap is real: plain git, with this configuration, runs it.
  docs.git('log', '-p', '--format=%H', '-1', 'HEAD~1')
  assert.ok(existsSync(marker), 'the configuration runs evil.sh for a plain git')
  rmSync(marker)

  const history = cli(['history', '--git', 'docs', path, '--out', 'out', '--quiet'], root, {env: {GIT_PAGER: undefined, PAGER: evil}})
  assert.is(history.code, 0, history.stderr)
  assert.is(history.stdout, 'out/catalog.json: version 2021090101, 2 versions from 2 revisions\n')
  const diff = cli(['diff', '--base', 'HEAD~2', '--head', 'HEAD', '--source', 'docs'], docs.directory, {env: {GIT_PAGER: undefined, PAGER: evil}})
  assert.ok(diff.code === 0 || diff.code === 1, diff.stderr)
  // The runner itself, for commands that would run them: a patch (external diff, text conversion),
  // the signed commit (signature check), and the watch's commit and push (hooks, file-system monitor).
  assert.match(gitText(['log', '-p', '--format=%H', '-2'], docs.directory), /TCP 8443/)
  assert.match(gitText(['show', '--format=%H %G?', sha], docs.directory), new RegExp(`^${sha}`))
  run(root, ['init', '-q', '--bare', '-b', 'main', 'origin.git'])
  docs.git('remote', 'add', 'origin', join(root, 'origin.git'))
  writeFileSync(join(docs.directory, path), revision('2023-09-29'))
  commitToBranch('endpoint-catalog/upstream', [path], 'Follow the upstream docs', docs.directory)
  assert.is(run(root, ['--git-dir', join(root, 'origin.git'), 'log', '--format=%s', 'endpoint-catalog/upstream', '-1']), 'Follow the upstream docs')
  assert.not.ok(existsSync(marker), existsSync(marker) ? readFileSync(marker, 'utf8') : '')
})

redirections('a thousand commits of one date: read in a few git processes, not one per commit; every one a version, in order', () => {
  const root = temporaryDirectory('git-redirections')
  const docs = join(root, 'docs')
  run(root, ['init', '-q', '-b', 'main', docs])
  const page = (port: number) => `---\ntitle: Power BI URLs\nms.date: 09/01/2021\n---\n# Power BI URLs\n\n| Purpose | Destination | Port |\n| --- | --- | --- |\n| Backend APIs | **Required:** api.powerbi.com | TCP ${port} |\n`
  const count = 1000
  const start = Date.UTC(2021, 8, 1) / 1000
  let stream = ''
  for (let index = 0; index < count; index++) {
    const text = page(1000 + index)
    stream += `commit refs/heads/main\ncommitter docs <docs@example.invalid> ${start + index * 60} +0000\ndata 6\nchange\nM 100644 inline docs/power-bi-urls.md\ndata ${Buffer.byteLength(text)}\n${text}\n`
  }
  execFileSync('git', ['fast-import', '--quiet'], {cwd: docs, input: stream})
  // A git on the PATH that counts its runs before handing over to the real one.
  const shim = join(root, 'bin')
  mkdirSync(shim)
  const real = execFileSync('sh', ['-c', 'command -v git']).toString().trim()
  writeFileSync(join(shim, 'git'), `#!/bin/sh\necho run >> '${join(root, 'runs')}'\nexec '${real}' "$@"\n`)
  chmodSync(join(shim, 'git'), 0o755)
  const history = cli(['history', '--git', 'docs', 'docs/power-bi-urls.md', '--out', 'out', '--quiet'], root, {env: {PATH: `${shim}:${process.env['PATH']}`}})
  assert.is(history.code, 0, history.stderr)
  assert.is(history.stdout, `out/catalog.json: version 2021091099, ${count} versions from ${count} revisions\n`)
  const runs = readFileSync(join(root, 'runs'), 'utf8').split('\n').filter((line) => line !== '').length
  assert.ok(runs <= 12, `${runs} git processes for ${count} commits`)
  const feed = readJson<ChangeFeed>(join(root, 'out'), 'changes.json')
  const versions = feed.versions.map((record) => record.version)
  assert.equal([...versions].sort().reverse(), versions)
  assert.is(new Set(versions).size, count)
  assert.equal(validateAgainst('changes', feed), [])
})

redirections('history --upstream rebuilds the history of the pages listed in the configuration, from several repositories, in commit order', () => {
  const root = temporaryDirectory('git-redirections')
  const docs = repository(root)
  const commits = movedHistory(docs)
  const fabric = repository(root, 'fabric')
  const fabricPath = 'docs/security/fabric-allow-list-urls.md'
  // Committed in 2022, two years before its ms.date: commit order puts it before the last Power BI revision.
  const fabricFirst = fabric.commit('2022-06-01T12:00:00Z', {[fabricPath]: readFileSync('../shared/corpus/wild/fabric-allowlist-2024-05-06.md', 'utf8')})
  const fabricLast = fabric.commit('2025-10-14T12:00:00Z', {[fabricPath]: readFileSync('../shared/corpus/wild/fabric-allowlist-2025-10-14.md', 'utf8')})
  writeFileSync(
    join(root, 'endpoint-catalog.yaml'),
    acceptConfig +
      `upstream:\n  - repository: docs\n    pages:\n      - {path: ${latest}, page: docs-source/power-bi-urls.md, product: Power BI}\n` +
      `  - repository: fabric\n    ref: main\n    pages:\n      - {path: ${fabricPath}, page: docs-source/fabric-urls.md, product: Fabric}\n`
  )
  const history = cli(['history', '--upstream', '--out', 'out', '--quiet'], root)
  assert.is(history.code, 0, history.stderr)
  assert.is(history.stdout, 'out/catalog.json: version 2025101400, 7 versions from 7 revisions\n')
  const feed = readJson<ChangeFeed>(join(root, 'out'), 'changes.json')
  assert.equal(validateAgainst('changes', feed), [])
  // Oldest first, by commit date across the repositories; a version's number still follows the pages' ms.date.
  const short = (sha: string) => sha.slice(0, 7)
  const urls = (index: number) => `docs-source/power-bi-urls.md@${short(commits[index]!)}`
  assert.equal(
    feed.versions.map((record) => [record.version, record.sources.map((source) => `${source.path}@${short(source.commit!.sha)}`).join(' ')]).reverse(),
    [
      ['2018081000', urls(0)],
      ['2018102200', urls(1)],
      ['2020012900', urls(2)],
      ['2021090100', urls(3)],
      ['2024050600', `docs-source/fabric-urls.md@${short(fabricFirst)} ${urls(3)}`],
      ['2024050601', `docs-source/fabric-urls.md@${short(fabricFirst)} ${urls(4)}`],
      ['2025101400', `docs-source/fabric-urls.md@${short(fabricLast)} ${urls(4)}`]
    ]
  )
  assert.equal(new Set(feed.versions.flatMap((record) => record.sources.map((source) => source.commit?.repository))), new Set(['docs', 'fabric']))
  assert.equal(readJson<Catalog>(join(root, 'out'), 'catalog.json').sources.map((source) => source.path), ['docs-source/fabric-urls.md', 'docs-source/power-bi-urls.md'])
})

redirections('pathspecs are literal: a glob or pathspec magic in a path names only that path', () => {
  const root = temporaryDirectory('git-redirections')
  writeFileSync(join(root, 'endpoint-catalog.yaml'), acceptConfig)
  const docs = repository(root)
  docs.commit('2021-09-01T12:00:00Z', {'docs/power-bi-urls.md': revision('2021-09-01').slice(0, 400)})
  for (const path of ['docs/*.md', 'docs/power-bi-url?.md', ':(top)docs/power-bi-urls.md', ':(glob)docs/**/*.md']) {
    const history = cli(['history', '--git', 'docs', '--out', 'out', '--', path], root)
    assert.is(history.code, 2, path)
    assert.match(history.stderr, /no commit in docs has this page|expected a page's path/, path)
  }
  // A file really named with a star is read as itself.
  docs.commit('2021-09-02T12:00:00Z', {'docs/*.md': revision('2020-01-29')})
  const star = cli(['history', '--git', 'docs', '--out', 'star', '--quiet', '--', 'docs/*.md'], root)
  assert.is(star.code, 0, star.stderr)
  assert.is(star.stdout, 'star/catalog.json: version 2020012900, 1 version from 1 revisions\n')
})

redirections.run()
