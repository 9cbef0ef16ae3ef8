// A hostile catalog (quotes, backslashes, line breaks, `</script>`, `]]>`, `&`, control characters,
// spaces, `#`) cannot break any format: no line injected into a list, no script into the PAC file,
// no markup into the Atom feed.
import {Script, createContext} from 'node:vm'
import {XMLParser, XMLValidator} from 'fast-xml-parser'
import * as assert from 'uvu/assert'
import {suite} from 'uvu'
import {exportCatalog, exportFormats, release, renderReleases} from '../src/index.js'
import {validateAgainst} from '../src/validate.js'
import {runCli} from './helpers/cli.js'
import {hostileCatalog, hostileValues, withDirectory, writeCatalog} from './helpers/hand-catalog.js'

const hostile = suite('hostile catalog')
const leftOut = /left out \d+ [A-Za-z ]+ \(not valid as an? [A-Za-z ]+: /

hostile('list formats write only the one well-formed host, one entry a line, and count the rest', async () => {
  const catalog = hostileCatalog()
  const expected: Record<string, string[]> = {
    txt: ['good.example.com'],
    hosts: ['good.example.com'],
    ips: [],
    cidrs: [],
    squid: ['acl endpoint_catalog_endpoints dstdomain good.example.com'],
    edl: ['good.example.com/']
  }
  for (const [format, lines] of Object.entries(expected)) {
    const {text, notes} = exportCatalog(catalog, format as 'txt')
    const entries = text.split('\n').filter((line) => line !== '' && !line.startsWith('# endpoint-catalog: catalog version 2024010100, sha256:'))
    assert.equal(entries, lines, format)
    assert.ok(notes.some((note) => leftOut.test(note)), `${format}: ${notes.join(' | ')}`)
    // eslint-disable-next-line no-control-regex -- the hostile catalog is made of control characters on purpose
    assert.not.match(text, /[\u0000-\u0008\u000b-\u001f\u2028]/, format)
  }
})

hostile('the PAC file runs, matches only the well-formed host, and runs no code from the catalog', async () => {
  const catalog = hostileCatalog()
  const {text} = exportCatalog(catalog, 'pac', {fallback: 'PROXY p:1', filter: {section: 'sec'}})
  assert.not.match(text, '</script>')
  const lines = text.split('\n')
  assert.match(lines[0]!, /^\/\/ endpoint-catalog: catalog version 2024010100, sha256:[0-9a-f]{64}, filter: --section "sec"$/)
  assert.is(lines[1], 'function FindProxyForURL(url, host) {')
  const context: Record<string, unknown> = {
    dnsDomainIs: (host: string, domain: string) => host.endsWith(domain),
    shExpMatch: () => false
  }
  createContext(context)
  new Script(text).runInContext(context)
  const find = context['FindProxyForURL'] as (url: string, host: string) => string
  assert.is(find('https://good.example.com/', 'good.example.com'), 'DIRECT')
  for (const value of hostileValues) assert.is(find(`https://x/`, value), 'PROXY p:1', JSON.stringify(value))
  assert.equal(Object.keys(context).sort(), ['FindProxyForURL', 'dnsDomainIs', 'shExpMatch'], 'no global was set by catalog text')
})

hostile('a hostile --section text stays on the header line of every format with comments', async () => {
  const catalog = hostileCatalog()
  const section = catalog.endpointSets[0]!.section
  for (const format of ['txt', 'hosts', 'squid', 'pac'] as const) {
    const {text} = exportCatalog(catalog, format, {filter: {section}, fallback: 'PROXY p:1'})
    const [first, second] = text.split('\n')
    assert.ok(first!.endsWith(`, filter: --section ${JSON.stringify(section)}`), format)
    assert.match(first!, /^(#|\/\/) endpoint-catalog: catalog version 2024010100, sha256:[0-9a-f]{64}, /, format)
    assert.ok(['good.example.com', 'acl endpoint_catalog_endpoints dstdomain good.example.com', 'function FindProxyForURL(url, host) {'].includes(second!), `${format}: ${second}`)
  }
})

hostile('CSV and JSON keep every value, quoted; m365 is valid against its schema', async () => {
  const catalog = hostileCatalog()
  const records = JSON.parse(exportCatalog(catalog, 'json').text) as Array<{destination: string}>
  assert.ok(hostileValues.every((value) => records.some((record) => record.destination === value)))
  const csv = exportCatalog(catalog, 'csv').text
  assert.is(csvRecords(csv), records.length + 1, 'one CSV record per destination: line breaks stay inside quotes')
  const m365 = JSON.parse(exportCatalog(catalog, 'm365').text) as unknown
  assert.equal(validateAgainst('m365Endpoints', m365), [])
  assert.equal((m365 as Array<{urls?: string[]}>)[0]!.urls, ['good.example.com'])
})

hostile('the Atom feed of a hostile catalog is well-formed XML whose text is the text of the changes', async () => {
  const published = release(hostileCatalog(), undefined)
  const xml = renderReleases(published.feed.versions, published.feed, 'atom').text
  assert.is(XMLValidator.validate(xml), true)
  // eslint-disable-next-line no-control-regex -- the hostile catalog is made of control characters on purpose
  assert.not.match(xml, /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/)
  const parsed = new XMLParser({ignoreAttributes: false, processEntities: true}).parse(xml) as {feed: {entry: {content: {'#text': string}}; 'x'?: unknown}}
  const content = parsed.feed.entry.content['#text']
  assert.ok(content.includes('</script><script>globalThis.pwned=1</script>'), 'markup in doc text is text')
  assert.ok(content.includes(']]><x/>&amp;'), 'a CDATA end and an entity are text')
  assert.not.ok('x' in parsed.feed)
})

hostile('no export format fails on the hostile catalog from the command line', async () => {
  await withDirectory(async (directory) => {
    const path = writeCatalog(directory, hostileCatalog())
    for (const format of exportFormats) {
      const run = await runCli(['export', path, '--format', format])
      assert.is(run.code, 0, `${format}: ${run.stderr}`)
    }
  })
})

/** The records of RFC 4180 text: CRLFs outside quoted fields. */
function csvRecords(text: string): number {
  let quoted = false
  let records = 0
  for (let index = 0; index < text.length; index++) {
    if (text[index] === '"') quoted = !quoted
    else if (!quoted && text.startsWith('\r\n', index)) records++
  }
  assert.not.ok(quoted, 'every quote is closed')
  return records
}

hostile.run()
