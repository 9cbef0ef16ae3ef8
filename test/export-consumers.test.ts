// The exports as their consumers load them: Squid (`squid -k parse`, then a Squid on 127.0.0.1
// whose access log says what it allowed), pacparser's `pactester`, `nft` and `ipset` (in a network
// namespace of their own), and PAN-OS's wildcard token rule; on a catalog of the shared family pages
// (../shared/corpus) and on a hostile catalog. A missing consumer fails under CI=true and is skipped
// elsewhere (test/helpers/consumers.ts). Every network target is on the loopback interface: Squid
// forwards what it allows to a server of this test on 127.0.0.1, never to the Internet.
import {spawn, spawnSync} from 'node:child_process'
import {createSocket} from 'node:dgram'
import {chmodSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync} from 'node:fs'
import {createServer, request, type Server} from 'node:http'
import type {AddressInfo} from 'node:net'
import {dirname, join} from 'node:path'
import * as assert from 'uvu/assert'
import {suite} from 'uvu'
import type {Catalog, Destination} from '../generated/catalog.js'
import {compile} from '../src/compile/catalog.js'
import {edlTokensValid} from '../src/format/edl.js'
import {placeholderOf} from '../src/format/entries.js'
import {exportCatalog, type ExportFormat, type ExportOptions} from '../src/format/export.js'
import {consumersPresent, inNetworkNamespace, skip} from './helpers/consumers.js'
import {handCatalog, hostileCatalog} from './helpers/hand-catalog.js'
import {temporaryDirectory} from './helpers/temporary.js'

const consumers = suite('export consumers')

const corpus = '../shared/corpus'

/** The shared family pages and the Power BI pages, compiled once; undefined when ../shared is not there. */
let family: Catalog | undefined | null = null
function familyCatalog(): Catalog | undefined {
  if (family !== null) return family
  if (!existsSync(join(corpus, 'wild'))) return (family = undefined)
  const pages = [
    ...readdirSync(join(corpus, 'wild')).filter((name) => name.endsWith('.md')).map((name) => join('wild', name)),
    'power-bi-urls/2023-09-29.md',
    'power-bi-expressroute/2018-11-28.md'
  ]
  family = compile(pages.map((path) => ({path, value: readFileSync(join(corpus, path))}))).catalog
  return family
}

/** Valid destinations a list could get wrong, beside the hostile values of every kind. */
function trickyCatalog(whole = true): Catalog {
  const tricky: Destination[] = [
    {kind: 'url', value: 'https://*.api.tricky.example:8443/x', host: '*.api.tricky.example'},
    {kind: 'url', value: 'wss://*.socket.tricky.example', host: '*.socket.tricky.example'},
    {kind: 'url', value: 'http://169.254.169.254/latest', host: '169.254.169.254'},
    {kind: 'url', value: 'http://[2001:db8:5::1]/x', host: '2001:db8:5::1'},
    {kind: 'url', value: 'https://cdn.tricky.example/npm/monaco-editor*', host: 'cdn.tricky.example'},
    {kind: 'url', value: 'sb://xxxxx.servicebus.tricky.example', host: 'xxxxx.servicebus.tricky.example'},
    {kind: 'host', value: 'plain.tricky.example'},
    {kind: 'host', value: 'a.wild.tricky.example'},
    {kind: 'wildcard', value: '*.wild.tricky.example'},
    {kind: 'wildcard', value: '*.*.deep.tricky.example'},
    {kind: 'wildcard', value: '*.*.wild.tricky.example'},
    {kind: 'cidr', value: '10.1.2.3/8'},
    {kind: 'cidr', value: '10.9.0.0/16'},
    ...(whole ? [{kind: 'cidr', value: '0.0.0.0/0'}, {kind: 'cidr', value: '::/0'}] satisfies Destination[] : []),
    {kind: 'cidr', value: '2001:db8::/32'},
    {kind: 'cidr', value: '2001:db8:1::/48'},
    {kind: 'ip', value: '192.0.2.10'},
    {kind: 'ip', value: '::ffff:192.0.2.11'}
  ]
  const hostile = hostileCatalog()
  return handCatalog([
    ...hostile.endpointSets.map((set) => ({section: set.section, purpose: set.purpose, destinations: set.destinations})),
    {section: 'Tricky', purpose: 'Valid but easy to get wrong', destinations: tricky, ports: [{protocol: 'tcp', port: 443}, {protocol: 'tcp', port: 8443}, {protocol: 'udp', port: 3478, to: 3481}]}
  ])
}

