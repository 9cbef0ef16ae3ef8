// Versions and the change feed: how build numbers new content, what each feed record holds, the
// replay of the shared URL revisions, and "changes since".
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import * as assert from 'uvu/assert'
import {suite} from 'uvu'
import {dateRevision, replay} from '../src/feed/history.js'
import {emptyCatalog, release, type Published} from '../src/feed/release.js'
import {changesSince} from '../src/feed/since.js'
import {emptyVersion, nextVersion} from '../src/feed/version.js'
import {compile, diff, InputError, type Catalog} from '../src/index.js'
import {validateAgainst} from '../src/validate.js'
import {page} from './diff-helpers.js'

const compileText = (text: string, path = 'power-bi-urls.md'): Catalog => compile([{path, value: text}]).catalog
const dated = (text: string, date: string): string => text.replace('ms.date: 01/02/2020', `ms.date: ${date.slice(5, 7)}/${date.slice(8)}/${date.slice(0, 4)}`)
const sinceOf = (catalog: Catalog): Record<string, string | undefined> =>
  Object.fromEntries(catalog.endpointSets.flatMap((set) => set.destinations.map((d) => [d.value, d.since])))

function assertValid(published: Published): void {
  assert.equal(validateAgainst('catalog', published.catalog), [])
  assert.equal(validateAgainst('changes', published.feed), [])
}

const one = page({Portal: ['**Required:** Portal | app.powerbi.com | TCP 443']})
const two = page({Portal: ['**Required:** Portal | app.powerbi.com | TCP 443', '**Required:** APIs | api.powerbi.com | TCP 443']})

const versions = suite('versions')

versions('new content is dated by the latest ms.date, and counts up within a date', () => {
  assert.is(nextVersion(emptyVersion, '20200102'), '2020010200')
  assert.is(nextVersion('2020010200', '20210901'), '2021090100')
  assert.is(nextVersion('2020010200', '20200102'), '2020010201')
  assert.is(nextVersion('2020010209', '20200102'), '2020010210')
})

versions('a version never goes back: sources dated earlier count up from the last version', () => {
  assert.is(nextVersion('2021090103', '20200102'), '2021090104')
})

versions('pages without ms.date still get a version after the empty catalog', () => {
  assert.is(nextVersion(emptyVersion, '00000000'), '0000000001')
})

versions('a hundredth version of one date carries into the next day: unbounded, ten digits, in order', () => {
  assert.is(nextVersion('2020010299', '20200102'), '2020010300')
  assert.is(nextVersion('2018103199', '20181031'), '2018110100')
  assert.is(nextVersion('2018123199', '20181231'), '2019010100')
  assert.is(nextVersion('2020022899', '20200228'), '2020022900')
  let version = '2020010200'
  for (let count = 0; count < 5000; count++) {
    const next = nextVersion(version, '20200102')
    assert.ok(next > version && /^[0-9]{10}$/.test(next))
    version = next
  }
})

const releases = suite('release')

releases('the first release records every destination as added, from an empty catalog', () => {
  const compiled = compileText(one)
  const published = release(compiled, undefined)
  assert.is(published.catalog.version, '2020010200')
  assert.is(published.feed.versions.length, 1)
  const [record] = published.feed.versions
  assert.is(record!.previous, null)
  assert.is(record!.date, '2020-01-02')
  assert.equal(record!.changes, diff(emptyCatalog(), published.catalog).changes)
  assert.equal(record!.changes.map((change) => change.rule), ['required-destination-added'])
  assert.equal(sinceOf(published.catalog), {'app.powerbi.com': '2020010200'})
  assertValid(published)
})

releases('the same content keeps its version and feed, whatever else changed on the page', () => {
  const first = release(compileText(one), undefined)
  const reworded = one.replace('## Portal', 'Some new prose.\n\n## Portal')
  const again = release(compileText(dated(reworded, '2020-03-04')), first)
  assert.is(again.catalog.version, first.catalog.version)
  assert.equal(again.feed, first.feed)
  assert.equal(sinceOf(again.catalog), sinceOf(first.catalog))
  // Provenance follows the page: the new date and position, under the old version.
  assert.is(again.catalog.sources[0]!.msDate, '2020-03-04')
  assert.is(again.catalog.endpointSets[0]!.source.line, first.catalog.endpointSets[0]!.source.line + 2)
})

releases('new content gets the next version, a record of exactly the diff, and keeps older since', () => {
  const first = release(compileText(one), undefined)
  const second = release(compileText(two), first)
  assert.is(second.catalog.version, '2020010201')
  assert.equal(
    second.feed.versions.map((record) => [record.version, record.previous]),
    [
      ['2020010201', '2020010200'],
      ['2020010200', null]
    ]
  )
  assert.equal(second.feed.versions[0]!.changes, diff(first.catalog, second.catalog).changes)
  assert.equal(second.feed.versions[0]!.counts, {error: 1, warning: 0, info: 0})
  assert.equal(sinceOf(second.catalog), {'app.powerbi.com': '2020010200', 'api.powerbi.com': '2020010201'})
  assertValid(second)
})

