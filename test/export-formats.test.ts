// The export formats as one registry (src/format/formats.ts): each format has its summary, the line
// that loads it, its options with help, and a row in the README's table of formats that says the same;
// and what every allow-list does with wildcard-host URLs, addresses, placeholders and families.
import {readFileSync} from 'node:fs'
import * as assert from 'uvu/assert'
import {suite} from 'uvu'
import type {Catalog, Destination} from '../generated/catalog.js'
import type {ChangeFeed, Release} from '../generated/changes.js'
import type {M365Changes} from '../generated/m365-changes.js'
import {diff} from '../src/diff/index.js'
import {renderReleases} from '../src/format/changelog.js'
import {assignM365Ids, formatM365Changes} from '../src/format/m365.js'
import {formatHelp, formatTable} from '../src/cli/help.js'
import {exportCatalog, exportFormats} from '../src/format/export.js'
import {formatModules} from '../src/format/formats.js'
import {cli} from './helpers/cli.js'
import {handCatalog} from './helpers/hand-catalog.js'

const registry = suite('export format registry')

registry('every format has a summary, a loading line, and help for each option', () => {
  assert.equal([...exportFormats], formatModules.map((module) => module.name))
  for (const module of formatModules) {
    assert.ok(module.summary.length > 10 && module.loads.length > 10, module.name)
    for (const option of module.options) assert.ok(option.help.length > 10 && option.value !== '' && /^[a-z]+$/.test(option.flag), `${module.name} --${option.flag}`)
    assert.ok(formatHelp().includes(`  ${module.name} `), `${module.name} in export --help`)
  }
})

registry("the README's table of formats is the registry's", () => {
  const readme = readFileSync('README.md', 'utf8').split('\n')
  const expected = formatTable().trimEnd().split('\n')
  const header = readme.indexOf(expected[0]!)
  assert.ok(header > 0, `README.md should have the table of formats:\n${formatTable()}`)
  assert.equal(readme.slice(header, readme.indexOf('', header)), expected, `README.md should have:\n${formatTable()}`)
})

registry('an option of another format is refused, naming the formats that have it', () => {
  const run = cli(['export', 'generated/catalog.json', '--format', 'hosts', '--family', '4'])
  assert.is(run.code, 2)
  assert.match(run.stderr, /--family is an option of --format ips, --format cidrs, --format nftables, --format ipset/)
  const bad = cli(['export', 'generated/catalog.json', '--format', 'ips', '--family', '5'])
  assert.is(bad.code, 2)
  assert.match(bad.stderr, /--family "5": expected 4 or 6/)
})

const lists = suite('allow-lists')

const destinations: Destination[] = [
  {kind: 'url', value: 'https://*.api.example.net:8443/x', host: '*.api.example.net'},
  {kind: 'url', value: 'wss://*.socket.example.net', host: '*.socket.example.net'},
  {kind: 'url', value: 'http://169.254.169.254/latest', host: '169.254.169.254'},
  {kind: 'url', value: 'http://0.0.0.0', host: '0.0.0.0'},
  {kind: 'url', value: 'sb://xxxxx.servicebus.windows.net', host: 'xxxxx.servicebus.windows.net'},
  {kind: 'host', value: 'contoso.sharepoint.com'},
  {kind: 'url', value: 'https://cdn.example.net/npm/monaco-editor*', host: 'cdn.example.net'},
  {kind: 'host', value: 'app.example.net'},
  {kind: 'ip', value: '192.0.2.1'},
  {kind: 'cidr', value: '2001:db8::/32'},
  {kind: 'cidr', value: '198.51.100.7/24'}
]
const catalog = handCatalog([{section: 'S', purpose: 'P', destinations, ports: [{protocol: 'tcp', port: 443}, {protocol: 'udp', port: 3478, to: 3481}]}])
const lines = (text: string): string[] => text.split('\n').filter((line) => line !== '' && !line.startsWith('#') && !line.startsWith('//'))

