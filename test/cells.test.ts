// The cell grammar: requirements, destinations and ports, on small inline pages.
import * as assert from 'uvu/assert'
import {suite} from 'uvu'
import {absoluteReference} from '../src/compile/cells.js'
import {classifyDestination, covers} from '../src/compile/destination.js'
import {compileText, rules, urlPage} from './helpers/compile.js'

/** The endpoint set of a one-row table `| purpose | destination | port |`. */
function one(purpose: string, destination: string, port = 'TCP 443') {
  const catalog = compileText(urlPage('| Purpose | Destination | Port |', [`| ${purpose} | ${destination} | ${port} |`]))
  const set = catalog.endpointSets[0]
  assert.ok(set, 'the row is an endpoint set')
  return {set, rules: rules(catalog), catalog}
}

const requirement = suite('requirement')

requirement('prefixes set the requirement and leave the purpose', () => {
  assert.equal([one('**Required:** Portal', 'a.com').set.requirement, one('**Required:** Portal', 'a.com').set.purpose], ['required', 'Portal'])
  assert.is(one('Required: Portal', 'a.com').set.requirement, 'required')
  assert.is(one('**Optional:**  Azure Maps', 'a.com').set.purpose, 'Azure Maps')
  assert.is(one('**Optional**: Maps', 'a.com').set.requirement, 'optional')
})

requirement('no marker is unknown, with a diagnostic', () => {
  const {set, rules: found} = one('Portal', 'a.com')
  assert.is(set.requirement, 'unknown')
  assert.equal(found, ['requirement-missing'])
})

requirement('a Required/Optional column is read', () => {
  const catalog = compileText(
    urlPage('| Description | Required/Optional | Address to Whitelist |', ['| Portal | Required | a.com |', '| Maps | Optional | b.com |', '| Telemetry | Sometimes | c.com |'])
  )
  assert.equal(catalog.endpointSets.map((s) => s.requirement), ['required', 'optional', 'unknown'])
  assert.equal(rules(catalog), ['requirement-unknown'])
})

requirement.run()

const destinations = suite('destinations')
const values = (destination: string) => one('**Required:** X', destination).set.destinations.map((d) => `${d.kind}:${d.value}`)

destinations('every separator the pages use splits destinations', () => {
  const expected = ['host:a.com', 'wildcard:*.b.com', 'host:c.com']
  for (const cell of [
    'a.com, *.b.com, c.com',
    'a.com,*.b.com ,c.com,',
    'a.com; *.b.com ; c.com',
    'a.com <br> *.b.com <br/> c.com',
    'a.com </br> *.b.com</br>c.com',
    '`a.com ; *.b.com ; c.com`',
    '`a.com`<br>`*.b.com`<br>`c.com`',
    '<li>a.com</li><li>*.b.com</li><li>c.com</li>'
  ]) {
    assert.equal(values(cell), expected, cell)
  }
})

destinations('each destination is typed and normalised', () => {
  assert.equal(values('App.PowerBI.com'), ['host:app.powerbi.com'])
  assert.equal(values('`https://atlas.microsoft.com`'), ['url:https://atlas.microsoft.com'])
  assert.equal(values('https://atlas.microsoft.com'), ['url:https://atlas.microsoft.com'])
  assert.equal(values('192.0.2.1, 10.0.0.0/8, 2001:db8::/32'), ['ip:192.0.2.1', 'cidr:10.0.0.0/8', 'cidr:2001:db8::/32'])
  assert.equal(values('*'), ['wildcard:*'])
})

destinations('links are references with an absolute target, their text and context', () => {
  const {set} = one('**Required:** Auth', 'Go [here](https://support.office.com/article/x#bkmk_identity) for more details', 'N/A')
  assert.equal(set.destinations, [
    {kind: 'reference', value: 'https://support.office.com/article/x#bkmk_identity', text: 'here', context: 'Go here for more details', clouds: ['public']}
  ])
  const relative = one('**Required:** Auth', 'See the documentation for [Common URLs](/office365/enterprise/urls#common)', 'N/A').set
  assert.equal(relative.destinations[0]?.value, 'https://learn.microsoft.com/office365/enterprise/urls#common')
  assert.equal(relative.destinations[0]?.href, '/office365/enterprise/urls#common')
  assert.equal(values('See [A](/a), as well as [B](/b)'), ['reference:https://learn.microsoft.com/a', 'reference:https://learn.microsoft.com/b'])
})

destinations('old and new docs addresses of one page are one reference', () => {
  assert.is(absoluteReference('https://docs.microsoft.com/en-us/office365/x#y'), 'https://learn.microsoft.com/office365/x#y')
  assert.is(absoluteReference('/office365/x#y'), 'https://learn.microsoft.com/office365/x#y')
  assert.is(absoluteReference('https://support.pubnub.com/a'), 'https://support.pubnub.com/a')
})

destinations('anything else is kept verbatim as text, with a diagnostic', () => {
  const {set, rules: found} = one('**Optional:** Content packs', 'Depends on content packs used', 'N/A')
  assert.equal(set.destinations, [{kind: 'text', value: 'Depends on content packs used', clouds: ['public']}])
  assert.equal(found, ['destination-text'])
  assert.equal(values('Sign in, then get data'), ['text:Sign in, then get data'])
})