releases('a destination removed and listed again is new again', () => {
  const first = release(compileText(two), undefined)
  const removed = release(compileText(dated(one, '2020-02-01')), first)
  const back = release(compileText(dated(two, '2020-03-01')), removed)
  assert.equal(sinceOf(back.catalog), {'app.powerbi.com': '2020010200', 'api.powerbi.com': '2020030100'})
})

releases('since is not content: the content hash and the diff ignore it', () => {
  const first = release(compileText(one), undefined)
  const compiled = compileText(one)
  assert.is(first.catalog.contentHash, compiled.contentHash)
  assert.equal(diff(first.catalog, compiled).changes, [])
})

releases('feed records newer than the catalog (a build stopped before the catalog) are dropped', () => {
  const first = release(compileText(one), undefined)
  const second = release(compileText(two), first)
  const interrupted: Published = {catalog: first.catalog, feed: second.feed}
  assert.equal(release(compileText(two), interrupted), second)
})

releases('a catalog published without a feed becomes the first record', () => {
  const {catalog} = release(compileText(one), undefined)
  const {since: _since, ...bare} = catalog.endpointSets[0]!.destinations[0]!
  const legacy: Catalog = {...catalog, endpointSets: [{...catalog.endpointSets[0]!, destinations: [bare]}]}
  const next = release(compileText(two), {catalog: legacy, feed: {schemaVersion: '1.0.0', versions: []}})
  assert.equal(
    next.feed.versions.map((record) => [record.version, record.previous]),
    [
      ['2020010201', '2020010200'],
      ['2020010200', null]
    ]
  )
  assert.equal(sinceOf(next.catalog), {'app.powerbi.com': '2020010200', 'api.powerbi.com': '2020010201'})
})

releases('a feed that does not end at the catalog is refused', () => {
  const first = release(compileText(one), undefined)
  const other = release(compileText(dated(two, '2021-01-01')), undefined)
  assert.throws(
    () => release(compileText(two), {catalog: other.catalog, feed: first.feed}),
    (error: unknown) => error instanceof InputError && /the change feed ends at version 2020010200, but the catalog is version 2021010100/.test(error.message)
  )
})

// The shared revisions of the URL page, as copied byte for byte into the compile fixtures.
const urlRevisions = ['2018-08-10', '2018-10-22', '2020-01-29', '2021-09-01', '2023-09-29']
const revisionPage = (date: string) => ({path: `power-bi-urls/${date}.md`, value: readFileSync(join('test/fixtures/compile', `urls-${date}`, 'input.md'))})
const accept = [
  {rule: 'over-broad-wildcard' as const, destination: '*.azureedge.net', reason: 'Azure CDN'},
  {rule: 'over-broad-wildcard' as const, destination: '*.blob.core.windows.net', reason: 'Azure Storage'}
]

const history = suite('history')

history('replaying the shared URL revisions gives one version per content change, each record the pairwise diff', () => {
  const pages = urlRevisions.map(revisionPage)
  const catalogs = pages.map((revision) => compile([revision], {accept}).catalog)
  // Given newest first: the replay orders them by date.
  const published = replay(pages.map((revision, index) => dateRevision(revision, catalogs[index]!)).reverse(), {accept})!
  assertValid(published)
  assert.equal(
    published.feed.versions.map((record) => record.version).reverse(),
    ['2018081000', '2018102200', '2020012900', '2021090100', '2023092900']
  )
  const records = [...published.feed.versions].reverse()
  assert.equal(records[0]!.changes, diff(emptyCatalog(), catalogs[0]!).changes)
  for (let index = 1; index < catalogs.length; index++) {
    assert.equal(records[index]!.changes, diff(catalogs[index - 1]!, catalogs[index]!).changes, urlRevisions[index])
    assert.is(records[index]!.previous, records[index - 1]!.version)
  }
  assert.is(published.catalog.contentHash, catalogs[catalogs.length - 1]!.contentHash)
  // Every destination carries the first version of its latest unbroken run of listings.
  const listed = catalogs.map((catalog) => new Set(catalog.endpointSets.flatMap((set) => set.destinations.map((d) => d.value))))
  const expected: Record<string, string> = {}
  for (const value of listed[listed.length - 1]!) {
    let first = listed.length - 1
    while (first > 0 && listed[first - 1]!.has(value)) first--
    expected[value] = records[first]!.version
  }
  assert.equal(sinceOf(published.catalog), expected)
  assert.is(expected['*.powerbi.com'], '2021090100')
  assert.ok(Object.values(expected).includes('2018081000'))
})