lists('a wildcard-host URL is its wildcard in txt, pac, edl, squid and m365', () => {
  assert.ok(lines(exportCatalog(catalog, 'txt').text).includes('*.api.example.net'))
  const pac = exportCatalog(catalog, 'pac').text
  assert.match(pac, /"\.api\.example\.net"/)
  assert.match(pac, /"\.socket\.example\.net"/)
  assert.ok(lines(exportCatalog(catalog, 'edl').text).includes('*.api.example.net/x'))
  assert.ok(lines(exportCatalog(catalog, 'edl').text).includes('*.socket.example.net/'))
  assert.match(exportCatalog(catalog, 'squid').text, /dstdomain \.api\.example\.net\n/)
  assert.match(exportCatalog(catalog, 'm365').text, /"\*\.api\.example\.net"/)
  const csv = exportCatalog(catalog, 'csv').text
  assert.match(csv, /https:\/\/\*\.api\.example\.net:8443\/x,tcp\/443 udp\/3478-3481,/)
})

lists('a URL whose host is an address never goes into hosts, squid dstdomain, pac or edl; it goes into the address lists', () => {
  for (const format of ['hosts', 'pac', 'edl'] as const) {
    const {text, notes} = exportCatalog(catalog, format)
    assert.not.match(text, /169\.254|0\.0\.0\.0/, format)
    assert.ok(notes.some((note) => note.includes('http://169.254.169.254/latest') && note.includes('an address')), `${format}: ${notes.join('\n')}`)
  }
  const squid = exportCatalog(catalog, 'squid').text
  assert.not.match(squid, /dstdomain (169\.254|0\.0\.0\.0)/)
  assert.match(squid, /dst 169\.254\.169\.254\n/)
  assert.ok(lines(exportCatalog(catalog, 'ips').text).includes('169.254.169.254'))
})

lists('placeholders never reach an allow-list, and are named on stderr', () => {
  for (const format of ['txt', 'hosts', 'pac', 'edl', 'squid', 'm365'] as const) {
    const {text, notes} = exportCatalog(catalog, format)
    assert.not.match(text, /xxxxx|contoso/, format)
    assert.ok(notes.some((note) => note.includes('sb://xxxxx.servicebus.windows.net') && note.includes('placeholder')), `${format}: ${notes.join('\n')}`)
  }
})

lists('a PAN-OS entry with a `*` inside a token is left out, named', () => {
  const {text, notes} = exportCatalog(catalog, 'edl')
  assert.not.match(text, /monaco/)
  assert.ok(notes.some((note) => note.includes('https://cdn.example.net/npm/monaco-editor*') && note.includes('whole token')), notes.join('\n'))
})

