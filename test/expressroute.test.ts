// The ExpressRoute page: its tables and prose exceptions, and the routing status of destinations.
import {readFileSync} from 'node:fs'
import * as assert from 'uvu/assert'
import {suite} from 'uvu'
import {scopeOf} from '../src/compile/expressroute.js'
import {compile} from '../src/index.js'

const er = suite('expressroute')

const expressroute = [
  '---',
  'title: Power BI and ExpressRoute',
  'ms.date: 11/28/2018',
  '---',
  '# Power BI and ExpressRoute',
  '### Power BI SaaS Application and ExpressRoute',
  '* **Map visuals** require Bing over the public Internet.',
  '',
  '| User Activity | Destination |',
  '| --- | --- |',
  '| Login |`*.msecnd.com ; login.sample-endpoints.com ` |',
  '',
  '### Power BI PaaS and ExpressRoute',
  '| PaaS Activity | Additional destinations used |',
  '| --- | --- |',
  '| Custom visuals (CDN) |`*.azureedge.net` |',
  ''
].join('\n')

const urls = [
  '---',
  'title: Power BI URLs',
  'ms.date: 08/10/2018',
  '---',
  '## General',
  '| Purpose | Destination | Port |',
  '| --- | --- | --- |',
  '| **Required:** Portal | login.sample-endpoints.com, cdn.msecnd.com, *.sample-endpoints.com, other.sample-endpoints.net, visuals.azureedge.net | TCP 443 |',
  '| **Required:** Docs | [docs](https://sample-endpoints.com/docs) | N/A |',
  ''
].join('\n')

er('tables and bullets become scoped exceptions with their source line', () => {
  const {catalog} = compile([{path: 'er.md', value: expressroute}])
  assert.equal(
    catalog.expressRoute.exceptions.map((e) => [e.scope, e.kind, e.activity, e.destinations.map((d) => d.value), e.source.line]),
    [
      ['saas', 'prose', 'Map visuals require Bing over the public Internet.', [], 7],
      ['saas', 'table', 'Login', ['*.msecnd.com', 'login.sample-endpoints.com'], 11],
      ['paas', 'table', 'Custom visuals (CDN)', ['*.azureedge.net'], 16]
    ]
  )
  assert.is(catalog.expressRoute.exceptions[0]?.subject, 'Map visuals')
  assert.equal(catalog.sources.map((s) => s.page), ['expressroute'])
})

er('every URL destination gets its routing: exact host, covering wildcard, covered wildcard, or none', () => {
  const {catalog} = compile([
    {path: 'urls.md', value: urls},
    {path: 'er.md', value: expressroute}
  ])
  const routes = Object.fromEntries(
    catalog.endpointSets.flatMap((s) => s.destinations).map((d) => [d.value, d.expressRoute ? [d.expressRoute.route, d.expressRoute.exceptions.map((m) => m.pattern)] : null])
  )
  assert.equal(routes, {
    'login.sample-endpoints.com': ['internet', ['login.sample-endpoints.com']],
    'cdn.msecnd.com': ['internet', ['*.msecnd.com']],
    '*.sample-endpoints.com': ['internet', ['login.sample-endpoints.com']],
    'other.sample-endpoints.net': ['expressroute', []],
    'visuals.azureedge.net': ['internet', ['*.azureedge.net']],
    'https://sample-endpoints.com/docs': null
  })
  const login = catalog.endpointSets[0]?.destinations[0]?.expressRoute?.exceptions[0]
  assert.is(login?.activity, 'Login')
  assert.is(login?.exception, catalog.expressRoute.exceptions[1]?.id)
})

er('without an ExpressRoute page, destinations carry no routing', () => {
  const {catalog} = compile([{path: 'urls.md', value: urls}])
  assert.ok(catalog.endpointSets.flatMap((s) => s.destinations).every((d) => d.expressRoute === undefined))
})

er('headings name scopes', () => {
  assert.equal(
    [
      'Overall Exceptions to Power BI and ExpressRoute',
      'Power BI SaaS Application and ExpressRoute',
      'Power BI Desktop and ExpressRoute',
      'Power BI PaaS and ExpressRoute',
      'Power BI Mobile and ExpressRoute',
      'On-premises data gateway and ExpressRoute',
      'Enterprise Gateway and ExpressRoute',
      'Next steps'
    ].map(scopeOf),
    ['overall', 'saas', 'desktop', 'paas', 'mobile', 'gateway', 'gateway', 'other']
  )
})

er('the docs-source catalog routes the hosts the ExpressRoute page names over the Internet', () => {
  const pages = ['docs-source/power-bi-urls.md', 'docs-source/power-bi-expressroute.md']
  const {catalog} = compile(pages.map((path) => ({path, value: readFileSync(path)})))
  const route = (value: string) => catalog.endpointSets.flatMap((s) => s.destinations).find((d) => d.value === value)?.expressRoute?.route
  assert.is(route('app.powerbi.com'), 'internet')
  assert.is(route('*.azureedge.net'), 'internet')
  assert.is(route('dc.services.visualstudio.com'), 'internet')
  assert.is(route('nps.onyx.azure.net'), 'expressroute')
})

er.run()
