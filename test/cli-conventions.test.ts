// What a user of any command line expects: a closed pipe, --version, --help per command, short
// usage errors, colour switches, standard input and output, inputs told by their content.
import {spawn} from 'node:child_process'
import {cpSync, readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import * as assert from 'uvu/assert'
import {suite} from 'uvu'
import {binPath, cli, runCli} from './helpers/cli.js'
import {temporaryDirectory} from './helpers/temporary.js'

const test = suite('cli-conventions')
const page = '# Power BI URLs\n\n## General\n\n| Purpose | Destination | Port |\n| --- | --- | --- |\n| **Required:** Portal | app.powerbi.com | TCP 443 |\n'
const noTrace = (text: string): void => assert.not.match(text, /\n\s+at |EPIPE|Error:/)

/** Run the CLI with its standard output a pipe whose reader is gone before anything is written. */
function closedPipe(args: string[]): Promise<{code: number | null; stderr: string}> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [binPath, ...args], {stdio: ['ignore', 'pipe', 'pipe']})
    child.stdout.destroy()
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')))
    child.on('error', reject)
    child.on('close', (code) => resolve({code, stderr}))
  })
}

test('a closed output pipe ends the command quietly with its usual exit code', async () => {
  for (const args of [['rules'], ['export', 'generated/catalog.json', '--format', 'csv'], ['--help']]) {
    const run = await closedPipe(args)
    assert.is(run.code, 0, args.join(' '))
    noTrace(run.stderr)
  }
  const usage = await closedPipe(['rules', '--bogus'])
  assert.is(usage.code, 2)
})

test('--version prints the package version; <command> --help that command\'s usage', async () => {
  const version = await runCli(['--version'])
  assert.equal([version.code, version.stdout], [0, JSON.parse(readFileSync('package.json', 'utf8')).version + '\n'])
  for (const command of ['build', 'compile', 'export', 'validate', 'diff', 'changes', 'history', 'rules']) {
    const help = await runCli([command, '--help'])
    assert.is(help.code, 0)
    assert.ok(help.stdout.startsWith(`Usage: endpoint-catalog ${command} `), help.stdout)
  }
  assert.match((await runCli(['help', 'diff'])).stdout, /^Usage: endpoint-catalog diff /)
})

test('a usage error is one line, the usage line and where the help is; an unknown option names the closest', async () => {
  const run = await runCli(['build', '--sorce', 'pages'])
  assert.is(run.code, 2)
  assert.equal(run.stderr.split('\n'), [
    'endpoint-catalog: unknown option `--sorce` (did you mean `--source`?)',
    'Usage: endpoint-catalog build [--source dir] [--out dir] [--check]',
    'Run `endpoint-catalog build --help` for more.',
    ''
  ])
  const far = await runCli(['export', '--zzzzzzzz'])
  assert.match(far.stderr, /^endpoint-catalog: unknown option `--zzzzzzzz`\n/)
  const unknown = await runCli(['frobnicate'])
  assert.equal([unknown.code, unknown.stderr.split('\n').length], [2, 4])
  assert.match((await runCli(['biuld'])).stderr, /^endpoint-catalog: unknown command `biuld` \(did you mean `build`\?\)\n/)
})

test('options that do not apply to a command are usage errors', async () => {
  for (const args of [['rules', '--strict'], ['validate', 'generated/catalog.json', '--quiet'], ['changes', '--since', '0000000000', '--config', 'x'], ['diff', 'a', 'b', '--report', 'json']]) {
    const run = await runCli(args)
    assert.is(run.code, 2, args.join(' '))
    assert.match(run.stderr, /does not apply to this command/)
  }
})

test('colour: --color and FORCE_COLOR force it, --no-color, NO_COLOR and TERM=dumb turn it off', async () => {
  const args = ['diff', 'test/fixtures/diff/power-bi-urls-2018-10-22-to-2020-01-29/old.md', 'test/fixtures/diff/power-bi-urls-2018-10-22-to-2020-01-29/new.md']
  const colored = (run: {stdout: string}): boolean => run.stdout.includes('\u001b[')
  assert.ok(colored(await runCli([...args, '--color'])))
  assert.ok(colored(await runCli(args, undefined, {env: {NO_COLOR: undefined, FORCE_COLOR: '1'}})))
  assert.not.ok(colored(await runCli([...args, '--no-color'], undefined, {env: {NO_COLOR: undefined, FORCE_COLOR: '1'}})))
  assert.not.ok(colored(await runCli(args, undefined, {env: {NO_COLOR: undefined, FORCE_COLOR: '0'}})))
  assert.not.ok(colored(await runCli(args, undefined, {env: {NO_COLOR: undefined, TERM: 'dumb'}})))
})