/**
 * The catalogs the consumers load: the hostile one, and the family pages when present. `whole`:
 * with the ranges of every address (a list that allows every address cannot deny an unlisted name).
 */
function catalogs(test: string, whole = true): Array<[string, Catalog]> {
  const pages = familyCatalog()
  if (pages === undefined) skip(`${test} (family pages)`, `${corpus}/wild not found: the shared corpus is beside the repository`)
  return [['hostile catalog', trickyCatalog(whole)], ...(pages === undefined ? [] : [['family pages', pages] as [string, Catalog]])]
}

function render(catalog: Catalog, format: ExportFormat, options: ExportOptions = {}): string {
  return exportCatalog(catalog, format, options).text
}

/** What an allow-list of the catalog should let through, read from the catalog itself: names, and one name under each wildcard. */
function listedNames(catalog: Catalog): {names: string[]; suffixes: string[]} {
  const names = new Set<string>()
  const suffixes = new Set<string>()
  const ascii = /^[a-z0-9*][a-z0-9.*_-]*$/
  // An allow-list takes the outbound sets: the sources of inbound traffic are not on it.
  for (const set of catalog.endpointSets) {
    if (set.direction === 'inbound') continue
    for (const destination of set.destinations) {
      const host = destination.kind === 'url' ? destination.host : destination.kind === 'host' || destination.kind === 'wildcard' ? destination.value : undefined
      if (host === undefined || !ascii.test(host) || !host.includes('.') || placeholderOf(host) !== undefined) continue
      if (host.startsWith('*.') && !host.slice(2).includes('*')) suffixes.add(host.slice(1))
      else if (!host.includes('*') && !/^[0-9.]+$/.test(host)) names.add(host)
    }
  }
  return {names: [...names].sort(), suffixes: [...suffixes].sort()}
}

/** The domains of the catalog's wildcards of two labels or more (`*.*.deep.x` → `deep.x`). */
function deepWildcards(catalog: Catalog): string[] {
  const values = catalog.endpointSets.flatMap((set) => (set.direction === 'inbound' ? [] : set.destinations).filter((destination) => destination.kind === 'wildcard' && destination.value.startsWith('*.*.')))
  return [...new Set(values.map((destination) => destination.value.replace(/^(?:\*\.)+/, '')))].sort()
}

/** Names the list must not let through: beside each suffix (`evilpowerbi.com`), and a reserved name. */
function unlistedNames(listed: {names: string[]; suffixes: string[]}): string[] {
  const covered = (name: string): boolean => listed.names.includes(name) || listed.suffixes.some((suffix) => name.endsWith(suffix))
  const candidates = ['endpoint-catalog-unlisted.invalid', ...listed.suffixes.map((suffix) => 'evil' + suffix.slice(1)), ...listed.names.slice(0, 20).map((name) => name + '.evil.invalid')]
  return [...new Set(candidates)].filter((name) => !covered(name))
}

/** The ACL a Squid export asks to allow: the `any-of` of its names and addresses, or its one ACL (named after the catalog). */
function aclName(acls: string): string {
  return (/^acl (\S+) any-of /m.exec(acls) ?? /^acl (\S+) /m.exec(acls))![1]!
}

/** Run a command; its exit code and output. */
function run(command: string, args: string[], input?: string): {code: number | null; out: string} {
  const result = spawnSync(command, args, {encoding: 'utf8', input: input ?? '', timeout: 60_000})
  return {code: result.status, out: `${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? String(result.error) : ''}`}
}

consumers('squid -k parse accepts the Squid export', () => {
  if (!consumersPresent('squid -k parse', ['squid'])) return
  for (const [name, catalog] of catalogs('squid -k parse')) {
    const directory = temporaryDirectory('squid-parse')
    const acls = render(catalog, 'squid')
    writeFileSync(join(directory, 'endpoints.conf'), acls)
    writeFileSync(join(directory, 'squid.conf'), `http_port 127.0.0.1:3128\ninclude ${join(directory, 'endpoints.conf')}\nhttp_access allow ${aclName(acls)}\nhttp_access deny all\n`)
    const parsed = run('squid', ['-k', 'parse', '-f', join(directory, 'squid.conf')])
    assert.is(parsed.code, 0, `${name}: ${parsed.out}`)
    assert.not.match(parsed.out, /ERROR|FATAL|WARNING/, name)
  }
})

