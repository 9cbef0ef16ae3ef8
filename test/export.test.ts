// Export filters and the list, PAC, EDL and Squid formats, on hand-written catalogs and the
// committed catalogs of the shared revisions (asserting properties, not the compiler's details).
import {readFileSync} from 'node:fs'
import {Script, createContext} from 'node:vm'
import * as assert from 'uvu/assert'
import {suite} from 'uvu'
import {exportCatalog, filterCatalog, FilterError, type Catalog} from '../src/index.js'
import {runCli} from './helpers/cli.js'
import {fixtureCatalog, handCatalog, mixedCatalog, withDirectory, writeCatalog} from './helpers/hand-catalog.js'

const committed = (): Catalog => JSON.parse(readFileSync('generated/catalog.json', 'utf8')) as Catalog
const values = (catalog: Catalog): string[] => catalog.endpointSets.flatMap((set) => set.destinations.map((d) => d.value))
const body = (text: string): string[] => text.split('\n').filter((line) => line !== '' && !line.startsWith('#'))

const filters = suite('export filters')

filters('--required keeps only required rows', async () => {
  const catalog = committed()
  const required = filterCatalog(catalog, {required: true})
  assert.ok(required.endpointSets.length > 0 && required.endpointSets.length < catalog.endpointSets.length)
  assert.ok(required.endpointSets.every((set) => set.requirement === 'required'))
  assert.equal(filterCatalog(catalog, {}), catalog, 'an empty filter changes nothing')
})

filters('--cloud: a destination without clouds is public; the others by their list', async () => {
  const catalog = mixedCatalog()
  assert.not.ok(values(filterCatalog(catalog, {cloud: 'public'})).includes('app.powerbigov.us'))
  assert.ok(values(filterCatalog(catalog, {cloud: 'public'})).includes('app.powerbi.com'))
  assert.equal(values(filterCatalog(catalog, {cloud: 'usgov-gcchigh'})), ['app.powerbigov.us'])
  assert.equal(values(filterCatalog(catalog, {cloud: 'usgov-dod'})), ['app.mil.powerbigov.us'])
  assert.equal(values(filterCatalog(catalog, {cloud: 'china'})), ['app.powerbi.cn'])
})

filters('--section (any case, part of the name), --route and --kind', async () => {
  const catalog = mixedCatalog()
  assert.equal([...new Set(filterCatalog(catalog, {section: 'gov'}).endpointSets.map((set) => set.section))], ['Government'])
  const internet = filterCatalog(catalog, {route: 'internet'})
  assert.ok(internet.endpointSets.every((set) => set.destinations.every((d) => d.expressRoute?.route === 'internet')))
  assert.ok(values(internet).includes('app.powerbi.com') && !values(internet).includes('*.powerbi.com'))
  assert.equal(values(filterCatalog(catalog, {route: 'expressroute'})), ['*.powerbi.com', 'api.powerbi.com', 'powerbi.com'])
  assert.equal(values(filterCatalog(catalog, {kinds: ['ip', 'cidr']})), ['203.0.113.7', '2001:db8::7', '198.51.100.0/24'])
  assert.ok(filterCatalog(catalog, {kinds: ['ip']}).endpointSets.every((set) => set.destinations.length > 0), 'rows left empty are dropped')
})