test('`-` reads standard input, `-o -` writes to standard output', async () => {
  const compiled = cli(['compile', '-', '-o', '-'], undefined, {input: page})
  assert.is(compiled.code, 0, compiled.stderr)
  const catalog = JSON.parse(compiled.stdout)
  assert.equal(catalog.endpointSets[0].destinations.map((d: {value: string}) => d.value), ['app.powerbi.com'])
  const exported = cli(['export', '-', '--format', 'hosts'], undefined, {input: readFileSync('generated/catalog.json', 'utf8')})
  assert.is(exported.code, 0, exported.stderr)
  assert.match(exported.stdout, /^app\.powerbi\.com$/m)
  // A pipe named by its path is not a file to read whole; `-` is.
  const named = cli(['export', '/dev/stdin', '--format', 'hosts'], undefined, {input: readFileSync('generated/catalog.json', 'utf8')})
  assert.is(named.code, 2)
  assert.match(named.stderr, /\/dev\/stdin: not a regular file \(a FIFO, socket or device\), expected a file; `-` reads standard input\n$/)
})

test('inputs are told by content: a catalog is not a page, a page is not a catalog, whatever their names', async () => {
  const directory = temporaryDirectory()
  const upper = join(directory, 'catalog.JSON')
  cpSync('generated/catalog.json', upper)
  const exported = await runCli(['export', upper, '--format', 'txt'])
  assert.is(exported.code, 0, exported.stderr)
  assert.match(exported.stdout, /^app\.powerbi\.com$/m)
  const compiled = await runCli(['compile', 'generated/catalog.json'])
  assert.is(compiled.code, 2)
  assert.is(compiled.stderr, 'endpoint-catalog: generated/catalog.json: a catalog, expected a documentation page (markdown); `export`, `diff` and `validate` take a catalog\n')
  const feed = await runCli(['export', 'generated/changes.json', '--format', 'csv'])
  assert.is(feed.code, 2)
  assert.match(feed.stderr, /generated\/changes\.json: a change feed, expected a catalog or documentation pages; `changes` and `validate` take a change feed/)
  const changes = await runCli(['changes', '--since', '0000000000', 'generated/catalog.json'])
  assert.is(changes.code, 2)
  assert.match(changes.stderr, /generated\/catalog\.json: a catalog, expected a change feed/)
})

test('validate knows catalogs, change feeds, diff documents and configs by their content', async () => {
  const directory = temporaryDirectory()
  const diffJson = join(directory, 'changes-between.json')
  writeFileSync(diffJson, (await runCli(['diff', 'test/fixtures/diff/power-bi-urls-2018-10-22-to-2020-01-29/old.md', 'test/fixtures/diff/power-bi-urls-2018-10-22-to-2020-01-29/new.md', '--format', 'json'])).stdout)
  for (const [path, kind] of [
    ['generated/catalog.json', 'catalog'],
    ['generated/changes.json', 'change feed'],
    [diffJson, 'diff document'],
    ['endpoint-catalog.yaml', 'config']
  ]) {
    const run = await runCli(['validate', path!])
    assert.equal([run.code, run.stdout], [0, `${path}: valid ${kind}\n`], run.stderr)
  }
  const config = join(directory, 'config.yaml')
  writeFileSync(config, 'accept:\n  - rule: port-invalid\n')
  const bad = await runCli(['validate', config])
  assert.is(bad.code, 1)
  assert.match(bad.stderr, /not a valid config: 1 schema error/)
  const markdown = await runCli(['validate', 'docs-source/power-bi-urls.md'])
  assert.is(markdown.code, 2)
  assert.match(markdown.stderr, /a documentation page \(markdown\), expected a catalog, change feed, diff document or config/)
})