consumers('Squid on 127.0.0.1 allows the listed names (wildcard-host URLs included) and addresses, and denies others', async () => {
  if (!consumersPresent('Squid on 127.0.0.1', ['squid'])) return
  for (const [name, catalog] of catalogs('Squid on 127.0.0.1', false)) {
    const listed = listedNames(catalog)
    const allowed = [...listed.names, ...listed.suffixes.map((suffix) => 'zz1' + suffix)]
    const addresses = name === 'hostile catalog' ? ['169.254.169.254', '10.200.1.1', '[2001:db8:5::1]'] : []
    const denied = unlistedNames(listed)
    const log = await withSquid(render(catalog, 'squid'), denied, async (port) => {
      for (const host of [...allowed, ...addresses, ...denied]) await proxyGet(port, host)
    })
    const status = new Map(log.map((line) => [line.url, line.code]))
    for (const host of [...allowed, ...addresses]) assert.ok(!/DENIED/.test(status.get(`http://${host}/`) ?? 'DENIED'), `${name}: ${host} allowed: ${status.get(`http://${host}/`)}`)
    for (const host of denied) assert.match(status.get(`http://${host}/`) ?? '', /^TCP_DENIED\/403$/, `${name}: ${host} denied`)
    assert.ok(allowed.length > 0 && denied.length > 0, name)
  }
})

interface LogLine {
  code: string
  url: string
}

/**
 * Squid on a free port of 127.0.0.1 with `include`d ACLs, forwarding what it allows to a server of
 * this test on 127.0.0.1 (never to the Internet; names from a hosts file, DNS asked of 127.0.0.1
 * only, no ICMP pinger) and logging to a UDP
 * socket of this test; `use` gets the port; Squid is stopped at the end. Returns the access log.
 */
async function withSquid(acls: string, unlisted: string[], use: (port: number) => Promise<void>): Promise<LogLine[]> {
  const directory = temporaryDirectory('squid')
  // Squid started as root runs as its own user: it must reach its files (the hosts file) there.
  if (process.getuid?.() === 0) {
    for (const folder of [dirname(directory), directory]) chmodSync(folder, statSync(folder).mode | 0o011)
  }
  writeFileSync(join(directory, 'endpoints.conf'), acls)
  // A `dst` ACL makes Squid look a name up: the unlisted names resolve from this file, to loopback.
  writeFileSync(join(directory, 'hosts'), unlisted.map((name) => `127.0.0.9 ${name}\n`).join(''))
  const sink = await listen(createServer((_request, response) => response.end('sink\n')))
  const logs = createSocket('udp4')
  const lines: LogLine[] = []
  logs.on('message', (message) => {
    for (const line of message.toString('utf8').split('\n')) {
      const fields = line.trim().split(/\s+/)
      if (fields.length >= 7) lines.push({code: fields[3]!, url: fields[6]!})
    }
  })
  await new Promise<void>((resolve) => logs.bind(0, '127.0.0.1', resolve))
  const port = await freePort()
  const config = [
    `http_port 127.0.0.1:${port}`,
    `include ${join(directory, 'endpoints.conf')}`,
    `http_access allow ${aclName(acls)}`,
    'http_access deny all',
    `cache_peer 127.0.0.1 parent ${(sink.address() as AddressInfo).port} 0 no-query no-digest originserver name=sink`,
    'never_direct allow all',
    'dns_nameservers 127.0.0.1',
    'dns_timeout 2 seconds',
    `hosts_file ${join(directory, 'hosts')}`,
    'pinger_enable off',
    `access_log udp://127.0.0.1:${logs.address().port} squid`,
    'cache_log /dev/null',
    'cache_store_log none',
    'pid_filename none',
    'cache deny all',
    'shutdown_lifetime 0 seconds',
    'netdb_filename none',
    `coredump_dir ${directory}`
  ]
  writeFileSync(join(directory, 'squid.conf'), config.join('\n') + '\n')
  const squid = spawn('squid', ['-N', '-f', join(directory, 'squid.conf')], {stdio: ['ignore', 'pipe', 'pipe']})
  let output = ''
  squid.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
  squid.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const exited = new Promise<void>((resolve) => squid.on('exit', () => resolve()))
  try {
    await waitForPort(port, () => squid.exitCode !== null, () => output)
    await use(port)
    // The log line of the last request may still be on its way.
    await new Promise((resolve) => setTimeout(resolve, 300))
    return lines
  } finally {
    squid.kill('SIGTERM')
    const stopped = await Promise.race([exited.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 10_000))])
    if (!stopped) {
      squid.kill('SIGKILL')
      await exited
    }
    logs.close()
    await new Promise((resolve) => sink.close(resolve))
  }
}

