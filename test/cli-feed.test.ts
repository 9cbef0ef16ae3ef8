// The versioned catalog from the command line: build keeps versions and the change feed, `changes`
// answers "what changed since", `history` replays revisions, and a build killed anywhere leaves
// the previous files whole.
import {spawnSync} from 'node:child_process'
import {cpSync, existsSync, mkdirSync, readdirSync, readFileSync, utimesSync, writeFileSync} from 'node:fs'
import {join, resolve} from 'node:path'
import * as assert from 'uvu/assert'
import {suite} from 'uvu'
import type {ChangeFeed} from '../generated/changes.js'
import type {Catalog} from '../src/index.js'
import {validateAgainst} from '../src/validate.js'
import {runCli} from './helpers/cli.js'
import {temporaryDirectory} from './helpers/temporary.js'

const published = ['catalog.json', 'changes.json', 'CHANGELOG.md', 'changes.atom', 'm365-ids.json']

function sandbox(): string {
  const directory = temporaryDirectory()
  cpSync('docs-source', join(directory, 'docs-source'), {recursive: true})
  cpSync('endpoint-catalog.yaml', join(directory, 'endpoint-catalog.yaml'))
  return directory
}

const read = (directory: string, name: string): string => readFileSync(join(directory, 'generated', name), 'utf8')
const snapshot = (directory: string): string[] => published.map((name) => read(directory, name))
const catalogOf = (directory: string): Catalog => JSON.parse(read(directory, 'catalog.json')) as Catalog
const feedOf = (directory: string): ChangeFeed => JSON.parse(read(directory, 'changes.json')) as ChangeFeed

/** Add a required row to the URL page, keeping its ms.date: new content on the same date. */
function addRow(directory: string): void {
  const path = join(directory, 'docs-source/power-bi-urls.md')
  const text = readFileSync(path, 'utf8')
  const row = '| 3 | **Required:** Portal | app.powerbi.com | TCP 443 |'
  assert.ok(text.includes(row))
  writeFileSync(path, text.replace(row, row + '\n| 3a | **Required:** Backend APIs | api.powerbi.com | TCP 443 |'))
}

async function build(directory: string): Promise<void> {
  const run = await runCli(['build', '--quiet'], directory)
  assert.is(run.code, 0, run.stderr)
}

const feed = suite('cli feed')

feed('two builds in a row change nothing, byte for byte', async () => {
  const directory = sandbox()
  await build(directory)
  const first = snapshot(directory)
  const run = await runCli(['build', '--quiet'], directory)
  assert.is(run.code, 0)
  assert.match(run.stdout, /version 2018112800 \(unchanged\)/)
  assert.equal(snapshot(directory), first)
})

feed('new content on the same date is the next version, with its changes recorded, newest first', async () => {
  const directory = sandbox()
  await build(directory)
  addRow(directory)
  const run = await runCli(['build', '--quiet'], directory)
  assert.is(run.code, 0, run.stderr)
  assert.match(run.stdout, /^generated\/catalog\.json: version 2018112801 \(new since 2018112800: 1 change; change levels 1 error\), /)
  const catalog = catalogOf(directory)
  assert.is(catalog.version, '2018112801')
  const records = feedOf(directory).versions
  assert.equal(records.map((record) => [record.version, record.previous]), [
    ['2018112801', '2018112800'],
    ['2018112800', null]
  ])
  assert.equal(records[0]!.changes.map((change) => [change.rule, 'destination' in change ? change.destination.value : '']), [
    ['required-destination-added', 'api.powerbi.com']
  ])
  const since = Object.fromEntries(catalog.endpointSets.flatMap((set) => set.destinations.map((d) => [d.value, d.since])))
  assert.is(since['api.powerbi.com'], '2018112801')
  assert.is(since['app.powerbi.com'], '2018112800')
  const changelog = read(directory, 'CHANGELOG.md')
  assert.ok(changelog.indexOf('## 2018112801 (2018-11-28)') < changelog.indexOf('## 2018112800 (2018-11-28)'))
  assert.match(changelog, /\| `required-destination-added` \| `api\.powerbi\.com` \| added as required \|/)
})

