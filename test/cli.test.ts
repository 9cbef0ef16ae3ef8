// The command line, run as a user runs it: the package bin, exit codes, and what it prints and writes.
import {cpSync, existsSync, readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import * as assert from 'uvu/assert'
import {suite} from 'uvu'
import {runCli} from './helpers/cli.js'
import {temporaryDirectory} from './helpers/temporary.js'

const command = suite('cli')
const sandbox = (): string => {
  const directory = temporaryDirectory()
  cpSync('docs-source', join(directory, 'docs-source'), {recursive: true})
  cpSync('endpoint-catalog.yaml', join(directory, 'endpoint-catalog.yaml'))
  return directory
}

command('build compiles docs-source/ into generated/catalog.json and prints a summary', async () => {
  const directory = sandbox()
  const run = await runCli(['build'], directory)
  assert.is(run.code, 0, run.stderr)
  assert.match(
    run.stdout,
    /^generated\/catalog\.json: version 2018112800 \(new since an empty catalog: 71 changes; change levels 12 error, 59 warning\), 24 endpoint sets, \d+ destinations, 18 ExpressRoute exceptions \(diagnostics: 9 warnings, 10 infos\)\n$/
  )
  assert.match(run.stderr, /docs-source\/power-bi-urls\.md:31:1 {2}warning {2}Unexpected 6 cells in delimiter row, expected 4 .* {2}table-delimiter-mismatch/)
  // The same content as the published catalog; its version history may be longer than one build's.
  const built = JSON.parse(readFileSync(join(directory, 'generated/catalog.json'), 'utf8'))
  const published = JSON.parse(readFileSync('generated/catalog.json', 'utf8'))
  assert.is(built.contentHash, published.contentHash)
  const withoutHistory = (catalog: {endpointSets: Array<{destinations: Array<{since?: string}>}>}) =>
    catalog.endpointSets.map((set) => ({...set, destinations: set.destinations.map(({since: _since, ...destination}) => destination)}))
  assert.equal(withoutHistory(built), withoutHistory(published))
})

command('build --strict fails on warnings, and still writes what the pages say', async () => {
  const directory = sandbox()
  const run = await runCli(['build', '--strict'], directory)
  assert.is(run.code, 1)
  assert.match(run.stderr, /\d+ diagnostics at or above warning \(--fail-on warning, from --strict\)/)
  assert.ok(existsSync(join(directory, 'generated/catalog.json')))
  assert.is((await runCli(['build', '--strict', '--fail-on', 'none'], directory)).code, 0, '--fail-on none overrides --strict')
  assert.is((await runCli(['build', '--fail-on', 'error'], directory)).code, 0)
  const usage = await runCli(['build', '--fail-on', 'sometimes'], directory)
  assert.is(usage.code, 2)
  assert.match(usage.stderr, /--fail-on must be error, warning, info or none/)
})

command('an error diagnostic fails the build and leaves the previous catalog untouched', async () => {
  const directory = sandbox()
  assert.is((await runCli(['build'], directory)).code, 0)
  const before = readFileSync(join(directory, 'generated/catalog.json'), 'utf8')
  const page = join(directory, 'docs-source/power-bi-urls.md')
  writeFileSync(page, readFileSync(page, 'utf8').replace('| app.powerbi.com | TCP 443 |', '| app.powerbi.com | TCP 99999 |'))
  const run = await runCli(['build'], directory)
  assert.is(run.code, 1)
  assert.match(run.stderr, /power-bi-urls\.md:42:\d+ {2}error {2}Unexpected port `99999`.* {2}port-invalid/)
  assert.is(readFileSync(join(directory, 'generated/catalog.json'), 'utf8'), before)
})

command('compile prints the catalog; -o writes it', async () => {
  const run = await runCli(['compile', 'docs-source/power-bi-urls.md'])
  assert.is(run.code, 0)
  const catalog = JSON.parse(run.stdout)
  assert.is(catalog.endpointSets.length, 24)
  const directory = temporaryDirectory()
  const out = join(directory, 'nested/out.json')
  assert.is((await runCli(['compile', 'docs-source/power-bi-urls.md', '-o', out])).code, 0)
  assert.is(readFileSync(out, 'utf8'), run.stdout)
})

command('export csv: the exact header, one line per destination, RFC 4180 quoting', async () => {
  const run = await runCli(['export', 'generated/catalog.json', '--format', 'csv'])
  assert.is(run.code, 0, run.stderr)
  const lines = run.stdout.split('\r\n')
  assert.is(lines[0], 'id,section,purpose,requirement,kind,destination,ports,expressRoute,service,clouds,direction,condition')
  const catalog = JSON.parse(readFileSync('generated/catalog.json', 'utf8'))
  const count = catalog.endpointSets.reduce((sum: number, set: {destinations: unknown[]}) => sum + set.destinations.length, 0)
  assert.is(lines.length, count + 2)
  assert.ok(lines.some((line) => /^es-[0-9a-f]{12},General site usage,Portal,required,host,app\.powerbi\.com,tcp\/443,internet,power-bi,public,outbound,$/.test(line)))
  assert.ok(lines.some((line) => line.includes(',"Download sources (e. g. Power BI Desktop)",') || line.includes(',Download sources (e. g. Power BI Desktop),')))
  assert.ok(lines.some((line) => line.includes('"Dashboard, report') || line.includes(',reference,')))
})

command('export csv defuses formulas and quotes commas', async () => {
  const directory = temporaryDirectory()
  const page = join(directory, 'page.md')
  writeFileSync(page, '# Power BI URLs\n\n## A, "B"\n\n| Purpose | Destination | Port |\n| --- | --- | --- |\n| **Required:** =HYPERLINK("x") | a.com | TCP 443 |\n')
  const run = await runCli(['export', page, '--format', 'csv'])
  assert.is(run.code, 0, run.stderr)
  assert.match(run.stdout, /^es-[0-9a-f]{12},"A, ""B""","'=HYPERLINK\(""x""\)",required,host,a\.com,tcp\/443,,power-bi,public,outbound,$/m)
})

command('export txt: unique hosts, wildcards and URLs, sorted', async () => {
  const run = await runCli(['export', 'docs-source/power-bi-urls.md', '--format', 'txt'])
  assert.is(run.code, 0)
  const lines = run.stdout.trimEnd().split('\n')
  assert.equal(lines, [...new Set(lines)].sort())
  assert.ok(lines.includes('*.analysis.windows.net'))
  assert.not.ok(lines.some((line) => line.startsWith('https://support.office.com')), 'references are not allowlist entries')
})

command('export json: flat records', async () => {
  const run = await runCli(['export', 'generated/catalog.json', '--format', 'json'])
  const records = JSON.parse(run.stdout)
  assert.equal(Object.keys(records[0]), ['id', 'section', 'purpose', 'requirement', 'kind', 'destination', 'ports', 'expressRoute', 'service', 'clouds', 'direction', 'condition'])
})

command('validate: a valid catalog, and schema errors by JSON pointer', async () => {
  assert.equal([(await runCli(['validate', 'generated/catalog.json'])).code, (await runCli(['validate', 'generated/catalog.json'])).stdout], [0, 'generated/catalog.json: valid catalog\n'])
  const directory = temporaryDirectory()
  const catalog = JSON.parse(readFileSync('generated/catalog.json', 'utf8'))
  catalog.endpointSets[1].ports[0].port = 0
  delete catalog.version
  const bad = join(directory, 'bad.json')
  writeFileSync(bad, JSON.stringify(catalog))
  const run = await runCli(['validate', bad])
  assert.is(run.code, 1)
  assert.match(run.stderr, /bad\.json: \/endpointSets\/1\/ports\/0\/port {2}must be >= 1/)
  assert.match(run.stderr, /bad\.json: \/ {2}must have required property 'version'/)
})

command('usage errors exit 2 with help; input errors exit 2 with one line, never a stack trace', async () => {
  for (const args of [[], ['frobnicate'], ['export', 'generated/catalog.json'], ['compile'], ['build', '--bogus']]) {
    const run = await runCli(args)
    assert.is(run.code, 2, args.join(' '))
    assert.match(run.stderr, /Usage: endpoint-catalog/)
  }
  for (const [args, message] of [
    [['compile', 'missing.md'], /missing\.md: no such file/],
    [['compile', 'schema'], /schema: no markdown pages/],
    [['export', 'package-lock.json', '--format', 'csv'], /package-lock\.json: not a valid catalog: \/ /]
  ] as const) {
    const run = await runCli([...args])
    assert.is(run.code, 2, args.join(' '))
    assert.match(run.stderr, message)
    assert.not.match(run.stderr, /\n\s+at /)
  }
})

command('rules lists every diagnostic rule id with its level', async () => {
  const run = await runCli(['rules', '--format', 'json'])
  const rules = JSON.parse(run.stdout)
  assert.ok(rules.some((rule: {id: string; level: string; category?: string}) => rule.id === 'table-delimiter-mismatch' && rule.level === 'warning' && rule.category === 'reading'))
  assert.ok(rules.some((rule: {id: string; level: string; category?: string}) => rule.id === 'over-broad-wildcard' && rule.category === 'finding'))
  assert.match((await runCli(['rules'])).stdout, /over-broad-wildcard +warning \(finding\)/)
})

command.run()

const config = suite('config')

config('over-broad wildcards are findings: reported, accepted in endpoint-catalog.yaml with a reason, failing only through --fail-on', async () => {
  const directory = sandbox()
  const accepted = await runCli(['build'], directory)
  assert.is(accepted.code, 0, accepted.stderr)
  assert.match(accepted.stderr, /warning {2}Unexpected over-broad wildcard `\*\.azureedge\.net` .*\(accepted: Azure CDN/)
  const catalog = JSON.parse(readFileSync(join(directory, 'generated/catalog.json'), 'utf8'))
  assert.ok(catalog.diagnostics.some((d: {ruleId: string; accepted?: string}) => d.ruleId === 'over-broad-wildcard' && d.accepted))
  assert.is((await runCli(['build', '--strict', '--quiet'], directory)).code, 1, 'other warnings still fail under --strict')

  assert.is((await runCli(['build', '--fail-on', 'warning', '--config', 'endpoint-catalog.yaml'], directory)).code, 1, 'other warnings fail under --fail-on warning')

  writeFileSync(join(directory, 'endpoint-catalog.yaml'), 'accept: []\n')
  const reported = await runCli(['build'], directory)
  assert.is(reported.code, 0, 'a finding never withholds the catalog')
  assert.match(reported.stderr, /warning {2}Unexpected over-broad wildcard `\*\.azureedge\.net`/)
  assert.not.match(reported.stderr, /nothing written/)
})

config('an invalid config is an input error naming the problem', async () => {
  const directory = sandbox()
  writeFileSync(join(directory, 'endpoint-catalog.yaml'), 'accept:\n  - rule: over-broad-wildcard\n')
  const run = await runCli(['build'], directory)
  assert.is(run.code, 2)
  assert.match(run.stderr, /endpoint-catalog\.yaml: not a valid config: \/accept\/0 must have required property 'reason'/)
  writeFileSync(join(directory, 'endpoint-catalog.yaml'), 'accept: [\n')
  assert.match((await runCli(['build'], directory)).stderr, /endpoint-catalog\.yaml: not valid YAML/)
})

config.run()