function listen(server: Server): Promise<Server> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)))
}

async function freePort(): Promise<number> {
  const server = await listen(createServer())
  const {port} = server.address() as AddressInfo
  await new Promise((resolve) => server.close(resolve))
  return port
}

/** Wait until something accepts on 127.0.0.1:`port` (30 s at most), failing early when `gone`. */
async function waitForPort(port: number, gone: () => boolean, output: () => string): Promise<void> {
  const deadline = Date.now() + 30_000
  while (Date.now() < deadline) {
    if (gone()) throw new Error(`squid exited: ${output()}`)
    const up = await new Promise<boolean>((resolve) => {
      const probe = request({host: '127.0.0.1', port, method: 'OPTIONS', path: '*', timeout: 1000})
      probe.on('response', (response) => {
        response.resume()
        resolve(true)
      })
      probe.on('error', () => resolve(false))
      probe.on('timeout', () => probe.destroy())
      probe.end()
    })
    if (up) return
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  throw new Error(`squid did not listen on 127.0.0.1:${port}: ${output()}`)
}

/** `GET http://host/` through the proxy on 127.0.0.1:`port`; the status. */
function proxyGet(port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const get = request({host: '127.0.0.1', port, path: `http://${host}/`, headers: {host}, timeout: 15_000}, (response) => {
      response.resume()
      response.on('end', () => resolve(response.statusCode ?? 0))
    })
    get.on('timeout', () => get.destroy(new Error(`no answer for ${host}`)))
    get.on('error', reject)
    get.end()
  })
}

consumers('pactester routes the listed names (wildcard-host URLs included) as listed and others to the default', () => {
  if (!consumersPresent('pactester', ['pactester'])) return
  for (const [name, catalog] of catalogs('pactester')) {
    const directory = temporaryDirectory('pac')
    const pac = join(directory, 'endpoints.pac')
    writeFileSync(pac, render(catalog, 'pac', {proxy: 'PROXY listed.invalid:3128', fallback: 'PROXY other.invalid:8080'}))
    const listed = listedNames(catalog)
    const expected = new Map<string, string>()
    for (const host of [...listed.names, ...listed.suffixes.map((suffix) => 'zz1' + suffix)]) expected.set(host, 'PROXY listed.invalid:3128')
    for (const host of unlistedNames(listed)) expected.set(host, 'PROXY other.invalid:8080')
    // `*.*.deep.x` lets through names two labels or more under `deep.x`, not one.
    for (const domain of deepWildcards(catalog)) {
      expected.set('zz1.zz2.' + domain, 'PROXY listed.invalid:3128')
      if (!listed.suffixes.some((suffix) => ('zz1.' + domain).endsWith(suffix))) expected.set('zz1.' + domain, 'PROXY other.invalid:8080')
    }
    writeFileSync(join(directory, 'urls'), [...expected.keys()].map((host) => `https://${host}/\n`).join(''))
    const result = run('pactester', ['-p', pac, '-f', join(directory, 'urls')])
    assert.is(result.code, 0, result.out)
    const answers = new Map(result.out.trim().split('\n').map((line) => {
      const [url, answer] = line.split(' : ')
      return [new URL(url!).hostname, answer!] as const
    }))
    for (const [host, answer] of expected) assert.is(answers.get(host), answer, `${name}: ${host}`)
  }
})

