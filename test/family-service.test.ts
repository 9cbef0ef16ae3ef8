// The product is a dimension of the catalog, like the cloud: each page of the shared family names
// its product, exports and diffs select by it, and the formats that name the catalog or a service
// area take it from the pages, not from a product written in code.
import {mkdirSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {XMLParser} from 'fast-xml-parser'
import * as assert from 'uvu/assert'
import {suite} from 'uvu'
import {compile, exportCatalog, filterCatalog, parseConfig, release, renderReleases, type Catalog, type M365Endpoints} from '../src/index.js'
import {catalogName} from '../src/compile/service.js'
import {atomFeedId} from '../src/format/atom.js'
import {cli} from './helpers/cli.js'
import {temporaryDirectory} from './helpers/temporary.js'

const pagesDirectory = 'examples/family/pages'
const pages = readdirSync(pagesDirectory)
  .sort()
  .map((name) => ({path: join(pagesDirectory, name), value: readFileSync(join(pagesDirectory, name))}))
const family = (): Catalog => compile(pages).catalog

/** Every shared page of the wild set (test copies of /work/shared/corpus/wild), by fixture name. */
const wild = readdirSync('test/fixtures/compile')
  .filter((name) => name.startsWith('wild-'))
  .map((name) => ({name, path: join('test/fixtures/compile', name, 'input.md')}))

const products = suite('family: products')

products('each shared page names its product, from its front matter or title', () => {
  const expected: Record<string, string> = {
    'wild-autopilot-networking': 'windows-autopilot',
    'wild-avd-safe-urls': 'azure-virtual-desktop',
    'wild-fabric-allowlist': 'fabric',
    'wild-gateway-communication': 'data-gateway',
    'wild-govus': 'power-bi',
    'wild-intune-endpoints': 'intune',
    'wild-m365-additional-endpoints': 'microsoft-365',
    'wild-power-platform-urls': 'power-platform',
    'wild-powerapps-usgov': 'power-platform',
    'wild-win11-endpoints': 'windows'
  }
  assert.equal(wild.map(({name}) => name).sort(), Object.keys(expected).sort())
  for (const {name, path} of wild) {
    const {catalog} = compile([{path, value: readFileSync(path)}])
    assert.is(catalog.sources[0]!.service, expected[name], name)
    // Every endpoint set and every exception carries its page's product.
    assert.ok(catalog.endpointSets.length > 0, name)
    for (const set of catalog.endpointSets) assert.is(set.service, expected[name], `${name} ${set.id}`)
  }
  const pair = compile(['power-bi-urls/2018-08-10.md', 'power-bi-expressroute/2018-11-28.md'].map((name) => ({path: name, value: readFileSync(join('test/fixtures/compile', name.startsWith('power-bi-urls') ? 'urls-2018-08-10' : 'expressroute-2018-11-28', 'input.md'))}))).catalog
  assert.equal([...new Set([...pair.endpointSets, ...pair.expressRoute.exceptions].map((item) => item.service))], ['power-bi'])
  assert.is(catalogName(pair), 'Power BI')
  assert.is(pair.sources[0]!.serviceName, 'Power BI')
})

products('endpoint-catalog.yaml sets a page\'s product by glob, and names the catalog', () => {
  const config = parseConfig(
    ['name: Contoso gateway allow-list', 'services:', '  - pages: "**/data-gateway-*.md"', '    service: contoso-gateway', '    name: Contoso gateway', '  - pages: "**/intune-*.md"', '    service: intune'].join('\n'),
    'endpoint-catalog.yaml'
  )
  const {catalog} = compile(pages, {services: config.services!, name: config.name!})
  const byPath = Object.fromEntries(catalog.sources.map((source) => [source.path.split('/').pop(), [source.service, source.serviceName]]))
  assert.equal(byPath['data-gateway-communication.md'], ['contoso-gateway', 'Contoso gateway'])
  assert.equal(byPath['intune-endpoints.md'], ['intune', 'Microsoft Intune'])
  assert.equal(byPath['azure-virtual-desktop-safe-urls.md'], ['azure-virtual-desktop', 'Azure Virtual Desktop'])
  assert.is(catalog.name, 'Contoso gateway allow-list')
  // The product is not content: the same rows under another product keep the content hash.
  assert.is(catalog.contentHash, family().contentHash)
  // Without a name, the catalog is named after its products.
  assert.is(family().name, undefined)
  assert.is(catalogName(family()), 'Azure Virtual Desktop, Microsoft Intune, On-premises data gateway and Power BI')
  assert.is(catalogName(filterCatalog(family(), {services: ['intune']})), 'Microsoft Intune')
  assert.is(compile([{path: 'x.md', value: '| Purpose | Destination |\n| --- | --- |\n| Sync | a.sample-endpoints.com |\n'}]).catalog.sources[0]!.service, 'unknown')
})

const filters = suite('family: --service')

filters('export and the library keep only the products asked for', () => {
  const catalog = family()
  const intune = filterCatalog(catalog, {services: ['intune']})
  assert.ok(intune.endpointSets.length > 0)
  assert.ok(intune.endpointSets.every((set) => set.service === 'intune'))
  const two = filterCatalog(catalog, {services: ['intune', 'power-bi']})
  assert.equal([...new Set(two.endpointSets.map((set) => set.service))].sort(), ['intune', 'power-bi'])
  assert.is(two.endpointSets.length, intune.endpointSets.length + filterCatalog(catalog, {services: ['power-bi']}).endpointSets.length)

  const run = cli(['export', pagesDirectory, '--format', 'txt', '--service', 'data-gateway', '--cloud', 'china', '--quiet'])
  assert.is(run.code, 0, run.stderr)
  const hosts = run.stdout.split('\n').filter((line) => line !== '' && !line.startsWith('#'))
  assert.match(run.stdout, /^# endpoint-catalog: catalog version \d{10}, sha256:[0-9a-f]{64}, filter: --service data-gateway --cloud china\n/)
  assert.ok(hosts.includes('*.powerbi.cn'), hosts.join(' '))
  assert.ok(hosts.every((host) => !host.endsWith('.us') && !host.includes('usgovcloudapi')), hosts.join(' '))
})

filters('an unknown product is a usage error that lists the catalog\'s products, as --cloud lists the clouds', () => {
  const run = cli(['export', pagesDirectory, '--format', 'csv', '--service', 'fabric', '--quiet'])
  assert.is(run.code, 2)
  assert.match(run.stderr, /^endpoint-catalog: --service fabric: expected one of azure-virtual-desktop, data-gateway, intune, power-bi \(the catalog's products\)\n/m)
  const cloud = cli(['export', pagesDirectory, '--format', 'csv', '--cloud', 'mars', '--quiet'])
  assert.match(cloud.stderr, /--cloud mars: expected one of public, usgov-gcc, usgov-gcchigh, usgov-dod, china/)
  const empty = cli(['export', pagesDirectory, '--format', 'csv', '--service', ',', '--quiet'])
  assert.is(empty.code, 2)
  assert.match(empty.stderr, /--service needs a product id/)
})

filters('diff compares one product of two revisions', () => {
  const directory = temporaryDirectory('family-service')
  const intune = readFileSync(join(pagesDirectory, 'intune-endpoints.md'), 'utf8')
  const avd = readFileSync(join(pagesDirectory, 'azure-virtual-desktop-safe-urls.md'), 'utf8')
  // The new revision lists one more Intune host: a diff of Azure Virtual Desktop alone sees nothing.
  const changed = intune.replace('| login.microsoftonline.com', '| login.microsoftonline.com<br>new.manage.microsoft.com')
  assert.ok(changed !== intune)
  for (const side of ['old', 'new']) mkdirSync(join(directory, side))
  writeFileSync(join(directory, 'old/intune.md'), intune)
  writeFileSync(join(directory, 'old/avd.md'), avd)
  writeFileSync(join(directory, 'new/intune.md'), changed)
  writeFileSync(join(directory, 'new/avd.md'), avd)
  const all = cli(['diff', 'old', 'new', '--format', 'json'], directory)
  assert.is(all.code, 0, all.stderr)
  assert.ok((JSON.parse(all.stdout) as {changes: Array<{destination?: {value: string}}>}).changes.some((change) => change.destination?.value === 'new.manage.microsoft.com'))
  const avdOnly = cli(['diff', 'old', 'new', '--format', 'json', '--service', 'azure-virtual-desktop'], directory)
  assert.is(avdOnly.code, 0, avdOnly.stderr)
  assert.equal((JSON.parse(avdOnly.stdout) as {changes: unknown[]}).changes, [])
  const unknown = cli(['diff', 'old', 'new', '--service', 'windows'], directory)
  assert.is(unknown.code, 2)
  assert.match(unknown.stderr, /--service windows: expected one of azure-virtual-desktop, intune \(the catalog's products\)/)
})

const exports = suite('family: exports name the product')

exports('CSV and JSON carry each destination\'s product and clouds', () => {
  const catalog = family()
  const header = exportCatalog(catalog, 'csv').text.split('\r\n')[0]
  assert.is(header, 'id,section,purpose,requirement,kind,destination,ports,expressRoute,service,clouds,direction,condition')
  const records = JSON.parse(exportCatalog(catalog, 'json').text) as Array<{destination: string; service: string; clouds: string[]}>
  // The US Government page's GCC High host and the public host read apart.
  const gcchigh = records.find((record) => record.destination === 'https://app.high.powerbigov.us')
  assert.ok(gcchigh, 'https://app.high.powerbigov.us is listed')
  assert.equal(gcchigh!.clouds, ['usgov-gcchigh'])
  assert.is(gcchigh!.service, 'power-bi')
  const intune = records.find((record) => record.service === 'intune')
  assert.ok(intune)
  assert.equal(new Set(records.map((record) => record.service)), new Set(['azure-virtual-desktop', 'data-gateway', 'intune', 'power-bi']))
  const csv = exportCatalog(catalog, 'csv').text.split('\r\n')
  assert.ok(csv.some((line) => line.includes(',https://app.high.powerbigov.us,') && line.endsWith(',power-bi,usgov-gcchigh,outbound,')), 'the CSV line of a GCC High host')
})

exports('m365 records take their service area from their product, and their category from the page', () => {
  const run = exportCatalog(family(), 'm365')
  const records = JSON.parse(run.text) as M365Endpoints
  const areas = new Set(records.map((record) => `${record.serviceArea} ${record.serviceAreaDisplayName}`))
  assert.equal([...areas].sort(), ['AzureVirtualDesktop Azure Virtual Desktop', 'MicrosoftIntune Microsoft Intune', 'OnPremisesDataGateway On-premises data gateway', 'PowerBI Power BI'])
  // No shared page here has a Category column: every record says Default, unless asked otherwise.
  assert.ok(records.every((record) => record.category === 'Default'))
  const allow = JSON.parse(exportCatalog(family(), 'm365', {category: 'Allow'}).text) as M365Endpoints
  assert.ok(allow.every((record) => record.category === 'Allow'))

  const categories = compile([
    {
      path: 'm365.md',
      value: ['---', 'title: Microsoft 365 URLs and IP address ranges', 'ms.service: microsoft-365-enterprise', 'ms.date: 01/02/2022', '---', '', '## Exchange Online', '', '| ID | Category | ER | Addresses | Ports |', '| --- | --- | --- | --- | --- |', '| 1 | Optimize<BR>Required | Yes | outlook.office.com | **TCP:** 443 |', '| 2 | Allow<BR>Required | Yes | smtp.office365.com | **TCP:** 587 |', '| 3 | Default<BR>Optional | No | r1.res.office365.net | **TCP:** 443 |', ''].join('\n')
    }
  ]).catalog
  const stated = JSON.parse(exportCatalog(categories, 'm365', {category: 'Allow'}).text) as M365Endpoints
  assert.equal(stated.map((record) => record.category), ['Optimize', 'Allow', 'Default'])
  assert.equal(stated.map((record) => record.serviceArea), ['Microsoft365', 'Microsoft365', 'Microsoft365'])

  const usage = cli(['export', pagesDirectory, '--format', 'm365', '--category', 'Sometimes', '--quiet'])
  assert.is(usage.code, 2)
  assert.match(usage.stderr, /--category Sometimes: expected one of Optimize, Allow, Default/)
  const notM365 = cli(['export', pagesDirectory, '--format', 'csv', '--category', 'Allow', '--quiet'])
  assert.match(notM365.stderr, /--category is an option of --format m365/)
})

exports('the Squid ACL and the Atom feed are named after the catalog', () => {
  const catalog = family()
  const squid = exportCatalog(catalog, 'squid').text.split('\n')[1]
  assert.match(squid!, /^acl azure_virtual_desktop_microsoft_intune_on_endpoints(_domains)? dstdomain /)
  const named = compile(pages, {name: 'Contoso'}).catalog
  assert.match(exportCatalog(named, 'squid').text.split('\n')[1]!, /^acl contoso_endpoints(_domains)? dstdomain /)
  const powerBi = compile(pages.filter((page) => page.path.includes('power-bi'))).catalog
  assert.match(exportCatalog(powerBi, 'squid').text.split('\n')[1]!, /^acl power_bi_endpoints dstdomain /)
  // A catalog narrowed to one product is named after it; a configured name stays.
  assert.match(exportCatalog(catalog, 'squid', {filter: {services: ['intune']}}).text.split('\n')[1]!, /^acl microsoft_intune_endpoints(_domains)? dstdomain /)
  assert.match(exportCatalog(named, 'squid', {filter: {services: ['intune']}}).text.split('\n')[1]!, /^acl contoso_endpoints(_domains)? dstdomain /)

  const published = release(catalog, undefined)
  const parse = (xml: string) => (new XMLParser({ignoreAttributes: false}).parse(xml) as {feed: {id: string; title: string; link?: {'@_rel': string; '@_href': string}}}).feed
  const feed = parse(renderReleases(published.feed.versions, published.feed, 'atom', undefined, {name: catalogName(catalog)}).text)
  assert.is(feed.title, `${catalogName(catalog)}: endpoint changes`)
  assert.is(feed.id, atomFeedId(catalogName(catalog)))
  assert.ok(feed.id !== atomFeedId('Power BI'), 'two catalogs, two feeds')
  assert.is(feed.link, undefined)
  const linked = parse(renderReleases(published.feed.versions, published.feed, 'atom', undefined, {name: 'Contoso', selfUrl: 'https://sample-endpoints.org/feeds/changes.atom?a=1&b=2'}).text)
  assert.equal(linked.link, {'@_rel': 'self', '@_type': 'application/atom+xml', '@_href': 'https://sample-endpoints.org/feeds/changes.atom?a=1&b=2'})
})

exports('build names its Atom feed from endpoint-catalog.yaml: name and feedUrl', () => {
  const directory = temporaryDirectory('family-service')
  writeFileSync(join(directory, 'endpoint-catalog.yaml'), 'name: Contoso endpoints\nfeedUrl: https://sample-endpoints.org/changes.atom\n')
  mkdirSync(join(directory, 'pages'))
  writeFileSync(join(directory, 'pages/intune.md'), readFileSync(join(pagesDirectory, 'intune-endpoints.md')))
  const run = cli(['build', '--source', 'pages', '--out', 'out', '--quiet'], directory)
  assert.is(run.code, 0, run.stderr)
  const atom = readFileSync(join(directory, 'out/changes.atom'), 'utf8')
  assert.match(atom, /<title>Contoso endpoints: endpoint changes<\/title>/)
  assert.match(atom, /<link rel="self" type="application\/atom\+xml" href="https:\/\/sample-endpoints\.org\/changes\.atom"\/>/)
  assert.is(JSON.parse(readFileSync(join(directory, 'out/catalog.json'), 'utf8')).name, 'Contoso endpoints')
  const changes = cli(['changes', '--since', '0000000000', 'out/changes.json', '--format', 'atom'], directory)
  assert.is(changes.stdout, atom)
})

products.run()
filters.run()
exports.run()