feed('a prose edit keeps the version and the feed, and the catalog records the page as it is now', async () => {
  const directory = sandbox()
  await build(directory)
  const [, changes, changelog] = snapshot(directory)
  const path = join(directory, 'docs-source/power-bi-urls.md')
  writeFileSync(path, readFileSync(path, 'utf8').replace(/^## /m, 'A new paragraph of prose.\n\n## '))
  const run = await runCli(['build', '--quiet'], directory)
  assert.is(run.code, 0, run.stderr)
  assert.match(run.stdout, /version 2018112800 \(unchanged\)/)
  assert.equal([read(directory, 'changes.json'), read(directory, 'CHANGELOG.md')], [changes, changelog])
  assert.not.equal(catalogOf(directory).sources.find((s) => s.page === 'urls')!.sha256, JSON.parse(readFileSync('generated/catalog.json', 'utf8')).sources[1].sha256)
})

feed('changes --since prints what changed after a version, in text, markdown and JSON', async () => {
  const directory = sandbox()
  await build(directory)
  addRow(directory)
  await build(directory)
  const text = await runCli(['changes', '--since', '2018112800'], directory)
  assert.is(text.code, 0, text.stderr)
  assert.match(text.stdout, /^2018112800 → 2018112801: 1 error\n\nerror\n {2}docs-source\/power-bi-urls\.md:43 {2}Destination `api\.powerbi\.com` added as required/)
  const markdown = await runCli(['changes', '--since', '2018112800', '--format', 'markdown'], directory)
  assert.match(markdown.stdout, /^## 2018112801 \(2018-11-28\)\n\n\*\*1 error\*\* in the endpoints from `2018112800` → `2018112801`\./)
  const json = await runCli(['changes', 'generated/changes.json', '--since', '0000000000', '--format', 'json'], directory)
  const document = JSON.parse(json.stdout) as ChangeFeed
  assert.equal(validateAgainst('changes', document), [])
  assert.equal(document.versions.map((record) => record.version), ['2018112801', '2018112800'])
  assert.equal(document, feedOf(directory))
})

feed('changes --since the latest version is an empty answer; an unknown version is an error', async () => {
  const directory = sandbox()
  await build(directory)
  const latest = await runCli(['changes', '--since', '2018112800'], directory)
  assert.equal([latest.code, latest.stdout, latest.stderr], [0, '', 'no changes since 2018112800: it is the latest version\n'])
  const json = await runCli(['changes', '--since', '2018112800', '--format', 'json'], directory)
  assert.equal(JSON.parse(json.stdout), {schemaVersion: '1.2.0', versions: []})
  const unknown = await runCli(['changes', '--since', '2019010100'], directory)
  assert.equal([unknown.code, unknown.stdout], [2, ''])
  assert.is(unknown.stderr, 'endpoint-catalog: unknown version 2019010100: the feed has only 2018112800 (use --since 0000000000 for all of them)\n')
})

feed('changes refuses bad arguments and a feed that does not match its schema', async () => {
  const directory = sandbox()
  await build(directory)
  for (const [args, message] of [
    [['changes'], /changes needs --since <version>/],
    [['changes', '--since', '2018-11-28'], /--since 2018-11-28: expected a version of ten digits/],
    [['changes', '--since', '0000000000', '--format', 'csv'], /--format must be one of text, markdown, json/],
    [['changes', '--since', '0000000000', 'missing.json'], /missing\.json: no such file/]
  ] as const) {
    const run = await runCli([...args], directory)
    assert.is(run.code, 2, args.join(' '))
    assert.match(run.stderr, message)
  }
  writeFileSync(join(directory, 'generated/changes.json'), JSON.stringify({schemaVersion: '1.0.0', versions: [{version: 'x'}]}))
  const invalid = await runCli(['changes', '--since', '0000000000'], directory)
  assert.is(invalid.code, 2)
  assert.match(invalid.stderr, /generated\/changes\.json: not a valid changes: \/versions\/0 /)
  assert.not.match(invalid.stderr, /\n\s+at /)
})

feed('history replays a directory of dated revisions into the catalog and its whole feed', async () => {
  const directory = temporaryDirectory()
  const revisions = join(directory, 'revisions')
  mkdirSync(join(revisions, 'power-bi-urls'), {recursive: true})
  mkdirSync(join(revisions, 'power-bi-expressroute'), {recursive: true})
  for (const date of ['2018-08-10', '2018-10-22', '2020-01-29']) {
    cpSync(join('test/fixtures/compile', `urls-${date}`, 'input.md'), join(revisions, 'power-bi-urls', `${date}.md`))
  }
  for (const date of ['2017-09-06', '2018-11-28']) {
    cpSync(join('test/fixtures/compile', `expressroute-${date}`, 'input.md'), join(revisions, 'power-bi-expressroute', `${date}.md`))
  }
  writeFileSync(join(revisions, 'README.md'), '# Not a revision: no date in its name\n')
  writeFileSync(
    join(directory, 'endpoint-catalog.yaml'),
    'accept:\n  - rule: over-broad-wildcard\n    reason: "Reviewed: Azure CDN and Storage, as the docs list them"\n'
  )
  const run = await runCli(['history', 'revisions', '--out', 'generated', '--quiet'], directory)
  assert.is(run.code, 0, run.stderr)
  assert.is(run.stdout, 'generated/catalog.json: version 2020012900, 4 versions from 5 revisions\n')
  const records = feedOf(directory).versions
  // The ExpressRoute page alone lists no destination, only exceptions; its 2018 revision changes no content.
  assert.equal(records.map((record) => record.version), ['2020012900', '2018102200', '2018081000', '2017090600'])
  assert.equal([...new Set(records[3]!.changes.map((change) => change.rule))], ['expressroute-exception-added'])
  assert.match(read(directory, 'CHANGELOG.md'), /## 2017090600 \(2017-09-06\)\n\n\*\*\d+ warnings\*\* in the endpoints/)
  const catalog = catalogOf(directory)
  assert.equal(catalog.sources.map((source) => source.path), ['revisions/power-bi-expressroute/2018-11-28.md', 'revisions/power-bi-urls/2020-01-29.md'])
  assert.equal(validateAgainst('catalog', catalog), [])
  assert.equal(validateAgainst('changes', feedOf(directory)), [])
  const versions = new Set(catalog.endpointSets.flatMap((set) => set.destinations.map((d) => d.since)))
  assert.equal([...versions].sort(), ['2018081000', '2018102200', '2020012900'])
})

feed('history refuses revisions with reading errors, and writes nothing', async () => {
  const directory = temporaryDirectory()
  const page = readFileSync('test/fixtures/compile/urls-2018-10-22/input.md', 'utf8')
  writeFileSync(join(directory, '2018-10-22.md'), page.replace('TCP 443', 'TCP 99999'))
  const run = await runCli(['history', '2018-10-22.md', '--out', 'generated'], directory)
  assert.is(run.code, 1)
  assert.match(run.stderr, /2018-10-22\.md:\d+:\d+ {2}error {2}Unexpected port `99999`/)
  assert.match(run.stderr, /nothing written/)
  assert.equal(readdirSync(directory), ['2018-10-22.md'])
  const usage = await runCli(['history', '2018-10-22.md'], directory)
  assert.is(usage.code, 2)
  assert.match(usage.stderr, /history needs --out <directory>/)
})

// A build stopped by SIGKILL after each write and rename it makes, and in the middle of each write.
const bin = resolve('bin/endpoint-catalog.js')
const killer = resolve('test/helpers/kill-after.mjs')

function killedBuild(directory: string, env: Record<string, string>): number | null {
  const result = spawnSync(process.execPath, ['--import', killer, bin, 'build', '--quiet'], {
    cwd: directory,
    env: {...process.env, ...env},
    encoding: 'utf8'
  })
  return result.status === null ? null : result.status
}

feed('a build killed at any point leaves the previous files valid; the next build completes it', async () => {
  const reference = sandbox()
  await build(reference)
  addRow(reference)
  await build(reference)
  const finished = snapshot(reference)

  // Five files, each written beside (operations 1, 3, 5, 7, 9) and renamed (2, 4, 6, 8, 10).
  const points = [
    ...[1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((n) => ({KILL_AFTER: String(n)})),
    ...[1, 3, 5, 7, 9].map((n) => ({KILL_DURING: String(n)}))
  ]
  let killed = 0
  for (const point of points) {
    const directory = sandbox()
    await build(directory)
    const before = snapshot(directory)
    addRow(directory)
    if (killedBuild(directory, point) === null) killed++
    const label = JSON.stringify(point)

    const catalog = catalogOf(directory)
    assert.equal(validateAgainst('catalog', catalog), [], label)
    assert.equal(validateAgainst('changes', feedOf(directory)), [], label)
    if (catalog.version === '2018112800') {
      assert.is(read(directory, 'catalog.json'), before[0], label)
      // A feed record the catalog does not have yet is not published: consumers see the old state.
      const since = await runCli(['changes', '--since', '2018112800'], directory)
      assert.equal([since.code, since.stdout], [0, ''], label)
    }
    // The killed build held the output directory's lock; it is taken over once stale, so age it.
    const lock = join(directory, 'generated', '.build.lock')
    assert.ok(existsSync(lock), label)
    const aged = new Date(Date.now() - 60_000)
    utimesSync(lock, aged, aged)
    await build(directory)
    assert.equal(snapshot(directory), finished, label)
    assert.equal(readdirSync(join(directory, 'generated')).sort(), [...published].sort(), label)
  }
  assert.is(killed, points.length, 'every build was killed')
})

feed.run()
