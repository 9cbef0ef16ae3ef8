// The findings a risky destination gets: a wildcard over everything or a public suffix, an address
// range of a large part of the Internet, including IPv6 ranges that carry all of IPv4.
import * as assert from 'uvu/assert'
import {suite} from 'uvu'
import {newRiskyFindings} from '../src/action/build-check.js'
import {compile} from '../src/compile/catalog.js'
import {formatBuildErrors} from '../src/format/build-errors-markdown.js'
import {classifyDestination, riskOf} from '../src/compile/destination.js'

const risky = suite('risky destinations')

risky('IPv6 ranges that carry all of IPv4 are over-broad; narrow ones are not', () => {
  for (const value of ['::ffff:0:0/96', '::ffff:0.0.0.0/96', '64:ff9b::/96', '2002::/16', '::ffff:0:0/95', '64:ff9b::10.0.0.0/100']) {
    assert.is(riskOf(classifyDestination(value))?.ruleId, 'over-broad-address', value)
  }
  for (const value of ['::ffff:10.0.0.0/104', '2002:c000:0200::/40', '2603:1006:2000::/48', '64:ff9b::192.0.2.0/120']) {
    assert.is(riskOf(classifyDestination(value)), undefined, value)
  }
})

risky('a URL whose host is a wildcard over a wildcard is over-broad', () => {
  assert.is(riskOf(classifyDestination('https://*.*'))?.ruleId, 'over-broad-wildcard')
  assert.is(riskOf(classifyDestination('https://*.powerbi.com')), undefined)
})

risky('a port range over most ports is a finding; a narrow one is not', () => {
  const page = '---\ntitle: T\nms.date: 01/01/2024\n---\n# T\n\n| Purpose | Destination | Port |\n|---|---|---|\n| **Required:** All | app.example.com | TCP 1-65535 |\n| **Required:** Queue | bus.example.com | TCP 5671-5672 |\n'
  const {catalog} = compile([{path: 'page.md', value: page}])
  const found = catalog.diagnostics.filter((diagnostic) => diagnostic.ruleId === 'over-broad-ports')
  assert.is(found.length, 1, JSON.stringify(catalog.diagnostics))
  assert.match(found[0]!.message, /TCP 1-65535/)
  assert.is(found[0]!.source.line, 9)
})

risky('the pull-request comment says when a change adds a risky destination', () => {
  const page = (ports: string) => `---\ntitle: T\nms.date: 01/01/2024\n---\n# T\n\n| Purpose | Destination | Port |\n|---|---|---|\n| **Required:** All | app.example.com | ${ports} |\n| **Required:** Any | *.com | TCP 443 |\n`
  const base = compile([{path: 'page.md', value: page('TCP 443')}]).catalog
  const head = compile([{path: 'page.md', value: page('TCP 1-65535')}]).catalog
  const risks = newRiskyFindings(base, head)
  assert.equal(risks.map((risk) => risk.ruleId), ['over-broad-ports'], 'the wildcard was there before')
  const section = formatBuildErrors({newErrors: [], configChanged: false, newRisks: risks})
  assert.match(section, /^### Adds 1 risky destination\n/)
  assert.match(section, /\| `over-broad-ports` \| Unexpected port range .*TCP 1-65535.* \| `page.md:9` \|/)
  assert.is(formatBuildErrors({newErrors: [], configChanged: false, newRisks: newRiskyFindings(head, head)}), '')
})

risky.run()
