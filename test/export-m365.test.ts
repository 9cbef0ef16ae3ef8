// The m365 formats: the catalog as the Microsoft 365 web service's endpoints answer, the feed as
// its changes answer, both checked against schemas written from the service's documentation, with
// numbers that stay with their endpoint sets across versions.
import {cpSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import * as assert from 'uvu/assert'
import {suite} from 'uvu'
import {assignM365Ids, exportCatalog, renderReleases, type Catalog, type ChangeFeed, type M365Changes, type M365Endpoints, type M365Ids} from '../src/index.js'
import {validateAgainst} from '../src/validate.js'
import {runCli} from './helpers/cli.js'
import {mixedCatalog, withDirectory} from './helpers/hand-catalog.js'
import {sharedReleases} from './helpers/shared-feed.js'

const m365 = suite('m365')
const read = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T

m365('the schemas accept the examples of the service documentation', async () => {
  const endpoint = {
    id: 1,
    serviceArea: 'Exchange',
    serviceAreaDisplayName: 'Exchange Online',
    urls: ['*.protection.outlook.com'],
    ips: ['2a01:111:f403::/48', '23.103.132.0/22', '52.238.78.88/32'],
    tcpPorts: '443',
    expressRoute: true,
    category: 'Allow',
    required: true
  }
  assert.equal(validateAgainst('m365Endpoints', [endpoint]), [])
  const changes = [
    {id: 424, endpointSetId: 32, disposition: 'Change', version: '2018062700', remove: {urls: ['*.api.skype.com', 'skypegraph.skype.com']}},
    {id: 426, endpointSetId: 31, disposition: 'Change', version: '2018062700', add: {effectiveDate: '20180609', ips: ['51.140.203.190/32']}}
  ]
  assert.equal(validateAgainst('m365Changes', changes), [])
  assert.ok(validateAgainst('m365Endpoints', [{...endpoint, category: 'Blocked'}]).length > 0, 'the schema rejects what the service does not send')
  assert.ok(validateAgainst('m365Endpoints', [{...endpoint, tcpPorts: '443; 80'}]).length > 0)
})

m365('export: one record per endpoint set, numbered by the recorded mapping', async () => {
  const catalog = read<Catalog>('generated/catalog.json')
  const ids = read<M365Ids>('generated/m365-ids.json')
  const {text, notes} = exportCatalog(catalog, 'm365', {m365Ids: ids})
  const records = JSON.parse(text) as M365Endpoints
  assert.equal(validateAgainst('m365Endpoints', records), [])
  assert.equal(notes, [])
  assert.equal(records.map((record) => record.id), catalog.endpointSets.map((set) => ids.endpointSets[set.id]))
  catalog.endpointSets.forEach((set, index) => {
    const record = records[index]!
    assert.is(record.required, set.requirement === 'required')
    assert.ok(record.notes!.startsWith(`${set.section} / ${set.purpose}`))
    const tcp = set.ports.filter((port) => port.protocol === 'tcp').map((port) => String(port.port))
    assert.is(record.tcpPorts, tcp.length === 0 ? undefined : tcp.join(','))
    const names = set.destinations.filter((d) => d.kind === 'host' || d.kind === 'wildcard').map((d) => d.value)
    assert.equal(record.urls ?? [], [...new Set(names)].sort())
  })
})

m365('export of a hand catalog: URLs become hosts, addresses ranges, references notes', async () => {
  const [portal, maps, , gateway] = JSON.parse(exportCatalog(mixedCatalog(), 'm365').text) as M365Endpoints
  assert.equal(portal!.urls, ['*.powerbi.com', 'api.powerbi.com', 'app.powerbi.com', 'powerbi.com'])
  assert.is(portal!.expressRoute, false, 'part of the set goes over the Internet')
  assert.equal([maps!.urls, maps!.tcpPorts, maps!.udpPorts, maps!.required], [['*.a.virtualearth.net', '*.virtualearth.net', 'atlas.microsoft.com'], '80,443', '3478-3481', false])
  assert.equal(gateway!.ips, ['198.51.100.0/24', '2001:db8::7/128', '203.0.113.7/32'])
  assert.is(gateway!.notes, 'Gateway / Relay. See https://learn.microsoft.com/x#ids. Also: Depends on content packs used')
  const unrecorded = exportCatalog(mixedCatalog(), 'm365').notes
  assert.equal(unrecorded.length, 1)
  assert.match(unrecorded[0]!, /^m365: 4 endpoint sets have no recorded number/)
})

m365('numbers stay with their endpoint sets across the shared revisions and are never reused', async () => {
  const states = sharedReleases()
  let ids: M365Ids | undefined
  for (const state of states) {
    const next = assignM365Ids(ids, state.feed, state.catalog)
    for (const [id, number] of Object.entries(ids?.endpointSets ?? {})) assert.is(next.endpointSets[id], number, `${state.catalog.version}: ${id} keeps ${number}`)
    const live = state.catalog.endpointSets.map((set) => next.endpointSets[set.id]!)
    assert.is(new Set(live).size, live.length, `${state.catalog.version}: no two rows share a number`)
    ids = next
  }
  const numbers = Object.values(ids!.endpointSets)
  assert.is(new Set(numbers).size, Math.max(...numbers), 'numbers count up from 1, none skipped')
  assert.ok(new Set(numbers).size < numbers.length, 'a reworded row keeps the number of the row it was matched with')
})

m365('changes: the changes answer, oldest first, record ids stable as the feed grows', async () => {
  const states = sharedReleases()
  const last = states[states.length - 1]!
  const ids = assignM365Ids(undefined, last.feed, last.catalog)
  const all = JSON.parse(renderReleases(last.feed.versions, last.feed, 'm365', ids).text) as M365Changes
  assert.equal(validateAgainst('m365Changes', all), [])
  assert.equal(all.map((record) => record.id), all.map((_, index) => index + 1))
  assert.equal(all.map((record) => record.version), [...all.map((record) => record.version)].sort())
  const first = all.filter((record) => record.version === '2018081000')
  assert.ok(first.length > 0 && first.every((record) => record.disposition === 'Add'))
  assert.ok(first.filter((record) => record.add !== undefined).length > first.length / 2)
  const numbers = new Set(Object.values(ids.endpointSets))
  assert.ok(all.every((record) => numbers.has(record.endpointSetId)))
  assert.ok(all.some((record) => record.disposition === 'Change' && record.remove !== undefined), 'the revisions remove destinations')

  const shorter = states[2]!.feed
  const older = JSON.parse(renderReleases(shorter.versions, shorter, 'm365', ids).text) as M365Changes
  assert.equal(older, all.slice(0, older.length), 'records of older versions keep their ids when versions are added')
  const since = JSON.parse(renderReleases(last.feed.versions.slice(0, 2), last.feed, 'm365', ids).text) as M365Changes
  assert.equal(since, all.filter((record) => record.version > states[2]!.catalog.version))
})

m365('the command line reads m365-ids.json beside the catalog and the feed', async () => {
  const run = await runCli(['export', 'generated/catalog.json', '--format', 'm365'])
  assert.equal([run.code, run.stderr], [0, ''])
  const ids = read<M365Ids>('generated/m365-ids.json')
  assert.equal((JSON.parse(run.stdout) as M365Endpoints).map((record) => record.id), read<Catalog>('generated/catalog.json').endpointSets.map((set) => ids.endpointSets[set.id]))
  const changes = await runCli(['changes', '--since', '0000000000', '--format', 'm365'])
  assert.is(changes.code, 0, changes.stderr)
  const records = JSON.parse(changes.stdout) as M365Changes
  assert.is(records.length, new Set(read<ChangeFeed>('generated/changes.json').versions.flatMap((version) => version.changes).flatMap((change) => ('destination' in change ? (change.after ?? change.before)!.endpointSets.map((set) => set.id) : []))).size)
})

m365('build keeps the recorded numbers, numbers new rows after them, and refuses a broken mapping', async () => {
  await withDirectory(async (directory) => {
    cpSync('docs-source', join(directory, 'docs-source'), {recursive: true})
    cpSync('endpoint-catalog.yaml', join(directory, 'endpoint-catalog.yaml'))
    const catalog = read<Catalog>('generated/catalog.json')
    const [first, second] = catalog.endpointSets
    const recorded: M365Ids = {schemaVersion: '1.0.0', endpointSets: {[first!.id]: 500, [second!.id]: 7, 'es-ffffffffffff': 900}}
    mkdirSync(join(directory, 'generated'))
    writeFileSync(join(directory, 'generated/m365-ids.json'), JSON.stringify(recorded))
    const run = await runCli(['build'], directory)
    assert.is(run.code, 0, run.stderr)
    const ids = read<M365Ids>(join(directory, 'generated/m365-ids.json'))
    assert.equal([ids.endpointSets[first!.id], ids.endpointSets[second!.id], ids.endpointSets['es-ffffffffffff']], [500, 7, 900], 'recorded numbers kept, a removed row\'s too')
    const others = catalog.endpointSets.slice(2).map((set) => ids.endpointSets[set.id]!)
    assert.ok(others.every((number) => number > 900), 'new rows numbered after the highest')
    assert.is(new Set(others).size, others.length)

    writeFileSync(join(directory, 'generated/m365-ids.json'), JSON.stringify({schemaVersion: '1.0.0', endpointSets: {'es-1': 0}}))
    const broken = await runCli(['build'], directory)
    assert.is(broken.code, 2)
    assert.match(broken.stderr, /^endpoint-catalog: generated\/m365-ids\.json: not a valid m365Ids: \/endpointSets must match pattern "\^es-\[0-9a-f\]\{12\}\$" \(and 2 more\)$/m)
  })
})

m365.run()
