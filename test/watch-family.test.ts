// The family watched from one configuration: two docs repositories (bare stand-ins), three listed
// pages, one watch run, one pull request against the GitHub stand-in on 127.0.0.1, its body grouped
// by product; a page moved upstream is followed through the recorded redirection; upstream back to
// the catalog's state, or a page gone, closes the pull request with a comment saying why.
import {execFile} from 'node:child_process'
import {mkdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {dirname, join, resolve} from 'node:path'
import * as assert from 'uvu/assert'
import {suite} from 'uvu'
import {parse} from 'yaml'
import {commentMarker} from '../src/action/report.js'
import {parseConfig} from '../src/config.js'
import {cli} from './helpers/cli.js'
import {committer, gitIn} from './helpers/git-repository.js'
import {GitHubServer} from './helpers/github-server.js'
import {temporaryDirectory} from './helpers/temporary.js'

const family = suite('watch: the family from one configuration')

const entry = resolve('bin/endpoint-catalog.js')
const token = 'ghs_family_token'
const corpus = '../shared/corpus'
const page = (path: string) => readFileSync(join(corpus, path), 'utf8')
const expressroute = readFileSync('docs-source/power-bi-expressroute.md', 'utf8')

const urlsPath = 'powerbi-docs/enterprise/power-bi-allow-list-urls.md'
const expressroutePath = 'powerbi-docs/enterprise/service-admin-power-bi-expressroute.md'
const fabricPath = 'docs/security/fabric-allow-list-urls.md'

const git = gitIn
const identity = (cwd: string) => committer(cwd)

/** A docs repository: a working clone that pushes to a bare stand-in `<name>.git` in `root`. */
function docsRepository(root: string, name: string): (files: Record<string, string | null>) => void {
  git(root, 'init', '-q', '--bare', '-b', 'main', `${name}.git`)
  const work = join(root, `${name}-work`)
  git(root, 'init', '-q', '-b', 'main', work)
  identity(work)
  git(work, 'remote', 'add', 'origin', join(root, `${name}.git`))
  return (files) => {
    for (const [path, text] of Object.entries(files)) {
      if (text === null) rmSync(join(work, path))
      else {
        mkdirSync(dirname(join(work, path)), {recursive: true})
        writeFileSync(join(work, path), text)
      }
    }
    git(work, 'add', '-A')
    git(work, 'commit', '-q', '--allow-empty', '-m', 'Update the docs')
    git(work, 'push', '-q', 'origin', 'HEAD:main')
  }
}

const config = `accept:
  - rule: over-broad-wildcard
    destination: "*.azureedge.net"
    reason: Azure CDN, which serves custom visuals
upstream:
  - repository: ../powerbi-docs.git
    pages:
      - path: ${urlsPath}
        page: docs-source/power-bi-urls.md
        product: Power BI
      - path: ${expressroutePath}
        page: docs-source/power-bi-expressroute.md
        product: Power BI
  - repository: ../fabric-docs.git
    ref: main
    pages:
      - path: ${fabricPath}
        page: docs-source/fabric-urls.md
        product: Fabric
`

interface Run {
  code: number | null
  stdout: string
  stderr: string
}

/** A scheduled run: a fresh clone of the catalog repository, then `watch` with no arguments. */
function scheduledRun(root: string, name: string, server: GitHubServer): Promise<Run> {
  const clone = join(root, name)
  git(root, 'clone', '-q', join(root, 'catalog.git'), clone)
  identity(clone)
  const env = {...process.env, NO_COLOR: '1', GITHUB_TOKEN: token, GITHUB_REPOSITORY: 'octo/docs', GITHUB_API_URL: server.url, GITHUB_SERVER_URL: 'https://github.test'}
  return new Promise((done) => {
    execFile(process.execPath, [entry, 'watch'], {cwd: clone, env}, (error, stdout, stderr) => {
      done({code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr})
    })
  })
}

family('two repositories, three pages: one run, one pull request grouped by product; back to the catalog closes it; a move is followed, a deletion closes', async () => {
  const root = temporaryDirectory('watch-family')
  const server = await GitHubServer.start(token)
  try {
    const powerbi = docsRepository(root, 'powerbi-docs')
    const fabric = docsRepository(root, 'fabric-docs')
    powerbi({[urlsPath]: page('power-bi-urls/2021-09-01.md'), [expressroutePath]: expressroute})
    fabric({[fabricPath]: page('wild/fabric-allowlist-2024-05-06.md')})

    // The catalog repository, built from the same revisions.
    git(root, 'init', '-q', '--bare', '-b', 'main', 'catalog.git')
    const seed = join(root, 'seed')
    git(root, 'clone', '-q', join(root, 'catalog.git'), seed)
    identity(seed)
    mkdirSync(join(seed, 'docs-source'))
    writeFileSync(join(seed, 'docs-source/power-bi-urls.md'), page('power-bi-urls/2021-09-01.md'))
    writeFileSync(join(seed, 'docs-source/power-bi-expressroute.md'), expressroute)
    writeFileSync(join(seed, 'docs-source/fabric-urls.md'), page('wild/fabric-allowlist-2024-05-06.md'))
    writeFileSync(join(seed, 'endpoint-catalog.yaml'), config)
    assert.is(cli(['build', '--quiet'], seed).code, 0)
    git(seed, 'add', '-A')
    git(seed, 'commit', '-q', '-m', 'Catalog')
    git(seed, 'push', '-q', 'origin', 'HEAD:main')

    const quiet = await scheduledRun(root, 'run-1', server)
    assert.is(quiet.code, 0, quiet.stderr)
    assert.match(quiet.stdout, /pages changed upstream: none\n[^]*catalog unchanged: no pull request\n$/)
    assert.equal(server.writes(), [])

    // Both repositories change: one run, one pull request.
    powerbi({[urlsPath]: page('power-bi-urls/2023-09-29.md')})
    fabric({[fabricPath]: page('wild/fabric-allowlist-2025-10-14.md')})
    const opened = await scheduledRun(root, 'run-2', server)
    assert.is(opened.code, 0, opened.stderr)
    assert.match(opened.stdout, /pages changed upstream: docs-source\/power-bi-urls\.md, docs-source\/fabric-urls\.md\n/)
    assert.match(opened.stdout, /pull request #\d+ created: /)
    assert.is(server.pulls.size, 1)
    assert.equal(server.writes().map((request) => `${request.method} ${request.path}`), ['POST /repos/octo/docs/pulls'])
    const [pull] = [...server.pulls.values()]
    const body = pull!.body
    assert.ok(body.startsWith(commentMarker + '\n## Endpoint changes upstream\n'))
    const powerbiCommit = git(root, '--git-dir', join(root, 'powerbi-docs.git'), 'rev-parse', 'main')
    const fabricCommit = git(root, '--git-dir', join(root, 'fabric-docs.git'), 'rev-parse', 'main')
    assert.ok(body.includes(`- \`../powerbi-docs.git\` at \`${powerbiCommit}\``), 'each repository is read once, at its latest commit')
    assert.ok(body.includes(`- \`../fabric-docs.git\` at \`${fabricCommit}\``))
    // Grouped by product, in name order; each group is that product's pages diffed alone.
    const headings = [...body.matchAll(/^### (.+?): \d+ (?:errors?|warnings?|infos?)(?:, \d+ (?:errors?|warnings?|infos?))*$/gm)].map((match) => match[1])
    assert.equal(headings, ['Fabric', 'Power BI'])
    const [, fabricPart = '', powerbiPart = ''] = body.split(/^### (?:Fabric|Power BI): .*$/m)
    assert.match(fabricPart, /fabric-urls\.md/)
    assert.not.match(fabricPart, /power-bi-urls\.md:/)
    assert.match(powerbiPart, /power-bi-urls\.md/)
    assert.not.match(powerbiPart, /fabric-urls\.md:/)
    // The branch holds both pages and the catalog built from them.
    const pushed = git(root, '--git-dir', join(root, 'catalog.git'), 'rev-parse', 'refs/heads/endpoint-catalog/upstream')
    assert.is(git(root, '--git-dir', join(root, 'catalog.git'), 'show', `${pushed}:docs-source/fabric-urls.md`) + '\n', page('wild/fabric-allowlist-2025-10-14.md'))
    const catalog = JSON.parse(git(root, '--git-dir', join(root, 'catalog.git'), 'show', `${pushed}:generated/catalog.json`)) as {version: string}
    assert.is(catalog.version, '2025101400')

    // Upstream returns to the catalog's state (a revert): the pull request is closed, saying why.
    powerbi({[urlsPath]: page('power-bi-urls/2021-09-01.md')})
    fabric({[fabricPath]: page('wild/fabric-allowlist-2024-05-06.md')})
    const reverted = await scheduledRun(root, 'run-3', server)
    assert.is(reverted.code, 0, reverted.stderr)
    assert.match(reverted.stdout, new RegExp(`catalog unchanged: no pull request\\npull request #${pull!.number} closed: upstream is back to the catalog's state\\n$`))
    assert.is(pull!.state, 'closed')
    const [closing] = server.commentsOf(pull!.number)
    assert.match(closing!.body, /^Closed: upstream is back to what the catalog holds \(\.\.\/powerbi-docs\.git at [0-9a-f]{7}, \.\.\/fabric-docs\.git at [0-9a-f]{7}\)/)

    // The Fabric page moves, recorded in the redirection file, and changes: followed, and said.
    const movedPath = 'docs/security/fabric-allow-list.md'
    const redirection = {redirections: [{source_path: fabricPath, redirect_url: '/fabric/security/fabric-allow-list', redirect_document_id: true}]}
    fabric({[fabricPath]: null, [movedPath]: page('wild/fabric-allowlist-2025-10-14.md'), '.openpublishing.redirection.json': JSON.stringify(redirection)})
    const moved = await scheduledRun(root, 'run-4', server)
    assert.is(moved.code, 0, moved.stderr)
    assert.match(moved.stdout, new RegExp(`${fabricPath.replace(/\./g, '\\.')}: moved to ${movedPath.replace(/\./g, '\\.')} \\(a recorded redirection\\)`))
    assert.match(moved.stdout, /pull request #\d+ created: /)
    const reopened = [...server.pulls.values()].find((candidate) => candidate.state === 'open')!
    assert.ok(reopened.body.includes(`Page moved from \`${fabricPath}\` to \`${movedPath}\``))
    assert.equal([...reopened.body.matchAll(/^### (.+): /gm)].map((match) => match[1]), ['Fabric'])

    // The page is deleted with no redirection: the open pull request is closed, the run fails, nothing is rebuilt.
    fabric({[movedPath]: null, '.openpublishing.redirection.json': null})
    const deleted = await scheduledRun(root, 'run-5', server)
    assert.is(deleted.code, 2, deleted.stderr)
    assert.match(deleted.stderr, new RegExp(`${fabricPath.replace(/\./g, '\\.')}: no such page at [0-9a-f]{7} in \\.\\./fabric-docs\\.git, and no recorded redirection leads from it; the catalog's page is left as it was`))
    assert.match(deleted.stdout, new RegExp(`pull request #${reopened.number} closed: a page is gone upstream`))
    assert.is(reopened.state, 'closed')
    assert.match(server.commentsOf(reopened.number)[0]!.body, /^Closed: `docs\/security\/fabric-allow-list-urls\.md` is no longer upstream/)
    assert.equal([...server.pulls.values()].filter((candidate) => candidate.state === 'open'), [])
  } finally {
    await server.close()
  }
})

family('a repository that rewrote its history is reported; the versions the catalog recorded stay as they were', async () => {
  const root = temporaryDirectory('watch-family')
  const server = await GitHubServer.start(token)
  try {
    const fabric = docsRepository(root, 'fabric-docs')
    fabric({[fabricPath]: page('wild/fabric-allowlist-2024-05-06.md')})
    fabric({[fabricPath]: page('wild/fabric-allowlist-2025-10-14.md')})
    const dropped = git(root, '--git-dir', join(root, 'fabric-docs.git'), 'rev-parse', 'main')

    // The catalog's history, from the configuration: its versions record the commits they were read from.
    git(root, 'init', '-q', '--bare', '-b', 'main', 'catalog.git')
    const seed = join(root, 'seed')
    git(root, 'clone', '-q', join(root, 'catalog.git'), seed)
    identity(seed)
    writeFileSync(join(seed, 'endpoint-catalog.yaml'), `upstream:\n  - repository: ../fabric-docs.git\n    pages:\n      - {path: ${fabricPath}, page: docs-source/fabric-urls.md, product: Fabric}\n`)
    const history = cli(['history', '--upstream', '--out', 'generated', '--quiet'], seed)
    assert.is(history.code, 0, history.stderr)
    mkdirSync(join(seed, 'docs-source'))
    writeFileSync(join(seed, 'docs-source/fabric-urls.md'), page('wild/fabric-allowlist-2025-10-14.md'))
    assert.is(cli(['build', '--quiet'], seed).code, 0)
    git(seed, 'add', '-A')
    git(seed, 'commit', '-q', '-m', 'Catalog')
    git(seed, 'push', '-q', 'origin', 'HEAD:main')
    const recorded = readFileSync(join(seed, 'generated/changes.json'), 'utf8')
    assert.ok(recorded.includes(dropped))

    const kept = await scheduledRun(root, 'run-0', server)
    assert.is(kept.code, 0, kept.stderr)
    assert.not.match(kept.stderr, /no longer in its history/)
    assert.match(kept.stdout, /catalog unchanged: no pull request\n$/)

    // Upstream drops its last commit and pushes another in its place.
    const work = join(root, 'fabric-docs-work')
    git(work, 'reset', '-q', '--hard', 'HEAD~1')
    writeFileSync(join(work, fabricPath), page('wild/fabric-allowlist-2025-10-14.md').replace('TCP 443', 'TCP 8443'))
    git(work, 'commit', '-q', '-am', 'Rewritten')
    git(work, 'push', '-q', '--force', 'origin', 'HEAD:main')

    const run = await scheduledRun(root, 'run-1', server)
    assert.is(run.code, 0, run.stderr)
    assert.match(run.stderr, new RegExp(`\\.\\./fabric-docs\\.git: commit ${dropped.slice(0, 7)}, recorded in version 2025101400, is no longer in its history`))
    const [pull] = [...server.pulls.values()]
    assert.ok(pull!.body.includes(`\`../fabric-docs.git\` rewrote its history: commit \`${dropped}\`, recorded in version \`2025101400\``))
    // The versions already published are as they were: the new one is only added before them.
    const pushed = JSON.parse(git(root, '--git-dir', join(root, 'catalog.git'), 'show', 'endpoint-catalog/upstream:generated/changes.json')) as {versions: unknown[]}
    assert.equal(pushed.versions.slice(1), (JSON.parse(recorded) as {versions: unknown[]}).versions)
  } finally {
    await server.close()
  }
})

family('the upstream section is checked: a listed page outside the repository or listed twice is refused before anything is fetched', () => {
  const root = temporaryDirectory('watch-family')
  const env = {GITHUB_TOKEN: token, GITHUB_REPOSITORY: 'octo/docs', GITHUB_API_URL: 'http://127.0.0.1:9'}
  writeFileSync(join(root, 'endpoint-catalog.yaml'), 'upstream:\n  - repository: ../nowhere.git\n    pages:\n      - path: docs/a.md\n        page: ../outside.md\n')
  const outside = cli(['watch'], root, {env})
  assert.is(outside.code, 2)
  assert.match(outside.stderr, /\.\.\/outside\.md: expected a page's path in the repository/)
  writeFileSync(join(root, 'endpoint-catalog.yaml'), 'upstream:\n  - repository: ../nowhere.git\n    pages:\n      - {path: docs/a.md, page: docs-source/a.md}\n      - {path: docs/b.md, page: docs-source/a.md}\n')
  const twice = cli(['watch'], root, {env})
  assert.is(twice.code, 2)
  assert.match(twice.stderr, /docs-source\/a\.md is listed twice in `upstream`/)
  writeFileSync(join(root, 'endpoint-catalog.yaml'), 'upstream:\n  - repository: --upload-pack=evil\n    pages:\n      - {path: docs/a.md, page: docs-source/a.md}\n')
  const option = cli(['watch'], root, {env})
  assert.is(option.code, 2)
  assert.match(option.stderr, /endpoint-catalog\.yaml: not a valid config: \/upstream\/0\/repository/)
  const none = cli(['watch'], temporaryDirectory('watch-family'), {env})
  assert.is(none.code, 2)
  assert.match(none.stderr, /watch needs --upstream and --page, or `upstream` in endpoint-catalog\.yaml/)
})

family('the family workflow example fetches nothing itself, runs the watch from the configuration, and the README shows its configuration', () => {
  const text = readFileSync('examples/watch-family.yml', 'utf8')
  const workflow = parse(text) as {on: {schedule: Array<{cron: string}>}; permissions: Record<string, string>; jobs: {watch: {steps: Array<{run?: string}>}}}
  assert.ok(workflow.on.schedule.length > 0)
  assert.equal(workflow.permissions, {contents: 'write', 'pull-requests': 'write'})
  const runs = workflow.jobs.watch.steps.flatMap((step) => (step.run === undefined ? [] : [step.run]))
  assert.ok(runs.some((run) => /npx endpoint-catalog watch$/m.test(run)))
  assert.not.ok(runs.some((run) => /git clone/.test(run)))
  const configuration = readFileSync('examples/watch-family/endpoint-catalog.yaml', 'utf8')
  const parsed = parseConfig(configuration, 'examples/watch-family/endpoint-catalog.yaml')
  assert.ok((parsed.upstream ?? []).length >= 2)
  const readme = readFileSync('README.md', 'utf8')
  assert.ok(readme.includes(configuration.trim()), 'README shows the example configuration')
  assert.ok(readme.includes('examples/watch-family.yml'))
})

family.run()