filters('unknown values are errors that list the valid ones', async () => {
  const catalog = mixedCatalog()
  assert.throws(() => filterCatalog(catalog, {section: 'nowhere'}), (error: Error) => error instanceof FilterError && /"General", "Government", "Gateway"/.test(error.message))
  assert.throws(() => filterCatalog(fixtureCatalog('urls-2018-08-10'), {route: 'internet'}), /no ExpressRoute page/)
  await withDirectory(async (directory) => {
    const path = writeCatalog(directory, catalog)
    const cases: Array<[string[], RegExp]> = [
      [['--format', 'txt', '--cloud', 'azure'], /--cloud azure: expected one of public, usgov-gcc, usgov-gcchigh, usgov-dod, china/],
      [['--format', 'txt', '--route', 'vpn'], /--route vpn: expected one of internet, expressroute/],
      [['--format', 'txt', '--kind', 'host,fqdn'], /--kind fqdn: expected one or more of host, wildcard, url, ip, cidr, reference, text/],
      [['--format', 'txt', '--section', 'nowhere'], /--section "nowhere": no section contains it; the sections are "General", "Government", "Gateway"/],
      [['--format', 'pac', '--default', 'PROXY a b'], /--default "PROXY a b": expected DIRECT or "PROXY host:port"/],
      [['--format', 'txt', '--acl', 'x'], /--acl is an option of --format squid/],
      [['--format', 'firewall'], /--format must be one of csv, json, txt, hosts, ips, cidrs, nftables, ipset, pac, edl, squid, m365/]
    ]
    for (const [args, expected] of cases) {
      const run = await runCli(['export', path, ...args])
      assert.is(run.code, 2, run.stderr)
      assert.match(run.stderr, expected)
      assert.is(run.stdout, '')
    }
  })
})

const lists = suite('export lists')

lists('every list format has the version and content hash in its header', async () => {
  const catalog = committed()
  for (const format of ['txt', 'hosts', 'squid', 'nftables', 'ipset'] as const) {
    assert.is(exportCatalog(catalog, format).text.split('\n')[0], `# endpoint-catalog: catalog version ${catalog.version}, ${catalog.contentHash}`, format)
  }
  assert.match(exportCatalog(catalog, 'pac').text.split('\n')[0]!, `// endpoint-catalog: catalog version ${catalog.version}, ${catalog.contentHash}`)
  assert.match(exportCatalog(catalog, 'txt', {filter: {required: true, kinds: ['host']}}).text.split('\n')[0]!, /, filter: --required --kind host$/)
})

lists('hosts: exact hosts and URL hosts only; the rest named on stderr, a line per reason', async () => {
  const {text, notes} = exportCatalog(mixedCatalog(), 'hosts')
  assert.equal(body(text), ['api.powerbi.com', 'app.mil.powerbigov.us', 'app.powerbi.cn', 'app.powerbi.com', 'app.powerbigov.us', 'atlas.microsoft.com', 'powerbi.com'])
  assert.equal(notes, [
    'hosts: left out 3 wildcards (a wildcard, not an exact host name): *.a.virtualearth.net, *.powerbi.com, *.virtualearth.net',
    'hosts: left out 2 IP addresses (an address: the format lists names): 2001:db8::7, 203.0.113.7',
    'hosts: left out 1 CIDR range (an address range: the format lists names): 198.51.100.0/24',
    'hosts: left out 1 reference (not a host or address): https://learn.microsoft.com/x#ids',
    'hosts: left out 1 text destination (not a host or address): "Depends on content packs used"'
  ])
})

lists('txt, ips and cidrs: each its kinds, sorted and unique, nothing dropped silently', async () => {
  const catalog = mixedCatalog()
  const txt = exportCatalog(catalog, 'txt')
  assert.ok(body(txt.text).includes('*.powerbi.com') && body(txt.text).includes('https://atlas.microsoft.com'))
  assert.equal(txt.notes, [
    'txt: left out 2 IP addresses (an address: the format lists names): 2001:db8::7, 203.0.113.7',
    'txt: left out 1 CIDR range (an address range: the format lists names): 198.51.100.0/24',
    'txt: left out 1 reference (not a host or address): https://learn.microsoft.com/x#ids',
    'txt: left out 1 text destination (not a host or address): "Depends on content packs used"'
  ])
  assert.equal(exportCatalog(catalog, 'ips').text.split('\n').filter(Boolean), ['2001:db8::7', '203.0.113.7'])
  assert.equal(exportCatalog(catalog, 'cidrs').text.split('\n').filter(Boolean), ['198.51.100.0/24', '2001:db8::7/128', '203.0.113.7/32'])
  assert.equal(exportCatalog(catalog, 'ips', {filter: {kinds: ['host']}}).notes, [
    'ips: left out 6 hosts (a name: the format lists addresses): api.powerbi.com, app.mil.powerbigov.us, app.powerbi.cn, app.powerbi.com, app.powerbigov.us, powerbi.com',
    'ips: no entries'
  ])
  const newer = fixtureCatalog('urls-2023-09-29')
  const hosts = body(exportCatalog(newer, 'hosts').text)
  const urlHosts = newer.endpointSets.flatMap((set) => set.destinations.filter((d) => d.kind === 'url').map((d) => d.host!))
  assert.ok(urlHosts.length > 0 && urlHosts.every((host) => hosts.includes(host)), 'the hosts of URLs are exact hosts')
  assert.not.ok(hosts.some((host) => host.includes('*') || host.includes('/')))
  for (const name of ['urls-2018-08-10', 'urls-2023-09-29']) {
    const fixture = fixtureCatalog(name)
    const lines = body(exportCatalog(fixture, 'txt').text)
    assert.equal(lines, [...new Set(lines)].sort(), name)
    const expected = new Set(values(filterCatalog(fixture, {kinds: ['host', 'wildcard', 'url']})))
    assert.equal(new Set(lines), expected, name)
  }
})

