// The family of endpoint page formats: columns, requirement forms, clouds, ports and notations as
// real pages write them, each on a small page.
import {readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import * as assert from 'uvu/assert'
import {suite} from 'uvu'
import {compile, diff, type Catalog} from '../src/index.js'
import {exportCatalog} from '../src/format/export.js'
import {compileText, rules} from './helpers/compile.js'

const page = (header: string, rows: string[], {title = 'Power BI URLs', before = ''} = {}) =>
  ['---', `title: ${title}`, 'ms.date: 01/02/2020', '---', '', '## Section', '', before, '', header, '|' + ' --- |'.repeat(header.split('|').length - 2), ...rows, ''].join('\n')
const lines = (catalog: Catalog) =>
  catalog.endpointSets.map((set) => ({
    requirement: set.requirement,
    purpose: set.purpose,
    ports: set.ports.map((p) => `${p.protocol}/${p.port}${p.to ? '-' + p.to : ''}`),
    destinations: set.destinations.map((d) => `${d.kind}:${d.value}${d.clouds?.join(',') === 'public' ? '' : ' [' + d.clouds?.join(',') + ']'}${d.ports ? ' :' + d.ports.map((p) => p.port).join(',') : ''}${d.note ? ' (' + d.note + ')' : ''}`)
  }))

const columns = suite('family: columns')

columns('destination columns by many names, two in one table, ports by header protocol', () => {
  const catalog = compileText(page('| Address | Outbound TCP port | Purpose | Service Tag |', ['| *.wvd.microsoft.com | 443 | Service traffic | WindowsVirtualDesktop |']))
  assert.equal(lines(catalog), [{requirement: 'unknown', purpose: 'Service traffic', ports: ['tcp/443'], destinations: ['wildcard:*.wvd.microsoft.com']}])
  assert.not.ok(rules(catalog).includes('port-protocol-assumed'), 'the header names the protocol')
  assert.equal(catalog.endpointSets[0]!.attributes, {'Service Tag': 'WindowsVirtualDesktop'})
  const two = compileText(page('| Domains | IP address |', ['| portal.manage.microsoft.com | 52.175.12.209<br>20.188.107.0/24 |']))
  assert.equal(lines(two)[0]!.destinations, ['host:portal.manage.microsoft.com', 'ip:52.175.12.209', 'cidr:20.188.107.0/24'])
})

columns('a protocol column gives bare ports their protocol, or ports where there are none', () => {
  const udp = compileText(page('| Used for | Hostname (IP address/subnet) | Protocol | Port |', ['| Media | a.sample-endpoints.com | UDP | 3343 |']))
  assert.equal(lines(udp)[0]!.ports, ['udp/3343'])
  const service = compileText(page('| Service | Destination | Port |', ['| UDP | a.sample-endpoints.com | 3343 |']))
  assert.equal(lines(service)[0]!.ports, ['udp/3343'])
  const implied = compileText(page('| Area | Description | Protocol | Destination |', ['| Apps | Weather | TLSv1.2/HTTPS/HTTP | tile.sample-endpoints.com |']))
  assert.equal(lines(implied)[0]!.ports, ['tcp/80', 'tcp/443'])
  assert.ok(rules(implied).includes('port-from-protocol'))
})

columns('merged cells: an empty Area and purpose repeat the ones above; a new Area starts afresh', () => {
  const catalog = compileText(
    page('| Area | Description | Protocol | Destination |', ['| Maps | | | [Learn how](x.md) |', '| | Offline maps | HTTPS | maps.sample-endpoints.com |', '| | | HTTP | tiles.sample-endpoints.com |', '| Fonts | | | fonts.sample-endpoints.com |'])
  )
  assert.equal(
    catalog.endpointSets.map((set) => [set.purpose, set.attributes?.['Area']]),
    [['', 'Maps'], ['Offline maps', 'Maps'], ['Offline maps', 'Maps'], ['', 'Fonts']]
  )
})

columns('a row of only a purpose heads the rows below it', () => {
  const catalog = compileText(page('| Purpose | Endpoint | Port |', ['| **For outbound connections** | | |', '| **Required**: Portal | *.powerbi.com | TCP 443 |']))
  assert.equal(catalog.endpointSets.length, 1)
  assert.equal(catalog.endpointSets[0]!.attributes, {group: 'For outbound connections'})
  assert.ok(rules(catalog).includes('table-row-heading'))
})

columns('tables without edge pipes, and rows after an HTML comment line inside a table', () => {
  const bare = compileText(['---', 'title: X', 'ms.date: 01/02/2020', '---', '', 'Purpose | Destination | Port', '--- | --- | ---', '**Required:** A | a.sample-endpoints.com | TCP 443', ''].join('\n'))
  assert.equal(lines(bare)[0]!.destinations, ['host:a.sample-endpoints.com'])
  const commented = compileText(page('| Purpose | Destination | Port |', ['| **Required:** A | a.sample-endpoints.com | TCP 443 |', '<!-- | **Required:** Hidden | hidden.sample-endpoints.com | TCP 443 | -->', '| **Required:** B | b.sample-endpoints.com | TCP 443 |']))
  assert.equal(commented.endpointSets.map((set) => set.purpose), ['A', 'B'])
  assert.ok(rules(commented).includes('table-comment-inside'))
})

columns.run()

const requirements = suite('family: requirement forms')

requirements('markers in every form and language', () => {
  const of = (purpose: string) => compileText(page('| Purpose | Destination | Port |', [`| ${purpose} | a.sample-endpoints.com | TCP 443 |`])).endpointSets[0]!
  assert.equal([of('**Required**: Portal').requirement, of('**Required**: Portal').purpose], ['required', 'Portal'])
  assert.equal([of('**Required** Redirect ports').requirement, of('**Required** Redirect ports').purpose], ['required', 'Redirect ports'])
  assert.equal([of('Informational messages (optional)').requirement, of('Informational messages (optional)').purpose], ['optional', 'Informational messages'])
  assert.equal([of('**Påkrævet:** Portal').requirement, of('**Valgfrit:** Kort').requirement], ['required', 'optional'])
  assert.equal([of('Required for sign-in').requirement, of('Required for sign-in').purpose], ['required', 'Required for sign-in'])
  assert.is(of('No specific purpose').requirement, 'unknown')
})

requirements('a Category cell and the sentence before the table', () => {
  const category = compileText(page('| ID | Category | Addresses |', ['| 1 | Default<BR>Required | a.sample-endpoints.com |', '| 2 | Optimize | b.sample-endpoints.com |']))
  assert.equal(category.endpointSets.map((set) => set.requirement), ['required', 'unknown'])
  const lead = compileText(page('| Domain names | Ports |', ['| a.sample-endpoints.com | 443 |'], {before: 'These endpoints are required for the gateway to function.'}))
  assert.equal(lead.endpointSets[0]!.requirement, 'required')
  assert.ok(rules(lead).includes('requirement-from-lead'))
  const optional = compileText(page('| Address | Port |', ['| a.sample-endpoints.com | 443 |'], {before: 'The following table lists optional URLs that you can allow.'}))
  assert.equal(optional.endpointSets[0]!.requirement, 'optional')
  const both = compileText(page('| Address | Port |', ['| a.sample-endpoints.com | 443 |'], {before: 'Some are required and some are optional URLs.'}))
  assert.equal(both.endpointSets[0]!.requirement, 'unknown')
})

requirements.run()

const clouds = suite('family: clouds')

clouds('cell labels, All, and the page scope', () => {
  const catalog = compileText(
    page('| Purpose | Destination |', ['| APIs | **GCC**: api.gov.sample-gov<br>**GCC High**: api.high.sample-gov<br>**DoD**: api.mil.sample-gov |', '| Telemetry | **All**: dc.example.us |'], {title: 'Power BI for US government customers'})
  )
  assert.equal(lines(catalog).map((set) => set.destinations), [
    ['host:api.gov.sample-gov [usgov-gcc]', 'host:api.high.sample-gov [usgov-gcchigh]', 'host:api.mil.sample-gov [usgov-dod]'],
    ['host:dc.example.us [usgov-gcc,usgov-gcchigh,usgov-dod]']
  ])
})

clouds('cloud columns: the same destination in several is one, with all its clouds; a feature table is not endpoints', () => {
  const catalog = compileText(page('| Ports | GCC | GCC High | DoD |', ['| 443 | *.a.sample-gov | *.a.sample-gov | *.mil.sample-gov |']))
  assert.equal(lines(catalog)[0]!.destinations, ['wildcard:*.a.sample-gov [usgov-gcc,usgov-gcchigh]', 'wildcard:*.mil.sample-gov [usgov-dod]'])
  assert.not.ok(rules(catalog).includes('destination-duplicate'))
  const features = compileText(page('| Feature | GCC | GCC High | DoD |', ['| Dataflows | Not planned | Not planned | Not planned |']))
  assert.equal([features.endpointSets.length, rules(features)], [0, ['table-not-endpoints']])
})

clouds('labels after a destination, over a paragraph, and in column headers', () => {
  const catalog = compileText(
    page('| Commercial version URL | US Government version URL |', [
      '| <https://make.powerapps.com> | <https://make.gov.powerapps.us> (GCC)<br/><https://make.high.powerapps.us> (GCC High) |'
    ])
  )
  assert.equal(lines(catalog)[0]!.destinations, ['url:https://make.powerapps.com :443', 'url:https://make.gov.powerapps.us [usgov-gcc] :443', 'url:https://make.high.powerapps.us [usgov-gcchigh] :443'])
  const paragraphs = compileText(
    page('| Purpose | Destination |', ['| Hybrid | GCC High, DoD IP addresses: 40.118.209.192/32; 168.62.190.41/32 <p> Worldwide Commercial & GCC: *.store.sample-endpoints.com; <br> asl.sample-endpoints.com |'])
  )
  assert.equal(lines(paragraphs)[0]!.destinations, [
    'cidr:40.118.209.192/32 [usgov-gcchigh,usgov-dod]',
    'cidr:168.62.190.41/32 [usgov-gcchigh,usgov-dod]',
    'wildcard:*.store.sample-endpoints.com [public,usgov-gcc]',
    'host:asl.sample-endpoints.com [public,usgov-gcc]'
  ])
})

clouds('a purpose or Uses cell that names a cloud scopes its row', () => {
  const catalog = compileText(
    page('| Purpose | Destination | Port |', ['| **Optional:** Stream <br> Office 365 Worldwide (including GCC) | *.stream.sample-endpoints.com | TCP 443 |', '| **Optional:** Sign-in (GCC High) | login.example.us | TCP 443 |', '| **Optional:** Portal | app.sample-endpoints.com | TCP 443 |'])
  )
  assert.equal(lines(catalog).map((set) => set.destinations), [['wildcard:*.stream.sample-endpoints.com [public,usgov-gcc]'], ['host:login.example.us [usgov-gcchigh]'], ['host:app.sample-endpoints.com']])
  const uses = compileText(page('| Uses | Destination |', ['| Azure Government | login.example.us |']))
  assert.equal(lines(uses)[0]!.destinations, ['host:login.example.us [usgov-gcc,usgov-gcchigh,usgov-dod]'])
})

clouds.run()

const notations = suite('family: notations')

notations('ports inside destination cells and in every notation', () => {
  const of = (destination: string, port = 'N/A') => lines(compileText(page('| Purpose | Destination | Port |', [`| **Required:** X | ${destination} | ${port} |`])))[0]!
  assert.equal(of('\\*.digicert.com:80 <BR> secure.example.cn:443').destinations, ['wildcard:*.digicert.com :80', 'host:secure.example.cn :443'])
  assert.equal(of('13.107.64.0/18 <br> UDP ports 50,000-59,999 <br> TCP ports 50,000-59,999; 5061').ports, ['tcp/5061', 'tcp/50000-59999', 'udp/50000-59999'])
  assert.equal(of('sb://x.sample-endpoints.net', 'http: 443<br>amqp: 5672/5673<br>kafka: 9093').ports, ['tcp/443', 'tcp/5672', 'tcp/5673', 'tcp/9093'])
  assert.equal(of('a.sample-endpoints.com', '**TCP:** 443, 80').ports, ['tcp/80', 'tcp/443'])
  assert.equal(of('a.sample-endpoints.com', 'Port 1443').ports, ['tcp/1443'])
  assert.equal(of('a.sample-endpoints.com', '443 and 9350-9354').ports, ['tcp/443', 'tcp/9350-9354'])
  assert.equal(of('a.sample-endpoints.com', 'I/T').ports, [])
})

notations('text that is not a destination stays text; templates are templates', () => {
  const of = (destination: string) => compileText(page('| Purpose | Destination | Port |', [`| **Required:** X | ${destination} | N/A |`]))
  assert.equal(lines(of('No specific endpoint is required'))[0]!.destinations, ['text:No specific endpoint is required'])
  for (const template of ['*\\<region\\>-onelake.dfs.fabric.microsoft.com', '#-courier.push.apple.com', 'https://*.crm#.dynamics.com', 'www.bing.com*', 'watson.*.microsoft.com', 'https://*.z[0-9].kusto.fabric.microsoft.com']) {
    const catalog = of(template)
    assert.equal(catalog.endpointSets[0]!.destinations.map((d) => d.kind), ['text'], template)
    assert.ok(rules(catalog).includes('destination-template'), template)
  }
})

notations('bare addresses are destinations; links with written text are references', () => {
  const of = (destination: string) => lines(compileText(page('| Purpose | Destination | Port |', [`| **Required:** X | ${destination} | N/A |`])))[0]!.destinations
  assert.equal(of('www.microsoft.com'), ['host:www.microsoft.com'])
  assert.equal(of('https://crl.microsoft.com/pki/crl/products/root.crl'), ['url:https://crl.microsoft.com/pki/crl/products/root.crl :443'])
  assert.equal(of('https\\://escaped.sample-endpoints.com'), ['url:https://escaped.sample-endpoints.com :443'])
  assert.equal(of('[Learn how to turn off traffic](x.md)'), ['reference:https://learn.microsoft.com/power-bi/x'])
  assert.equal(of('https://host.sample-endpoints.com/a (Europe)<br>wss://w.sample-endpoints.com<br>(HTTP/WebSocket)'), ['url:https://host.sample-endpoints.com/a :443 (Europe)', 'url:wss://w.sample-endpoints.com :443 (HTTP/WebSocket)'])
})

notations('relative links resolve against the page\'s own docs set', () => {
  const at = (front: string) =>
    compileText(['---', 'title: X', 'ms.date: 01/02/2020', front, '---', '', '| Service | URLs |', '| --- | --- |', '| Apps | [Government cloud](powerapps-us-government.md#urls) |', ''].join('\n')).endpointSets[0]!.destinations[0]!.value
  assert.is(at('ms.component: pa-admin'), 'https://learn.microsoft.com/power-platform/admin/powerapps-us-government#urls')
  assert.is(at('ms.service: fabric'), 'https://learn.microsoft.com/fabric/powerapps-us-government#urls')
  assert.is(at('ms.service: powerbi'), 'https://learn.microsoft.com/power-bi/powerapps-us-government#urls')
  assert.is(at('ms.topic: conceptual'), 'https://learn.microsoft.com/power-bi/powerapps-us-government#urls', 'an unknown docs set reads as Power BI')
})

notations('a sentence keeps the destinations and ports it names, reported', () => {
  const catalog = compileText(page('| Purpose | Destination | Port |', ['| **Optional:** UM | Bidirectional between on-premises controllers and \\*.um.outlook.com on TCP ports 80 & 443 | |']))
  assert.equal(lines(catalog)[0]!.destinations, ['wildcard:*.um.outlook.com'])
  assert.equal(lines(catalog)[0]!.ports, ['tcp/80', 'tcp/443'])
  assert.ok(rules(catalog).includes('destination-in-prose'))
  const prose = compileText(page('| Purpose | Destination | Port |', ['| **Optional:** X | Use Node.js and DataFactory.WestUs tags | |']))
  assert.equal(lines(prose)[0]!.destinations.map((d) => d.split(':')[0]), ['text'])
})

notations.run()

const allowlists = suite('family: allowlists')

allowlists('the txt allowlist of every real page holds only hosts, wildcards and URLs', () => {
  for (const name of readdirSync('test/fixtures/compile').sort()) {
    const path = join('test/fixtures/compile', name, 'input.md')
    const {catalog} = compile([{path, value: readFileSync(path)}])
    const lines = exportCatalog(catalog, 'txt').text.split('\n').filter((line) => line !== '' && !line.startsWith('#'))
    for (const line of lines) {
      assert.ok(/^(\*\.)*[a-z0-9_-]+(\.[a-z0-9_-]+)+$|^\*$|^[a-z][a-z0-9+.-]*:\/\/[^\s<>"]+$/.test(line), `${name}: \`${line}\` is a host, wildcard or URL`)
    }
  }
})

allowlists('ports written beside a destination are its ports in exports and in the diff', () => {
  const at = (port: string) => compileText(page('| Purpose | Destination | Port |', [`| **Required:** Sync | \\*.digicert.com:${port} <br> a.sample-endpoints.com | TCP 443 |`]))
  const csv = exportCatalog(at('80'), 'csv').text.split('\r\n')
  assert.ok(csv.some((line) => line.includes('*.digicert.com') && line.includes(',tcp/80,,')), csv.join('\n'))
  assert.ok(csv.some((line) => line.includes('a.sample-endpoints.com') && line.includes(',tcp/443,,')), csv.join('\n'))
  const changes = diff(at('80'), at('8080')).changes.map((change) => `${change.rule} ${'destination' in change ? change.destination.value : ''} ${'ports' in change ? (change.ports ?? []).join(' ') : ''}`)
  assert.equal(changes, ['ports-added *.digicert.com tcp/8080', 'ports-removed *.digicert.com tcp/80'])
})

allowlists.run()
