// An ExpressRoute page speaks for its own product: the Power BI page routes Power BI's destinations,
// and a destination of a product with no ExpressRoute page has route `unknown`, which no `--route`
// selects and which m365 records report as `expressRoute: false`, counted on stderr.
import {readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import * as assert from 'uvu/assert'
import {suite} from 'uvu'
import {compile, exportCatalog, filterCatalog, validate, type Catalog, type M365Endpoints} from '../src/index.js'
import {cli} from './helpers/cli.js'

const pagesDirectory = 'examples/family/pages'
const read = (names: string[]) => names.map((name) => ({path: join(pagesDirectory, name), value: readFileSync(join(pagesDirectory, name))}))
const family = (): Catalog => compile(read(readdirSync(pagesDirectory).sort())).catalog

const scope = suite('expressroute scope')

/** Every routed destination's product and route. */
const routes = (catalog: Catalog): Array<{service: string; value: string; route: string}> =>
  catalog.endpointSets.flatMap((set) => set.destinations.flatMap((d) => (d.expressRoute ? [{service: set.service!, value: d.value, route: d.expressRoute.route}] : [])))

scope('the Power BI ExpressRoute page routes Power BI only; other products are `unknown`', () => {
  const catalog = family()
  assert.equal(validate(catalog), [])
  const all = routes(catalog)
  for (const {service, value, route} of all) {
    if (service === 'power-bi') assert.ok(route === 'internet' || route === 'expressroute', `${value}: ${route}`)
    else assert.is(route, 'unknown', `${service} ${value}`)
  }
  // Intune lists hosts under `*.microsoft.com`, which a Power BI exception covers: not Power BI's to route.
  const intune = all.filter((entry) => entry.service === 'intune')
  assert.ok(intune.length > 0)
  const unrouted = catalog.endpointSets.filter((set) => set.service === 'intune').flatMap((set) => set.destinations).filter((d) => d.expressRoute !== undefined)
  assert.ok(unrouted.every((d) => d.expressRoute!.exceptions.length === 0))
  // Power BI destinations are routed as the page says.
  assert.ok(all.some((entry) => entry.service === 'power-bi' && entry.route === 'internet'))
  assert.ok(all.some((entry) => entry.service === 'power-bi' && entry.route === 'expressroute'))
  // Exceptions carry the product of their page.
  assert.ok(catalog.expressRoute.exceptions.length > 0 && catalog.expressRoute.exceptions.every((exception) => exception.service === 'power-bi'))
})

scope('without an ExpressRoute page no destination has a route, as before', () => {
  const catalog = compile(read(['intune-endpoints.md', 'power-bi-us-government.md'])).catalog
  assert.equal(routes(catalog), [])
})

scope('--route leaves `unknown` out; CSV and JSON say `unknown`', () => {
  const catalog = family()
  for (const route of ['internet', 'expressroute'] as const) {
    const kept = filterCatalog(catalog, {route})
    assert.ok(kept.endpointSets.length > 0)
    assert.ok(kept.endpointSets.every((set) => set.service === 'power-bi'), route)
  }
  const run = cli(['export', pagesDirectory, '--format', 'hosts', '--route', 'expressroute', '--quiet'])
  assert.is(run.code, 0, run.stderr)
  const hosts = run.stdout.split('\n').filter((line) => line !== '' && !line.startsWith('#'))
  assert.ok(hosts.length > 0)
  // Intune's and Azure Virtual Desktop's hosts are not said to go over ExpressRoute.
  for (const host of ['manage.microsoft.com', 'config.office.com', 'login.microsoftonline.com']) assert.not.ok(hosts.includes(host), host)
  const records = JSON.parse(exportCatalog(catalog, 'json').text) as Array<{service: string; expressRoute: string}>
  assert.ok(records.some((record) => record.service === 'intune' && record.expressRoute === 'unknown'))
  assert.ok(records.filter((record) => record.service !== 'power-bi').every((record) => record.expressRoute === 'unknown' || record.expressRoute === ''))
  const csv = exportCatalog(catalog, 'csv').text.split('\r\n')
  assert.ok(csv.some((line) => line.endsWith(',unknown,intune,public,outbound,')), 'an Intune CSV line says unknown')
})

scope('m365: a product without an ExpressRoute page says expressRoute false, counted on stderr', () => {
  const catalog = family()
  const {text, notes} = exportCatalog(catalog, 'm365')
  const records = JSON.parse(text) as M365Endpoints
  const routed = records.filter((record) => record.expressRoute)
  assert.ok(routed.length > 0)
  assert.ok(routed.every((record) => record.serviceArea === 'PowerBI'), routed.map((record) => record.serviceArea).join(' '))
  const note = notes.find((line) => line.includes('no ExpressRoute page'))
  assert.ok(note, notes.join('\n'))
  // Counted: the other products' sets with a host, wildcard or URL (a set of only references has no route).
  const count = catalog.endpointSets.filter((set) => set.service !== 'power-bi' && set.destinations.some((d) => d.expressRoute !== undefined)).length
  assert.ok(count > 0 && count < records.length)
  assert.match(note!, new RegExp(`^m365: ${count} endpoint sets say expressRoute: false because their products have no ExpressRoute page \\(azure-virtual-desktop, data-gateway, intune\\)$`))
})

scope.run()