lists('the command line writes the list to stdout and the counts to stderr', async () => {
  const run = await runCli(['export', 'generated/catalog.json', '--format', 'hosts', '--required'])
  assert.is(run.code, 0, run.stderr)
  assert.match(run.stdout, /^# endpoint-catalog: catalog version \d{10}, sha256:[0-9a-f]{64}, filter: --required\n/)
  assert.match(run.stdout, /^app\.powerbi\.com$/m)
  assert.match(run.stderr, /^hosts: left out \d+ wildcards? \(a wildcard, not an exact host name\): \*\.\S+(, \*\.\S+)*\nhosts: left out \d+ references? \(not a host or address\): https:\/\/\S+(, https:\/\/\S+)*\n$/)
})

const squid = suite('export squid')

squid('dstdomain lines: `.suffix` for a wildcard, exact hosts exact, never a name and its covering wildcard', async () => {
  const {text, notes} = exportCatalog(mixedCatalog(), 'squid', {filter: {cloud: 'public'}})
  const entries = body(text).map((line) => {
    const match = /^acl [a-z0-9_]+_endpoints(_domains dstdomain|_addresses dst| any-of) (\S+.*)$/.exec(line)
    assert.ok(match, line)
    return match![2]!
  })
  assert.equal(entries, ['atlas.microsoft.com', '.powerbi.com', '.virtualearth.net', '198.51.100.0/24', '203.0.113.7', '2001:db8::7', 'endpoint_catalog_endpoints_domains endpoint_catalog_endpoints_addresses'])
  assert.equal(notes, [
    'squid: left out 3 hosts (under a listed wildcard: Squid refuses both): api.powerbi.com, app.powerbi.com, powerbi.com',
    'squid: left out 1 wildcard (under a listed wildcard: Squid refuses both): *.a.virtualearth.net',
    'squid: left out 1 reference (not a host or address): https://learn.microsoft.com/x#ids',
    'squid: left out 1 text destination (not a host or address): "Depends on content packs used"'
  ])
  for (const name of ['urls-2018-08-10', 'urls-2023-09-29']) {
    const names = body(exportCatalog(fixtureCatalog(name), 'squid', {acl: 'pbi'}).text).filter((line) => line.includes(' dstdomain ')).map((line) => line.split(' ')[3]!)
    const domains = names.filter((entry) => entry.startsWith('.'))
    for (const entry of names) {
      const bare = entry.replace(/^\./, '')
      assert.not.ok(domains.some((domain) => domain !== entry && (bare === domain.slice(1) || bare.endsWith(domain))), `${name}: ${entry} is under a listed wildcard`)
    }
    assert.ok(domains.length > 0, name)
  }
})

squid('a wildcard of two labels or more is left out, named: under a listed wildcard, or because dstdomain cannot say it', () => {
  const catalog = handCatalog([{section: 'S', purpose: 'P', destinations: [
    {kind: 'wildcard', value: '*.live.example'},
    {kind: 'wildcard', value: '*.*.files.live.example'},
    {kind: 'wildcard', value: '*.*.storage.example'}
  ]}])
  const {text, notes} = exportCatalog(catalog, 'squid', {acl: 'a'})
  assert.equal(body(text).filter((line) => line.includes(' dstdomain ')), ['acl a dstdomain .live.example'])
  assert.equal(notes, [
    'squid: left out 1 wildcard (a wildcard of two labels or more: dstdomain has only `.domain`, which would allow more): *.*.storage.example',
    'squid: left out 1 wildcard (under a listed wildcard, which allows it): *.*.files.live.example'
  ])
})

const directions = suite('export directions')

directions('allow-lists take outbound sets and name the inbound ones they leave out; --direction inbound lists those; csv carries both', () => {
  const catalog = handCatalog([
    {section: 'S', purpose: 'Out', destinations: [{kind: 'host', value: 'out.sample-endpoints.net'}, {kind: 'ip', value: '192.0.2.1'}]},
    {section: 'S', purpose: 'In', destinations: [{kind: 'ip', value: '198.51.100.7'}]}
  ])
  catalog.endpointSets[1]!.direction = 'inbound'
  catalog.endpointSets[0]!.condition = 'If you use the wizard'
  const ips = exportCatalog(catalog, 'ips')
  assert.equal(body(ips.text), ['192.0.2.1'])
  assert.equal(ips.notes.at(-1), 'ips: left out 1 inbound endpoint set (sources of traffic into your network, not destinations; --direction inbound lists them)')
  const inbound = exportCatalog(catalog, 'ips', {filter: {direction: 'inbound'}})
  assert.equal([body(inbound.text), inbound.notes.filter((note) => note.includes('inbound'))], [['198.51.100.7'], []])
  const csv = exportCatalog(catalog, 'csv').text.split('\r\n')
  assert.ok(csv[0]!.endsWith(',direction,condition'))
  assert.ok(csv[1]!.endsWith(',outbound,If you use the wizard'), csv[1])
  assert.ok(csv[3]!.endsWith(',inbound,'), csv[3])
})

const edl = suite('export edl')

edl('PAN-OS URL list: no scheme, no port, a trailing slash, wildcards as *.example.com/', async () => {
  const catalog = handCatalogWithPorts()
  const {text, notes} = exportCatalog(catalog, 'edl')
  assert.equal(text.split('\n').filter(Boolean), ['*.powerbi.com/', 'app.powerbi.com/', 'atlas.microsoft.com/', 'maps.example.com/tiles/'])
  assert.equal(notes, [
    'edl: left out 1 wildcard (every host: PAN-OS takes no entry for it): *',
    'edl: left out 1 IP address (an address: a URL list holds names; `--format cidrs` writes addresses for an IP list): 203.0.113.7',
    'edl: rewrote 1 URL: port, query or fragment dropped (PAN-OS matches host and path)'
  ])
  for (const name of ['urls-2018-08-10', 'urls-2023-09-29']) {
    for (const line of exportCatalog(fixtureCatalog(name), 'edl').text.trimEnd().split('\n')) {
      assert.match(line, /^(\*\.)?[a-z0-9_.-]+(\/[^\s]*)?$/, name)
      assert.ok(line.length <= 255 && !line.includes('://') && line.endsWith('/'), line)
    }
  }
})

function handCatalogWithPorts(): Catalog {
  const catalog = mixedCatalog()
  catalog.endpointSets = [
    {
      ...catalog.endpointSets[0]!,
      destinations: [
        {kind: 'host', value: 'app.powerbi.com'},
        {kind: 'wildcard', value: '*.powerbi.com'},
        {kind: 'wildcard', value: '*'},
        {kind: 'url', value: 'https://atlas.microsoft.com', host: 'atlas.microsoft.com'},
        {kind: 'url', value: 'https://maps.example.com:8443/tiles/?v=1', host: 'maps.example.com'},
        {kind: 'ip', value: '203.0.113.7'}
      ]
    }
  ]
  return catalog
}

const pac = suite('export pac')

/** Run a PAC file's FindProxyForURL in a fresh context with the two helpers browsers provide. */
function runPac(text: string): {find: (host: string) => string; context: Record<string, unknown>} {
  const context: Record<string, unknown> = {
    dnsDomainIs: (host: string, domain: string) => host.length >= domain.length && host.substring(host.length - domain.length) === domain,
    shExpMatch: (value: string, pattern: string) =>
      new RegExp('^' + pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.') + '$').test(value)
  }
  createContext(context)
  new Script(text).runInContext(context)
  const find = context['FindProxyForURL'] as (url: string, host: string) => string
  return {find: (host) => find(`https://${host}/`, host), context}
}

pac('selected hosts go DIRECT (or --proxy), everything else to --default; a look-alike never matches', async () => {
  const fallback = 'PROXY proxy.corp.example:8080'
  const {find} = runPac(exportCatalog(fixtureCatalog('urls-2023-09-29'), 'pac', {fallback}).text)
  assert.is(find('app.powerbi.com'), 'DIRECT', 'a listed host')
  assert.is(find('APP.PowerBI.com.'), 'DIRECT', 'case and a trailing dot do not matter')
  assert.is(find('tenant.analysis.windows.net'), 'DIRECT', 'a subdomain under a wildcard')
  assert.is(find('evilpowerbi.com'), fallback, 'a look-alike')
  assert.is(find('powerbi.com.evil.example'), fallback, 'a listed name as a prefix')
  assert.is(find('analysis.windows.net'), fallback, 'a wildcard does not cover its own apex')
  const proxied = runPac(exportCatalog(fixtureCatalog('urls-2023-09-29'), 'pac', {proxy: 'PROXY pbi.corp.example:3128; DIRECT'}).text)
  assert.is(proxied.find('app.powerbi.com'), 'PROXY pbi.corp.example:3128; DIRECT')
  assert.is(proxied.find('example.org'), 'DIRECT')
})

pac('a wildcard of two labels or more matches names two labels or more under its domain, not one', () => {
  const catalog = handCatalog([{section: 'S', purpose: 'P', destinations: [{kind: 'wildcard', value: '*.*.storage.example'}]}])
  const {find} = runPac(exportCatalog(catalog, 'pac', {fallback: 'PROXY p:1'}).text)
  assert.is(find('a.b.storage.example'), 'DIRECT')
  assert.is(find('a.b.c.storage.example'), 'DIRECT')
  assert.is(find('a.storage.example'), 'PROXY p:1')
  assert.is(find('storage.example'), 'PROXY p:1')
  assert.is(find('a.b.evilstorage.example'), 'PROXY p:1')
  assert.equal(body(exportCatalog(catalog, 'txt').text), ['*.*.storage.example'])
})

pac('a host only under a wildcard the newer revision removed goes to the default', async () => {
  const older = fixtureCatalog('urls-2018-08-10')
  const newer = fixtureCatalog('urls-2023-09-29')
  const newerValues = new Set(values(newer))
  const removed = values(older).filter((value) => value.startsWith('*.') && !newerValues.has(value))
  const oldPac = runPac(exportCatalog(older, 'pac', {fallback: 'PROXY p:1'}).text)
  const newPac = runPac(exportCatalog(newer, 'pac', {fallback: 'PROXY p:1'}).text)
  const covered = (host: string): boolean => [...newerValues].some((value) => value === host || (value.startsWith('*.') && host.endsWith(value.slice(1))))
  const probes = removed.map((wildcard) => 'probe-host' + wildcard.slice(1)).filter((host) => !covered(host))
  assert.ok(probes.length > 0, 'the shared revisions remove a wildcard')
  for (const host of probes) {
    assert.is(oldPac.find(host), 'DIRECT', host)
    assert.is(newPac.find(host), 'PROXY p:1', host)
  }
})

pac('the filter decides what is selected; the header says which', async () => {
  const text = exportCatalog(mixedCatalog(), 'pac', {fallback: 'PROXY p:1', filter: {cloud: 'china'}}).text
  assert.match(text.split('\n')[0]!, /filter: --cloud china$/)
  const {find} = runPac(text)
  assert.is(find('app.powerbi.cn'), 'DIRECT')
  assert.is(find('app.powerbi.com'), 'PROXY p:1')
})

filters.run()
lists.run()
squid.run()
directions.run()
edl.run()
pac.run()