history('a revision that changes no content adds no version; pages of one date are one state', () => {
  const url = revisionPage('2020-01-29')
  const sameAgain = {path: 'power-bi-urls/2020-01-30.md', value: url.value}
  const expressRoute = {path: 'power-bi-expressroute.md', value: readFileSync('docs-source/power-bi-expressroute.md', 'utf8').replace(/ms\.date: .*/, 'ms.date: 01/29/2020')}
  const revisions = [url, expressRoute].map((revision) => dateRevision(revision, compile([revision], {accept}).catalog))
  const again = dateRevision(sameAgain, compile([sameAgain], {accept}).catalog)
  const published = replay([...revisions, again], {accept})!
  assert.equal(published.feed.versions.map((record) => record.version), ['2020012900'])
  assert.equal(published.catalog.sources.map((source) => source.page).sort(), ['expressroute', 'urls'])
})

history('a revision with neither ms.date nor a date in its name cannot be placed', () => {
  const text = one.replace('ms.date: 01/02/2020\n', '')
  const revision = {path: 'urls.md', value: text}
  assert.throws(() => dateRevision(revision, compileText(text, 'urls.md')), /urls\.md: no ms\.date and no date in its name/)
  const named = {path: 'revisions/2019-05-06.md', value: text}
  assert.is(dateRevision(named, compileText(text, named.path)).date, '2019-05-06')
})

history('a third page, in its own directory, is a page of its own; the URL page keeps its history', () => {
  const dated = (revision: {path: string; value: Buffer | string}) => dateRevision(revision, compile([revision], {accept}).catalog)
  const gateway = {
    path: 'gateway/2019-05-01.md',
    value: page({Gateway: ['**Required:** Gateway | gateway.example.com | TCP 443']}).replace('title: Power BI URLs', 'title: Power BI gateway endpoints').replace('01/02/2020', '05/01/2019')
  }
  const published = replay([revisionPage('2018-08-10'), gateway, revisionPage('2020-01-29')].map(dated), {accept})!
  assert.equal(published.catalog.sources.map((source) => source.path), ['gateway/2019-05-01.md', 'power-bi-urls/2020-01-29.md'])
  const [gatewayRelease] = published.feed.versions.filter((release) => release.version === '2019050100')
  // A second URL page: its own destinations, and the page itself, are news.
  assert.equal(gatewayRelease!.changes.map((change) => change.rule), ['required-destination-added', 'page-added'])
  assert.is(sinceOf(published.catalog)['gateway.example.com'], '2019050100')
})

history('two revisions of one page that nothing dates apart are replayed in path order, whatever their order, and said so', () => {
  const first = revisionPage('2018-08-10')
  const fixed = {path: 'power-bi-urls/2018-08-10-fix.md', value: String(first.value).replace('TCP 443', 'TCP 8443')}
  const revisions = [first, fixed].map((revision) => dateRevision(revision, compile([revision], {accept}).catalog))
  const results = [revisions, [...revisions].reverse()].map((order) => {
    const notes: string[] = []
    const published = replay(order, {accept, onNote: (note) => notes.push(note)})!
    return {published, notes}
  })
  assert.equal(results[0], results[1])
  const {published, notes} = results[0]!
  assert.equal(notes, ['power-bi-urls/2018-08-10-fix.md and power-bi-urls/2018-08-10.md: two revisions of one page dated 2018-08-10; replayed in path order'])
  // `…-fix.md` sorts first, so the plain file is the latest state.
  assert.equal(published.feed.versions.map((record) => record.version), ['2018081001', '2018081000'])
  assert.equal(published.catalog.sources.map((source) => source.path), ['power-bi-urls/2018-08-10.md'])
})

const since = suite('changes since')

const feedOfThree = (): Published => {
  let published = release(compileText(one), undefined)
  published = release(compileText(two), published)
  return release(compileText(dated(one, '2021-01-01')), published)
}

since('lists the releases after a version, newest first; all of them after 0000000000', () => {
  const {feed} = feedOfThree()
  assert.equal(changesSince(feed, '2020010200').map((r) => r.version), ['2021010100', '2020010201'])
  assert.equal(changesSince(feed, emptyVersion).map((r) => r.version), ['2021010100', '2020010201', '2020010200'])
  assert.equal(changesSince(feed, '2021010100'), [])
})

since('an unknown version is an error naming the versions there are', () => {
  const {feed} = feedOfThree()
  assert.throws(
    () => changesSince(feed, '2020010202'),
    (error: unknown) => error instanceof InputError && error.message === 'unknown version 2020010202: the feed has 3 versions, 2020010200 to 2021010100 (use --since 0000000000 for all of them)'
  )
})

since('records newer than the published catalog are not yet published', () => {
  const {feed} = feedOfThree()
  assert.equal(changesSince(feed, emptyVersion, '2020010201').map((r) => r.version), ['2020010201', '2020010200'])
  assert.throws(() => changesSince(feed, '2021010100', '2020010201'), /unknown version 2021010100/)
})

for (const test of [versions, releases, history, since]) test.run()
