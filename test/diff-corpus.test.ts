// The diff over real revisions of the Power BI URL page: fixtures of consecutive revisions (each
// expected change checked by hand against the two markdown files), a revision against itself,
// and a→b mirroring b→a.
import {readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import * as assert from 'uvu/assert'
import {suite} from 'uvu'
import {diff, type Change, type Diff} from '../src/diff/index.js'
import {formatDiffJson} from '../src/format/diff-json.js'
import {compile, type Catalog} from '../src/index.js'
import {validateAgainst} from '../src/validate.js'
import {summary} from './diff-helpers.js'
import {expectFile} from './helpers/fixtures.js'

const fixtures = join('test', 'fixtures', 'diff')
// The shared revisions of the URL page, as copied byte for byte into the compile fixtures.
const compileFixtures = join('test', 'fixtures', 'compile')
const revisionPath = (name: string): string => join(compileFixtures, 'urls-' + name.replace(/\.md$/, ''), 'input.md')

function compilePage(path: string, as: string): Catalog {
  return compile([{path: as, value: readFileSync(path)}]).catalog
}

function fixtureDiff(name: string): Diff {
  return diff(compilePage(join(fixtures, name, 'old.md'), 'old.md'), compilePage(join(fixtures, name, 'new.md'), 'new.md'))
}

const cases = readdirSync(fixtures).sort()

const pinned = suite('diff fixtures')

pinned('there is a fixture for each pair of consecutive corpus revisions', () => {
  assert.equal(cases, [
    'power-bi-urls-2018-08-10-to-2018-10-22',
    'power-bi-urls-2018-10-22-to-2020-01-29',
    'power-bi-urls-2020-01-29-to-2021-09-01',
    'power-bi-urls-2021-09-01-to-2023-09-29'
  ])
})

for (const name of cases) {
  pinned(name, () => {
    const document = fixtureDiff(name)
    assert.equal(validateAgainst('diff', document), [])
    expectFile(join(fixtures, name, 'diff.json'), formatDiffJson(document))
  })
}

pinned('2020-01-29 → 2021-09-01: the changes an administrator must see, and nothing else', () => {
  assert.equal(summary(fixtureDiff('power-bi-urls-2020-01-29-to-2021-09-01')), [
    // New rows 1 and 6 of General site usage.
    'required-destination-added *.powerbi.com',
    'required-destination-added api.powerbi.com',
    // Row 8 (optional) became row 4 (required).
    'destination-now-required content.powerapps.com',
    // Informational messages: dynmsg.modpim.com → arc.msn.com.
    'optional-destination-added arc.msn.com',
    'reference-changed https://support.pubnub.com/hc/en-us/categories/360004336832-PubNub-101',
    // The content packs row is gone.
    'destination-removed Depends on content packs used',
    'destination-removed dynmsg.modpim.com',
    // Portal: app.powerbi.com → *.powerbi.com.
    'destination-covered-by-wildcard app.powerbi.com',
    'purpose-changed General site usage / Microsoft 365 integration'
  ])
})

pinned('2018-08-10 → 2018-10-22: renamed sections and reworded purposes are reported as such', () => {
  const changes = summary(fixtureDiff('power-bi-urls-2018-08-10-to-2018-10-22'))
  assert.ok(changes.includes('section-renamed Get Data -> Getting data'))
  assert.ok(changes.includes('section-renamed External related sites -> Related external sites'))
  assert.ok(changes.includes('purpose-changed Related external sites / Community site'))
  // `Dashboard and Report integration` → `Dashboard and report integration` is only a change of case.
  assert.not.ok(changes.some((change) => change.includes('Dashboard')))
})

pinned('2021-09-01 → 2023-09-29: `visuals.azureedge.net` substitutes the dropped `*.azureedge.net`, and is an addition', () => {
  const document = fixtureDiff('power-bi-urls-2021-09-01-to-2023-09-29')
  const added = document.changes.find((change) => 'destination' in change && change.destination.value === 'visuals.azureedge.net')
  assert.ok(added && added.rule === 'required-destination-added')
  assert.is(added.level, 'error')
  assert.equal(added.replaces, [{kind: 'wildcard', value: '*.azureedge.net'}])
  assert.match(added.message, /; add before you remove `\*\.azureedge\.net`$/)
  const removed = document.changes.find((change) => 'destination' in change && change.destination.value === '*.azureedge.net')
  assert.ok(removed && removed.rule === 'destination-removed')
  assert.equal(removed.substitutes, [{kind: 'host', value: 'visuals.azureedge.net'}])
  assert.not.ok(document.changes.some((change) => change.rule === 'destination-already-covered'))
})

pinned('2018-08-10 → 2018-10-22: `*.microsoft.com` goes, and the hosts under it were listed on both sides: nothing substitutes it', () => {
  const document = fixtureDiff('power-bi-urls-2018-08-10-to-2018-10-22')
  const removed = document.changes.find((change) => 'destination' in change && change.destination.value === '*.microsoft.com')
  assert.ok(removed && removed.rule === 'destination-removed')
  assert.is(removed.substitutes, undefined)
  assert.not.ok(document.changes.some((change) => change.rule === 'destination-already-covered' || ('replaces' in change && change.replaces)))
})

pinned.run()

const revisions = readdirSync(compileFixtures)
  .filter((name) => /^urls-\d{4}-\d{2}-\d{2}$/.test(name))
  .map((name) => name.slice('urls-'.length) + '.md')
  .sort()
const catalogs = new Map(revisions.map((name) => [name, compilePage(revisionPath(name), 'power-bi-urls.md')]))

const symmetry = suite('diff symmetry')

for (const name of revisions) {
  symmetry(`${name} against itself: no change`, () => {
    const catalog = catalogs.get(name)!
    assert.equal(diff(catalog, catalog).changes, [])
    assert.equal(diff(catalog, compilePage(revisionPath(name), 'power-bi-urls.md')).changes, [])
  })
}

/** A change's rule family and subject, the way the reverse diff must state it. */
const opposite: Record<string, string> = {
  added: 'removed',
  removed: 'added',
  'reference-added': 'reference-removed',
  'reference-removed': 'reference-added',
  'destination-now-required': 'destination-now-optional',
  'destination-now-optional': 'destination-now-required',
  'destination-requirement-changed': 'destination-requirement-changed',
  'ports-added': 'ports-removed',
  'ports-removed': 'ports-added',
  'endpoint-set-added': 'endpoint-set-removed',
  'endpoint-set-removed': 'endpoint-set-added'
}

function family(rule: Change['rule']): string {
  if (rule === 'required-destination-added' || rule === 'optional-destination-added' || rule === 'destination-already-covered') return 'added'
  if (rule === 'destination-removed' || rule === 'destination-covered-by-wildcard') return 'removed'
  return rule
}

function key(change: Change, mirrored: boolean): string {
  const rule = mirrored ? (opposite[family(change.rule)] ?? family(change.rule)) : family(change.rule)
  const pair = (a: string, b: string): string => (mirrored ? `${b} -> ${a}` : `${a} -> ${b}`)
  if ('destination' in change) {
    const ports = change.ports ? ' ' + change.ports.join(',') : ''
    const subject = change.previous ? pair(change.previous.value, change.destination.value) : change.destination.value
    return `${rule} ${subject}${ports}`
  }
  switch (change.rule) {
    case 'section-renamed':
      return `${rule} ${pair(change.before.section, change.after.section)}`
    case 'purpose-changed':
    case 'endpoint-set-moved':
    case 'endpoint-set-added':
    case 'endpoint-set-removed':
      return `${rule} ${pair(change.before?.id ?? '', change.after?.id ?? '')}`
    default:
      // URL pages only: no ExpressRoute exception or page is on one side only.
      throw new Error(`unexpected ${change.rule}`)
  }
}

for (const a of revisions) {
  for (const b of revisions) {
    if (a >= b) continue
    symmetry(`${a} → ${b} mirrors ${b} → ${a}`, () => {
      const forward = diff(catalogs.get(a)!, catalogs.get(b)!).changes.map((change) => key(change, true)).sort()
      const backward = diff(catalogs.get(b)!, catalogs.get(a)!).changes.map((change) => key(change, false)).sort()
      assert.equal(forward, backward)
    })
  }
}

symmetry('2018-08-10 → 2020-01-29: `web.vortex.data.microsoft.com` substitutes the dropped `*.microsoft.com`', () => {
  const document = diff(catalogs.get('2018-08-10.md')!, catalogs.get('2020-01-29.md')!)
  const substituted = document.changes.filter((change) => 'replaces' in change && change.replaces)
  assert.equal(
    substituted.map((change) => [change.rule, 'destination' in change ? change.destination.value : '', 'replaces' in change ? change.replaces?.map((ref) => ref.value) : []]),
    [['required-destination-added', 'web.vortex.data.microsoft.com', ['*.microsoft.com']]]
  )
  const removed = document.changes.find((change) => 'destination' in change && change.destination.value === '*.microsoft.com')
  assert.ok(removed && 'substitutes' in removed)
  assert.equal(removed.substitutes, [{kind: 'host', value: 'web.vortex.data.microsoft.com'}])
  assert.match(removed.message, /; allow its substitutes `web\.vortex\.data\.microsoft\.com` first$/)
})

symmetry('2018-10-22 → 2020-01-29: a host under a wildcard both revisions list (as required, on its ports) is already covered', () => {
  const document = diff(catalogs.get('2018-10-22.md')!, catalogs.get('2020-01-29.md')!)
  const covered = document.changes.filter((change) => change.rule === 'destination-already-covered')
  assert.equal(
    covered.map((change) => ('destination' in change ? [change.destination.value, change.coveredBy?.value] : [])),
    [['store-images.s-microsoft.com', '*.s-microsoft.com']]
  )
})

symmetry.run()