lists('--family splits ips and cidrs; no comment line in either', () => {
  assert.equal(lines(exportCatalog(catalog, 'cidrs', {family: 4}).text), ['0.0.0.0/32', '169.254.169.254/32', '192.0.2.1/32', '198.51.100.7/24'])
  assert.equal(lines(exportCatalog(catalog, 'cidrs', {family: 6}).text), ['2001:db8::/32'])
  assert.equal(lines(exportCatalog(catalog, 'ips', {family: 6}).text), [])
  for (const format of ['ips', 'cidrs'] as const) assert.not.match(exportCatalog(catalog, format).text, /#/, format)
})

lists('nftables: sets per family, ranges in network form, the ports; ipset: a hash:net set per family', () => {
  const nft = exportCatalog(catalog, 'nftables').text
  assert.match(nft, /add element inet endpoint_catalog endpoints_v4 \{\n {2}0\.0\.0\.0, 169\.254\.169\.254, 192\.0\.2\.1, 198\.51\.100\.0\/24\n\}/)
  assert.match(nft, /add element inet endpoint_catalog endpoints_v6 \{\n {2}2001:db8::\/32\n\}/)
  assert.match(nft, /add element inet endpoint_catalog tcp_ports \{\n {2}443\n\}/)
  assert.match(nft, /add element inet endpoint_catalog udp_ports \{\n {2}3478-3481\n\}/)
  assert.match(exportCatalog(catalog, 'nftables', {table: 'fw', family: 6}).text, /^table inet fw \{\n {2}set endpoints_v6 \{/m)
  const ipset = exportCatalog(catalog, 'ipset', {set: 'allow'}).text.split('\n')
  assert.ok(ipset.includes('create allow_v4 hash:net family inet -exist') && ipset.includes('create allow_v6 hash:net family inet6 -exist'))
  assert.ok(ipset.includes('add allow_v4 198.51.100.0/24') && ipset.includes('add allow_v6 2001:db8::/32'))
})

const m365 = suite('m365 change records')

/** A feed of releases, oldest first: each the diff from the one before (the first from an empty catalog). */
function feedOf(catalogs: Catalog[]): ChangeFeed {
  const versions: Release[] = []
  let before = handCatalog([])
  for (const [index, after] of catalogs.entries()) {
    const changes = diff(before, after)
    const version = `202401${String(index + 1).padStart(2, '0')}00`
    versions.unshift({version, date: `2024-01-${String(index + 1).padStart(2, '0')}`, previous: versions[0]?.version ?? null, contentHash: after.contentHash, sources: [], counts: changes.counts, changes: changes.changes})
    before = after
  }
  return {schemaVersion: '1.0.0', versions}
}

m365('an Add has no previous; every record says what changed; a destination now required is a priority impact', () => {
  const row = (requirement: 'required' | 'optional', destinations: Destination[], purpose = 'Portal') => ({section: 'General', purpose, requirement, destinations})
  const feed = feedOf([
    handCatalog([row('optional', [{kind: 'host', value: 'content.example.com'}]), row('optional', [{kind: 'reference', value: 'https://learn.microsoft.com/x', text: 'x', context: 'See x'}], 'Docs')]),
    handCatalog([row('required', [{kind: 'host', value: 'content.example.com'}]), row('optional', [{kind: 'reference', value: 'https://learn.microsoft.com/x', text: 'x', context: 'See x'}], 'Docs'), row('optional', [{kind: 'host', value: 'xxxxx.example.com'}], 'Placeholder')])
  ])
  const ids = assignM365Ids(undefined, feed)
  const records = JSON.parse(formatM365Changes([...feed.versions], feed, ids).text) as M365Changes
  assert.ok(records.length >= 3, JSON.stringify(records))
  for (const record of records) {
    if (record.disposition === 'Add') assert.is(record.previous, undefined, JSON.stringify(record))
    assert.ok(record.previous !== undefined || record.current !== undefined || record.add !== undefined || record.remove !== undefined, `says nothing: ${JSON.stringify(record)}`)
  }
  const required = records.find((record) => record.previous?.required === false && record.current?.required === true)
  assert.ok(required, JSON.stringify(records))
  assert.is(required!.impact, 'AddedUrl')
  assert.not.match(JSON.stringify(records), /xxxxx/)
})

m365('Atom entries name a page read from outside the working folder by its file name only', () => {
  const outside = (catalog: Catalog): Catalog => ({...catalog, endpointSets: catalog.endpointSets.map((set) => ({...set, source: {...set.source, path: '../pages/2021-09-01.md'}}))})
  const feed = feedOf([outside(handCatalog([{section: 'General', purpose: 'Portal', destinations: [{kind: 'host', value: 'app.example.com'}]}]))])
  const atom = renderReleases([...feed.versions], feed, 'atom').text
  assert.match(atom, /2021-09-01\.md:10/)
  assert.not.match(atom, /\.\.\/pages/)
  assert.match(renderReleases([...feed.versions], feed, 'text').text, /\.\.\/pages\/2021-09-01\.md:10/)
})

registry.run()
lists.run()
m365.run()