consumers('nft -c -f and nft -f load both families, and loading again replaces the sets', () => {
  if (!consumersPresent('nft', ['nft', 'unshare'])) return
  const namespace = inNetworkNamespace()
  if ('reason' in namespace) return void skip('nft', namespace.reason)
  for (const [name, catalog] of catalogs('nft')) {
    const directory = temporaryDirectory('nft')
    const file = join(directory, 'endpoints.nft')
    const text = render(catalog, 'nftables')
    writeFileSync(file, text)
    const [command, ...prefix] = namespace.prefix
    const checked = run(command!, [...prefix, 'nft', '-c', '-f', file])
    assert.is(checked.code, 0, `${name}: ${checked.out}`)
    const loaded = run(command!, [...prefix, 'sh', '-c', 'nft -f "$1" && nft -f "$1" && nft -j list table inet endpoint_catalog', 'sh', file])
    assert.is(loaded.code, 0, `${name}: ${loaded.out}`)
    const sets = (JSON.parse(loaded.out) as {nftables: Array<{set?: {name: string; elem?: unknown[]}}>}).nftables.flatMap((item) => (item.set ? [item.set] : []))
    const count = (set: string): number => sets.find((one) => one.name === set)?.elem?.length ?? 0
    for (const family of [4, 6]) {
      const written = elementsOf(text, `endpoints_v${family}`)
      if (name === 'hostile catalog' || family === 4) assert.ok(written > 0, `${name}: v${family} written`)
      assert.is(count(`endpoints_v${family}`), written, `${name}: v${family} loaded once, not twice`)
    }
    for (const only of [4, 6] as const) {
      writeFileSync(file, render(catalog, 'nftables', {family: only}))
      const single = run(command!, [...prefix, 'nft', '-c', '-f', file])
      assert.is(single.code, 0, `${name} --family ${only}: ${single.out}`)
    }
  }
})

/** The elements `add element … <set> { … }` writes. */
function elementsOf(text: string, set: string): number {
  const match = new RegExp(`add element inet \\S+ ${set} \\{\\n([^}]*)\\}`).exec(text)
  return match === null ? 0 : match[1]!.split(',').filter((value) => value.trim() !== '').length
}

consumers('ipset restore loads a hash:net set per family, and restoring again replaces them', () => {
  if (!consumersPresent('ipset', ['ipset', 'unshare'])) return
  const namespace = inNetworkNamespace()
  if ('reason' in namespace) return void skip('ipset', namespace.reason)
  for (const [name, catalog] of catalogs('ipset')) {
    const directory = temporaryDirectory('ipset')
    const file = join(directory, 'endpoints.ipset')
    const text = render(catalog, 'ipset')
    writeFileSync(file, text)
    const [command, ...prefix] = namespace.prefix
    const loaded = run(command!, [...prefix, 'sh', '-c', 'ipset restore < "$1" && ipset restore < "$1" && ipset save', 'sh', file])
    assert.is(loaded.code, 0, `${name}: ${loaded.out}`)
    for (const family of ['v4', 'v6']) {
      const written = text.split('\n').filter((line) => line.startsWith(`add endpoint_catalog_${family} `)).length
      const members = loaded.out.split('\n').filter((line) => line.startsWith(`add endpoint_catalog_${family} `)).length
      if (name === 'hostile catalog' || family === 'v4') assert.ok(written > 0, `${name}: ${family} written`)
      assert.is(members, written, `${name}: ${family} members`)
    }
  }
})

consumers('every EDL line passes PAN-OS token rule: a `*` only as a whole token, no scheme, no comment', () => {
  for (const [name, catalog] of catalogs('edl')) {
    const {text, notes} = exportCatalog(catalog, 'edl')
    const lines = text.split('\n').filter(Boolean)
    assert.ok(lines.length > 0, name)
    for (const line of lines) {
      assert.ok(edlTokensValid(line) && !line.includes('://') && !line.startsWith('#') && line.length <= 255, `${name}: ${line}`)
      assert.not.match(line, /^(\d+\.){3}\d+\//, `${name}: an address in a URL list: ${line}`)
    }
    if (name === 'hostile catalog') {
      assert.ok(lines.includes('*.api.tricky.example/x') && lines.includes('*.socket.tricky.example/'), lines.join('\n'))
      assert.ok(notes.some((note) => note.includes('https://cdn.tricky.example/npm/monaco-editor*') && note.includes('inside a token')), notes.join('\n'))
    }
  }
})

consumers.run()