test('an output that is one of the inputs is refused, the input untouched; a page given twice is read once', async () => {
  const directory = temporaryDirectory()
  const path = join(directory, 'page.md')
  writeFileSync(path, page)
  const run = await runCli(['compile', path, '-o', path])
  assert.is(run.code, 2)
  assert.match(run.stderr, /the output would replace an input/)
  assert.is(readFileSync(path, 'utf8'), page)
  assert.is((await runCli(['compile', directory, '-o', path])).code, 2, 'a page found in a directory given')
  assert.is(readFileSync(path, 'utf8'), page)
  const catalog = join(directory, 'c.json')
  cpSync('generated/catalog.json', catalog)
  assert.is((await runCli(['export', catalog, '--format', 'json', '-o', catalog])).code, 2)
  assert.is(readFileSync(catalog, 'utf8'), readFileSync('generated/catalog.json', 'utf8'))
  const once = JSON.parse((await runCli(['compile', path])).stdout)
  const twice = JSON.parse((await runCli(['compile', path, path, directory])).stdout)
  assert.equal(twice.endpointSets, once.endpointSets)
})

test('build --out naming a file is one line and exit 2; build --check writes nothing and exits 1 when out of date', async () => {
  const directory = temporaryDirectory()
  cpSync('docs-source', join(directory, 'docs-source'), {recursive: true})
  writeFileSync(join(directory, 'README.md'), 'mine\n')
  const inTheWay = await runCli(['build', '--out', 'README.md', '--quiet'], directory)
  assert.is(inTheWay.code, 2)
  assert.match(inTheWay.stderr, /^endpoint-catalog: README\.md: not a directory \(--out names the directory to write to\)\n$/)
  assert.is(readFileSync(join(directory, 'README.md'), 'utf8'), 'mine\n')

  const missing = await runCli(['build', '--check', '--quiet'], directory)
  assert.is(missing.code, 1)
  assert.match(missing.stdout, /^generated: out of date \(changes\.json, CHANGELOG\.md, changes\.atom, m365-ids\.json, catalog\.json\)/)
  assert.is((await runCli(['build', '--quiet'], directory)).code, 0)
  const built = readFileSync(join(directory, 'generated/catalog.json'), 'utf8')
  const current = await runCli(['build', '--check', '--quiet'], directory)
  assert.equal([current.code, current.stdout], [0, 'generated: up to date\n'])
  const pagePath = join(directory, 'docs-source/power-bi-urls.md')
  writeFileSync(pagePath, readFileSync(pagePath, 'utf8').replace('| app.powerbi.com |', '| app2.powerbi.com |'))
  const stale = await runCli(['build', '--check', '--quiet'], directory)
  assert.is(stale.code, 1)
  assert.is(readFileSync(join(directory, 'generated/catalog.json'), 'utf8'), built)
})

test('--report json: one JSON object a diagnostic, with file, line, column, rule, level and message', async () => {
  const run = await runCli(['compile', 'docs-source/power-bi-urls.md', '--report', 'json'])
  assert.is(run.code, 0)
  const lines = run.stderr.trimEnd().split('\n')
  assert.ok(lines.length > 5)
  const first = JSON.parse(lines[0]!)
  assert.equal(Object.keys(first).slice(0, 6), ['file', 'line', 'column', 'rule', 'level', 'message'])
  assert.is(first.file, 'docs-source/power-bi-urls.md')
  assert.ok(lines.some((line) => JSON.parse(line).rule === 'table-delimiter-mismatch'))
  assert.is((await runCli(['compile', 'docs-source/power-bi-urls.md', '--report', 'xml'])).code, 2)
})

test('diff --base names an unknown revision as such', async () => {
  const run = await runCli(['diff', '--base', 'nosuchref'])
  assert.equal([run.code, run.stderr], [2, 'endpoint-catalog: unknown git revision `nosuchref`\n'])
})

test('a config entry with an unknown rule id, or that matches nothing in the pages, is a warning', async () => {
  const directory = temporaryDirectory()
  cpSync('docs-source', join(directory, 'docs-source'), {recursive: true})
  writeFileSync(
    join(directory, 'endpoint-catalog.yaml'),
    'accept:\n  - rule: port-invalide\n    reason: a typo\n  - rule: over-broad-wildcard\n    destination: "*.nowhere.example"\n    reason: nothing matches\n'
  )
  const run = await runCli(['build', '--quiet'], directory)
  assert.is(run.code, 0, run.stderr)
  assert.match(run.stderr, /^endpoint-catalog\.yaml: warning {2}accept entry 1 \(rule `port-invalide`\): no such rule/m)
  assert.match(run.stderr, /^endpoint-catalog\.yaml: warning {2}accept entry 2 \(rule `over-broad-wildcard`\): matches no diagnostic of the pages/m)
})

test.run()
