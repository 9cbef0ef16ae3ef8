// `endpoint-catalog diff` and `rules` as a user runs them: each input kind, each format, exit codes.
import {execFileSync} from 'node:child_process'
import {mkdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import * as assert from 'uvu/assert'
import {suite} from 'uvu'
import {contentHash} from '../src/compile/catalog.js'
import {validateAgainst} from '../src/validate.js'
import {runCli} from './helpers/cli.js'
import {temporaryRepository} from './helpers/git-repository.js'
import {temporaryDirectory} from './helpers/temporary.js'

const command = suite('cli diff')
// Two shared revisions of the URL page, as copied into the compile fixtures.
const old = 'test/fixtures/compile/urls-2020-01-29/input.md'
const next = 'test/fixtures/compile/urls-2021-09-01/input.md'

command('text by default: a summary line, then changes grouped by level with their source line', async () => {
  const run = await runCli(['diff', old, next])
  assert.is(run.code, 0, run.stderr)
  const lines = run.stdout.split('\n')
  assert.is(lines[0], '2020012900 → 2021090100: 3 errors, 2 warnings, 4 infos')
  assert.match(run.stdout, /\nerror\n[^\n]*\n {2}\S+2021-09-01\/input\.md:44 {2}Destination `api\.powerbi\.com` added as required \(General site usage \/ Backend APIs\) {2}required-destination-added\n/)
  // eslint-disable-next-line no-control-regex -- an ANSI escape is what must not be there
  assert.not.match(run.stdout, /\u001b\[/, 'no colour when not a TTY')
})

command('json is the schema-valid diff document, byte-identical run to run', async () => {
  const a = await runCli(['diff', old, next, '--format', 'json'])
  const b = await runCli(['diff', old, next, '--format', 'json'])
  assert.is(a.stdout, b.stdout)
  const document = JSON.parse(a.stdout)
  assert.equal(validateAgainst('diff', document), [])
  assert.equal(document.counts, {error: 3, warning: 2, info: 4})
})

command('markdown is a PR comment: summary line and a table per level', async () => {
  const run = await runCli(['diff', old, next, '--format', 'markdown'])
  assert.match(run.stdout, /^\*\*3 errors, 2 warnings, 4 infos\*\*/)
  assert.match(run.stdout, /### Errors \(3\)\n\n\| Rule \| Destination \|/)
})

command('catalog JSON, pages and directories are all inputs; the same content gives the same diff', async () => {
  const directory = temporaryDirectory('diff')
  const oldJson = join(directory, 'old.json')
  // The 2020 page's `*.blob.core.windows.net` is an over-broad-wildcard error until accepted.
  const config = join(directory, 'accept.yaml')
  writeFileSync(config, 'accept:\n  - rule: over-broad-wildcard\n    reason: reviewed\n')
  const compiled = await runCli(['compile', old, '--config', config, '--quiet'])
  assert.is(compiled.code, 0, compiled.stderr)
  writeFileSync(oldJson, compiled.stdout)
  mkdirSync(join(directory, 'new'))
  writeFileSync(join(directory, 'new', 'page.md'), readFileSync(next))
  const fromJson = await runCli(['diff', oldJson, join(directory, 'new'), '--format', 'json'])
  assert.is(fromJson.code, 0, fromJson.stderr)
  const changes = (text: string) => JSON.parse(text).changes.map((c: {fingerprint: string}) => c.fingerprint)
  assert.equal(changes(fromJson.stdout), changes((await runCli(['diff', old, next, '--format', 'json'])).stdout))
})

command('--fail-on: exit 1 at or above the level, after printing; 0 below it', async () => {
  const failing = await runCli(['diff', old, next, '--fail-on', 'error'])
  assert.is(failing.code, 1)
  assert.match(failing.stdout, /required-destination-added/)
  assert.is((await runCli(['diff', old, old, '--fail-on', 'info'])).code, 0)
  assert.is((await runCli(['diff', old, next, '--fail-on', 'bogus'])).code, 2)
})

command('a truncated or schema-invalid catalog names the file and JSON pointer, exit 2', async () => {
  const directory = temporaryDirectory('diff')
  const truncated = join(directory, 'truncated.json')
  writeFileSync(truncated, readFileSync('generated/catalog.json', 'utf8').slice(0, 100))
  const invalid = join(directory, 'invalid.json')
  writeFileSync(invalid, readFileSync('generated/catalog.json', 'utf8').replace('"port": 443', '"port": "443"'))
  const a = await runCli(['diff', truncated, 'generated/catalog.json'])
  assert.is(a.code, 2)
  assert.match(a.stderr, /truncated\.json: not valid JSON/)
  const b = await runCli(['diff', 'generated/catalog.json', invalid])
  assert.is(b.code, 2)
  assert.match(b.stderr, /invalid\.json: not a valid catalog: \/endpointSets\/\d+\/ports\/0\/port must be integer/)
  assert.not.match(a.stderr + b.stderr, /\n\s+at /)
})

command('--base/--head compile docs-source/ from git objects, without checking anything out', async () => {
  const repo = temporaryDirectory('git')
  const git = (...args: string[]) => execFileSync('git', args, {cwd: repo, stdio: 'pipe'}).toString().trim()
  git('init', '-q', '-b', 'main')
  git('config', 'user.email', 'test@example.invalid')
  git('config', 'user.name', 'test')
  mkdirSync(join(repo, 'docs-source'))
  writeFileSync(join(repo, 'docs-source', 'power-bi-urls.md'), readFileSync(old))
  git('add', '.')
  git('commit', '-qm', 'base')
  writeFileSync(join(repo, 'docs-source', 'power-bi-urls.md'), readFileSync(next))
  git('commit', '-qam', 'head')
  // The working tree holds something else again: only the commits may be read.
  writeFileSync(join(repo, 'docs-source', 'power-bi-urls.md'), '# nothing\n')
  const run = await runCli(['diff', '--base', 'HEAD~1', '--head', 'HEAD', '--format', 'json'], repo)
  assert.is(run.code, 0, run.stderr)
  const document = JSON.parse(run.stdout)
  assert.equal(document.counts, {error: 3, warning: 2, info: 4})
  assert.equal(document.to.sources.map((s: {path: string}) => s.path), ['docs-source/power-bi-urls.md'])
  const missing = await runCli(['diff', '--base', 'no-such-ref'], repo)
  assert.is(missing.code, 2)
  assert.is(missing.stderr, 'endpoint-catalog: unknown git revision `no-such-ref`\n')
})

command('a catalog of both pages against the URL page alone: the ExpressRoute page and its exceptions are reported, not dropped', async () => {
  const run = await runCli(['diff', 'generated/catalog.json', 'docs-source/power-bi-urls.md', '--format', 'json'])
  assert.is(run.code, 0, run.stderr)
  const document = JSON.parse(run.stdout)
  assert.equal(validateAgainst('diff', document), [])
  const rules = document.changes.map((change: {rule: string}) => change.rule)
  assert.is(rules[0], 'page-removed')
  assert.match(document.changes[0].message, /^ExpressRoute page `docs-source\/power-bi-expressroute\.md` is on the old side only: what it listed \(18 exceptions\)/)
  assert.ok(rules.slice(1).every((rule: string) => rule === 'expressroute-exception-removed'))
  assert.ok(rules.length > 18)
  // The other way round, a page added; the same page set on both sides, nothing.
  assert.match((await runCli(['diff', 'docs-source/power-bi-urls.md', 'generated/catalog.json'])).stdout, /page-added/)
  assert.match((await runCli(['diff', 'generated/catalog.json', 'docs-source'])).stdout, /: no changes\n$/)
})

command('--cloud narrows the diff to one cloud; an unknown cloud is a usage error naming the valid ones', async () => {
  const directory = temporaryDirectory('diff')
  const catalog = JSON.parse(readFileSync('generated/catalog.json', 'utf8'))
  const set = catalog.endpointSets[0]
  set.destinations.push({kind: 'host', value: 'app.high.powerbigov.us', clouds: ['usgov-gcchigh']})
  catalog.contentHash = contentHash(catalog)
  writeFileSync(join(directory, 'new.json'), JSON.stringify(catalog))
  const all = await runCli(['diff', 'generated/catalog.json', join(directory, 'new.json')])
  assert.is(all.code, 0, all.stderr)
  assert.match(all.stdout, /^2018112801 → 2018112801 in Public, GCC High: 1 error\n/)
  assert.match(all.stdout, /Destination `app\.high\.powerbigov\.us` added as required \([^)]*\) {2}\[GCC High\] {2}required-destination-added/)
  const high = JSON.parse((await runCli(['diff', 'generated/catalog.json', join(directory, 'new.json'), '--cloud', 'usgov-gcchigh', '--format', 'json'])).stdout)
  assert.equal(high.clouds, ['usgov-gcchigh'])
  assert.equal(high.changes.map((change: {rule: string}) => change.rule), ['required-destination-added'])
  assert.match((await runCli(['diff', 'generated/catalog.json', join(directory, 'new.json'), '--cloud', 'public'])).stdout, /: no changes\n$/)
  const unknown = await runCli(['diff', 'generated/catalog.json', join(directory, 'new.json'), '--cloud', 'gcc'])
  assert.is(unknown.code, 2)
  assert.match(unknown.stderr, /^endpoint-catalog: --cloud must be one of public, usgov-gcc, usgov-gcchigh, usgov-dod, china\n/)
})

command('--base/--head at two commits of the same version: the commits tell the sides apart', async () => {
  const repository = temporaryRepository()
  try {
    const text = readFileSync(old, 'utf8')
    const base = repository.commit({'docs-source/power-bi-urls.md': text}, 'base')
    const head = repository.commit({'docs-source/power-bi-urls.md': text.replace('| app.powerbi.com |', '| app.powerbi.com, app2.powerbi.com |')}, 'head')
    const run = await runCli(['diff', '--base', 'HEAD~1'], repository.directory)
    assert.is(run.code, 0, run.stderr)
    assert.is(run.stdout.split('\n')[0], `2020012900 (${base.slice(0, 7)}) → 2020012900 (${head.slice(0, 7)}): 1 error`)
    const markdown = (await runCli(['diff', '--base', 'HEAD~1', '--format', 'markdown'], repository.directory)).stdout
    assert.match(markdown, `from \`2020012900 (${base.slice(0, 7)})\` → \`2020012900 (${head.slice(0, 7)})\``)
    const document = JSON.parse((await runCli(['diff', '--base', 'HEAD~1', '--format', 'json'], repository.directory)).stdout)
    assert.is(document.from.commit, base)
    assert.is(document.to.commit, head)
    assert.equal(validateAgainst('diff', document), [])
  } finally {
    rmSync(repository.directory, {recursive: true, force: true})
  }
})

command('rules lists the diagnostic and the change rules', async () => {
  const rules = JSON.parse((await runCli(['rules', '--format', 'json'])).stdout) as Array<{id: string; kind: string; level: string}>
  assert.ok(rules.some((r) => r.kind === 'change' && r.id === 'required-destination-added' && r.level === 'error'))
  assert.ok(rules.some((r) => r.kind === 'change' && r.id === 'ports-added' && r.level === 'warning|error'))
  assert.ok(rules.some((r) => r.kind === 'diagnostic' && r.id === 'port-invalid'))
  assert.match((await runCli(['rules'])).stdout, /^diagnostic rules:\n[\s\S]*\nchange rules:\n/)
})

command('--section, --kind and --route narrow both sides of a diff; unknown values are usage errors', async () => {
  const old = 'test/fixtures/compile/urls-2020-01-29/input.md'
  const next = 'test/fixtures/compile/urls-2021-09-01/input.md'
  const all = JSON.parse((await runCli(['diff', old, next, '--format', 'json'])).stdout) as {changes: Array<{destination?: {kind: string}; rule: string}>}
  const hosts = JSON.parse((await runCli(['diff', old, next, '--format', 'json', '--kind', 'host'])).stdout) as typeof all
  assert.ok(hosts.changes.length > 0 && hosts.changes.length < all.changes.length)
  assert.ok(hosts.changes.every((change) => change.destination === undefined || change.destination.kind === 'host'))
  const wildcards = JSON.parse((await runCli(['diff', old, next, '--format', 'json', '--kind', 'wildcard'])).stdout) as typeof all
  assert.ok(wildcards.changes.some((change) => change.destination?.kind === 'wildcard'))
  const unknown = await runCli(['diff', old, next, '--kind', 'hostname'])
  assert.is(unknown.code, 2)
  assert.match(unknown.stderr, /--kind hostname: expected one or more of host, wildcard/)
  const nowhere = await runCli(['diff', old, next, '--section', 'no such section'])
  assert.is(nowhere.code, 2)
  assert.match(nowhere.stderr, /no section contains it/)
})

command.run()