destinations('duplicates within a row are dropped with a diagnostic', () => {
  const {set, rules: found} = one('**Required:** X', '*.msecnd.net, a.com, *.msecnd.net')
  assert.equal(set.destinations.map((d) => d.value), ['*.msecnd.net', 'a.com'])
  assert.equal(found, ['destination-duplicate'])
})

destinations('"One of the following:" lists are alternatives', () => {
  const {set} = one('**Required:** SQL', 'One of the following:<li>a.example.com</li><li>b.example.com</li>', '1433')
  assert.ok(set.alternatives)
  assert.equal(set.destinations.map((d) => d.value), ['a.example.com', 'b.example.com'])
  assert.not.ok(one('**Required:** SQL', 'a.example.com').set.alternatives)
})

destinations('N/A and empty destination cells name nothing, and say so', () => {
  assert.equal(one('**Required:** X', 'N/A').rules, ['destination-missing'])
})

destinations('hosts: trailing dot and IDN are normalised with a note', () => {
  assert.equal(classifyDestination('Login.MicrosoftOnline.COM.').value, 'login.microsoftonline.com')
  assert.equal(classifyDestination('Login.MicrosoftOnline.COM.').notes.map((n) => n.ruleId), ['destination-trailing-dot'])
  assert.equal(classifyDestination('bücher.de').value, 'xn--bcher-kva.de')
  assert.is(classifyDestination('not a host').kind, 'text')
  assert.is(classifyDestination('bad_host!.com').kind, 'text')
  assert.is(classifyDestination('1.2.3.4.5').kind, 'text')
})

destinations('wildcards cover hosts and narrower wildcards, not the apex', () => {
  assert.ok(covers('*.powerbi.com', 'app.powerbi.com'))
  assert.ok(covers('*.powerbi.com', '*.app.powerbi.com'))
  assert.ok(covers('*.powerbi.com', '*.powerbi.com'))
  assert.not.ok(covers('*.powerbi.com', 'powerbi.com'))
  assert.not.ok(covers('*.powerbi.com', 'notpowerbi.com'))
  assert.not.ok(covers('app.powerbi.com', 'x.app.powerbi.com'))
})

destinations.run()

const ports = suite('ports')
const portsOf = (cell: string) => one('**Required:** X', 'a.com', cell)

ports('protocol and port lists', () => {
  assert.equal(portsOf('TCP 443').set.ports, [{protocol: 'tcp', port: 443}])
  assert.equal(portsOf('TCP 80, 443').set.ports, [{protocol: 'tcp', port: 80}, {protocol: 'tcp', port: 443}])
  assert.equal(portsOf('TCP 443, UDP 3478').set.ports, [{protocol: 'tcp', port: 443}, {protocol: 'udp', port: 3478}])
  assert.equal(portsOf('TCP 5671-5672').set.ports, [{protocol: 'tcp', port: 5671, to: 5672}])
  assert.equal(portsOf('TCP 443 <br> TCP 80').set.ports, [{protocol: 'tcp', port: 80}, {protocol: 'tcp', port: 443}])
})

ports('N/A and empty are no ports, silently', () => {
  for (const cell of ['N/A', 'n/a', '', '-']) {
    const {set, rules: found} = portsOf(cell)
    assert.equal([set.ports, set.portsText, found], [[], undefined, []], cell)
  }
})

ports('a bare number is TCP, with a diagnostic', () => {
  const {set, rules: found} = portsOf('1433')
  assert.equal(set.ports, [{protocol: 'tcp', port: 1433}])
  assert.equal(found, ['port-protocol-assumed'])
})

ports('unreadable and out-of-range ports are kept as text and reported', () => {
  assert.equal([portsOf('TCP abc').set.portsText, portsOf('TCP abc').rules], ['TCP abc', ['port-unparsed']])
  assert.equal(portsOf('Depends on content packs used').set.portsText, 'Depends on content packs used')
  for (const cell of ['TCP 0', 'TCP 99999', 'TCP 500-400']) {
    const {set, rules: found, catalog} = portsOf(cell)
    assert.equal([set.ports, found], [[], ['port-invalid']], cell)
    assert.is(catalog.diagnostics[0]?.severity, 'error')
  }
})

ports.run()

const dates = suite('ms.date')

dates('a date the calendar has is read; one it does not have is reported, not invented', () => {
  const dated = (date: string) => compileText(urlPage('| Purpose | Destination | Port |', ['| Portal | app.powerbi.com | TCP 443 |']).replace('ms.date: 01/02/2020', `ms.date: ${date}`))
  assert.is(dated('02/29/2020').sources[0]!.msDate, '2020-02-29')
  assert.is(dated('2019-12-31').sources[0]!.msDate, '2019-12-31')
  for (const impossible of ['02/30/2019', '02/29/2019', '13/01/2019', '2019-04-31']) {
    const catalog = dated(impossible)
    assert.is(catalog.sources[0]!.msDate, null, impossible)
    assert.ok(rules(catalog).includes('date-missing'), impossible)
  }
})

dates.run()
