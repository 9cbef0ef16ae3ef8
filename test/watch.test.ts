// The watch end to end: a bare repository stands in for the upstream docs, another for the catalog
// repository's origin, and the GitHub stand-in on 127.0.0.1 for the pull requests.
import {execFile, execFileSync} from 'node:child_process'
import {cpSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import {join, resolve} from 'node:path'
import * as assert from 'uvu/assert'
import {suite} from 'uvu'
import {parse} from 'yaml'
import {commentMarker} from '../src/action/report.js'
import {cli} from './helpers/cli.js'
import {GitHubServer} from './helpers/github-server.js'
import {temporaryDirectory} from './helpers/temporary.js'

const watch = suite('watch')

const entry = resolve('bin/endpoint-catalog.js')
const fixture = (date: string) => readFileSync(join('test/fixtures/compile', `urls-${date}`, 'input.md'), 'utf8')
const upstreamPath = 'powerbi-docs/enterprise/power-bi-allow-list-urls.md'
const token = 'ghs_watch_token'

const git = (cwd: string, ...args: string[]) => execFileSync('git', args, {cwd, stdio: 'pipe'}).toString().trim()

function identity(cwd: string): void {
  git(cwd, 'config', 'user.email', 'catalog@example.invalid')
  git(cwd, 'config', 'user.name', 'catalog')
  git(cwd, 'config', 'commit.gpgsign', 'false')
}

/** Commit the upstream page's `text` in the docs repository and push it to its bare stand-in. */
function publishUpstream(work: string, text: string): void {
  mkdirSync(join(work, 'powerbi-docs/enterprise'), {recursive: true})
  writeFileSync(join(work, upstreamPath), text)
  git(work, 'add', '-A')
  git(work, 'commit', '-q', '-m', 'Update the allow list')
  git(work, 'push', '-q', 'origin', 'HEAD:main')
}

interface Run {
  code: number | null
  stdout: string
  stderr: string
  clone: string
}

/** A scheduled run: a fresh clone of the catalog repository, a shallow fetch of upstream, then the watch. */
function scheduledRun(root: string, name: string, server: GitHubServer): Promise<Run> {
  const clone = join(root, name)
  git(root, 'clone', '-q', join(root, 'catalog.git'), clone)
  identity(clone)
  git(root, 'clone', '-q', '--depth', '1', '--no-checkout', `file://${join(root, 'upstream.git')}`, join(root, `${name}-upstream`))
  const env = {...process.env, NO_COLOR: '1', GITHUB_TOKEN: token, GITHUB_REPOSITORY: 'octo/docs', GITHUB_API_URL: server.url, GITHUB_SERVER_URL: 'https://github.test'}
  const args = [entry, 'watch', '--upstream', `../${name}-upstream`, '--page', `${upstreamPath}=docs-source/power-bi-urls.md`]
  return new Promise((done) => {
    execFile(process.execPath, args, {cwd: clone, env}, (error, stdout, stderr) => {
      done({code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr, clone})
    })
  })
}

watch('a changed upstream page opens one pull request, a later change updates it, no change writes nothing', async () => {
  const root = temporaryDirectory('watch')
  const server = await GitHubServer.start(token)
  try {
    // Upstream: the docs repository and its bare stand-in.
    git(root, 'init', '-q', '--bare', '-b', 'main', 'upstream.git')
    const docs = join(root, 'docs')
    git(root, 'init', '-q', '-b', 'main', docs)
    identity(docs)
    git(docs, 'remote', 'add', 'origin', join(root, 'upstream.git'))
    publishUpstream(docs, fixture('2020-01-29'))

    // The catalog repository, built from the same revision.
    git(root, 'init', '-q', '--bare', '-b', 'main', 'catalog.git')
    const seed = join(root, 'seed')
    git(root, 'clone', '-q', join(root, 'catalog.git'), seed)
    identity(seed)
    mkdirSync(join(seed, 'docs-source'))
    writeFileSync(join(seed, 'docs-source/power-bi-urls.md'), fixture('2020-01-29'))
    cpSync('docs-source/power-bi-expressroute.md', join(seed, 'docs-source/power-bi-expressroute.md'))
    cpSync('endpoint-catalog.yaml', join(seed, 'endpoint-catalog.yaml'))
    assert.is(cli(['build', '--quiet'], seed).code, 0)
    git(seed, 'add', '-A')
    git(seed, 'commit', '-q', '-m', 'Catalog')
    git(seed, 'push', '-q', 'origin', 'HEAD:main')

    const quiet = await scheduledRun(root, 'run-1', server)
    assert.is(quiet.code, 0, quiet.stderr)
    assert.match(quiet.stdout, /pages changed upstream: none\n[^]*catalog unchanged: no pull request\n$/)
    assert.equal(server.writes(), [])

    publishUpstream(docs, fixture('2021-09-01'))
    const opened = await scheduledRun(root, 'run-2', server)
    assert.is(opened.code, 0, opened.stderr)
    assert.match(opened.stdout, /pages changed upstream: docs-source\/power-bi-urls\.md\n/)
    assert.match(opened.stdout, /pull request #\d+ created: https:\/\/github\.test\/octo\/docs\/pull\/\d+\n$/)
    const [pull] = [...server.pulls.values()]
    assert.is(server.pulls.size, 1)
    assert.equal([pull!.head.ref, pull!.base.ref], ['endpoint-catalog/upstream', 'main'])
    assert.match(pull!.title, /^Endpoints changed upstream: \d+ errors?, \d+ warnings?, \d+ infos?$/)
    const pushed = git(root, '--git-dir', join(root, 'catalog.git'), 'rev-parse', 'refs/heads/endpoint-catalog/upstream')
    const base = git(root, '--git-dir', join(root, 'catalog.git'), 'rev-parse', 'refs/heads/main')
    assert.ok(pull!.body.startsWith(commentMarker + '\n## Endpoint changes\n'))
    assert.ok(pull!.body.includes(`/octo/docs/commit/${pushed})`), 'the body names the pushed commit')
    assert.ok(pull!.body.includes(`/octo/docs/commit/${base})`), 'and the base')
    // The branch holds the new page and the catalog built from it.
    const catalog = JSON.parse(git(root, '--git-dir', join(root, 'catalog.git'), 'show', `${pushed}:generated/catalog.json`)) as {version: string}
    assert.is(catalog.version, '2021090100')
    assert.is(git(root, '--git-dir', join(root, 'catalog.git'), 'show', `${pushed}:docs-source/power-bi-urls.md`) + '\n', fixture('2021-09-01'))

    publishUpstream(docs, fixture('2023-09-29'))
    const updated = await scheduledRun(root, 'run-3', server)
    assert.is(updated.code, 0, updated.stderr)
    assert.match(updated.stdout, new RegExp(`pull request #${pull!.number} updated`))
    assert.is(server.pulls.size, 1)
    assert.equal(server.writes().map((request) => `${request.method} ${request.path}`), ['POST /repos/octo/docs/pulls', `PATCH /repos/octo/docs/pulls/${pull!.number}`])
    const repushed = git(root, '--git-dir', join(root, 'catalog.git'), 'rev-parse', 'refs/heads/endpoint-catalog/upstream')
    assert.ok(pull!.body.includes(`/octo/docs/commit/${repushed})`))
  } finally {
    await server.close()
  }
})

watch('a bad page mapping or a missing upstream page is refused before anything is built; a build error stops the run', async () => {
  const root = temporaryDirectory('watch')
  const server = await GitHubServer.start(token)
  try {
    git(root, 'init', '-q', '--bare', '-b', 'main', 'upstream.git')
    git(root, 'init', '-q', '--bare', '-b', 'main', 'catalog.git')
    const seed = join(root, 'seed')
    git(root, 'clone', '-q', join(root, 'catalog.git'), seed)
    identity(seed)
    writeFileSync(join(seed, 'README.md'), 'catalog\n')
    git(seed, 'add', '-A')
    git(seed, 'commit', '-q', '-m', 'Start')
    git(seed, 'push', '-q', 'origin', 'HEAD:main')
    const docs = join(root, 'docs')
    git(root, 'init', '-q', '-b', 'main', docs)
    identity(docs)
    git(docs, 'remote', 'add', 'origin', join(root, 'upstream.git'))
    publishUpstream(docs, fixture('2020-01-29'))
    const clone = join(root, 'run')
    git(root, 'clone', '-q', join(root, 'catalog.git'), clone)
    git(root, 'clone', '-q', '--depth', '1', '--no-checkout', `file://${join(root, 'upstream.git')}`, join(root, 'fetched'))
    const env = {...process.env, GITHUB_TOKEN: token, GITHUB_REPOSITORY: 'octo/docs', GITHUB_API_URL: server.url}
    for (const [page, message] of [
      [`${upstreamPath}=../outside.md`, /\.\.\/outside\.md: expected a page's path in the repository/],
      ['powerbi-docs/missing.md=docs-source/power-bi-urls.md', /powerbi-docs\/missing\.md: no such page at HEAD in \.\.\/fetched/]
    ] as const) {
      const run = await new Promise<{code: number; stderr: string}>((done) => {
        execFile(process.execPath, [entry, 'watch', '--upstream', '../fetched', '--page', page], {cwd: clone, env}, (error, _stdout, stderr) => done({code: error ? Number(error.code) : 0, stderr}))
      })
      assert.is(run.code, 2, page)
      assert.match(run.stderr, message)
    }
    assert.equal(git(clone, 'status', '--porcelain'), '')

    // A page the build cannot read stops the run: nothing pushed, no pull request.
    publishUpstream(docs, fixture('2021-09-01').replace('TCP 443', 'TCP 99999'))
    git(join(root, 'fetched'), 'fetch', '-q', '--depth', '1', 'origin', 'main')
    const broken = await new Promise<{code: number; stdout: string; stderr: string}>((done) => {
      const args = [entry, 'watch', '--upstream', '../fetched', '--ref', 'FETCH_HEAD', '--page', `${upstreamPath}=docs-source/power-bi-urls.md`]
      execFile(process.execPath, args, {cwd: clone, env}, (error, stdout, stderr) => done({code: error ? Number(error.code) : 0, stdout, stderr}))
    })
    assert.is(broken.code, 1, broken.stderr)
    assert.match(broken.stderr, /Unexpected port `99999`[^]*nothing written/)
    assert.not.match(broken.stdout, /pull request/)
    assert.is(git(root, '--git-dir', join(root, 'catalog.git'), 'branch', '--list'), '* main')
    assert.equal(server.writes(), [])
  } finally {
    await server.close()
  }
})

watch('the example workflow is scheduled, runs the watch with the permissions it needs, and the README shows its steps', () => {
  const text = readFileSync('examples/watch-upstream.yml', 'utf8')
  const workflow = parse(text) as {on: {schedule: Array<{cron: string}>}; permissions: Record<string, string>; jobs: {watch: {steps: Array<{run?: string}>}}}
  assert.ok(workflow.on.schedule.length > 0)
  assert.equal(workflow.permissions, {contents: 'write', 'pull-requests': 'write'})
  const runs = workflow.jobs.watch.steps.flatMap((step) => (step.run === undefined ? [] : [step.run]))
  assert.ok(runs.some((run) => /^git clone --depth 1 .*--no-checkout /.test(run)))
  const watchStep = runs.find((run) => run.includes('npx endpoint-catalog watch'))!
  assert.match(watchStep, /--upstream "\$RUNNER_TEMP\/upstream" \\\n\s+--page docs\/security\/power-bi-allow-list-urls\.md=docs-source\/power-bi-urls\.md/)
  const readme = readFileSync('README.md', 'utf8')
  for (const line of text.split('\n').filter((line) => /^\s+(- run:|run:|node|--page|git config)/.test(line))) {
    assert.ok(readme.includes(line.trim()), `README shows: ${line.trim()}`)
  }
})

watch.run()
