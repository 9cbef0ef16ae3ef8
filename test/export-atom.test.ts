// The change feed as Atom (RFC 4287): parsed with an XML parser, one entry per version, newest
// first, with stable ids and the versions' dates; `build` writes it as generated/changes.atom.
import {readFileSync} from 'node:fs'
import {XMLParser, XMLValidator} from 'fast-xml-parser'
import * as assert from 'uvu/assert'
import {suite} from 'uvu'
import {renderReleases, type ChangeFeed} from '../src/index.js'
import {atomEntryId, atomFeedId} from '../src/format/atom.js'
import {runCli} from './helpers/cli.js'
import {sharedReleases} from './helpers/shared-feed.js'

interface AtomEntry {
  id: string
  title: string
  updated: string
  content: {'#text': string; '@_type': string}
}
interface AtomFeed {
  '@_xmlns': string
  id: string
  title: string
  updated: string
  author: {name: string}
  entry: AtomEntry[]
}

const atom = suite('atom')
const parse = (xml: string): AtomFeed => {
  assert.is(XMLValidator.validate(xml), true, 'well-formed XML')
  return (new XMLParser({ignoreAttributes: false, isArray: (name) => name === 'entry'}).parse(xml) as {feed: AtomFeed}).feed
}
const rfc3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/

atom('an entry per version, newest first, with the elements RFC 4287 requires', async () => {
  const last = sharedReleases().at(-1)!
  const feed = parse(renderReleases(last.feed.versions, last.feed, 'atom').text)
  assert.is(feed['@_xmlns'], 'http://www.w3.org/2005/Atom')
  assert.is(feed.id, atomFeedId())
  assert.match(feed.id, /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
  assert.ok(feed.title.length > 0 && feed.author.name.length > 0)
  assert.is(feed.updated, '2023-09-29T00:00:00Z')
  assert.equal(feed.entry.map((entry) => entry.title.slice(8, 18)), last.feed.versions.map((release) => release.version))
  assert.equal(feed.entry.map((entry) => entry.updated), last.feed.versions.map((release) => `${release.date}T00:00:00Z`))
  for (const [index, entry] of feed.entry.entries()) {
    const release = last.feed.versions[index]!
    assert.match(entry.updated, rfc3339)
    assert.is(entry.id, atomEntryId(release))
    assert.is(entry.content['@_type'], 'text')
    assert.ok(entry.content['#text'].startsWith(`${release.previous ?? '0000000000'} → ${release.version}:`), entry.content['#text'].slice(0, 40))
  }
  assert.is(new Set(feed.entry.map((entry) => entry.id)).size, feed.entry.length)
})

atom('entry ids do not change as versions are added', async () => {
  const states = sharedReleases()
  const ids = (feed: ChangeFeed): string[] => parse(renderReleases(feed.versions, feed, 'atom').text).entry.map((entry) => entry.id)
  const all = ids(states.at(-1)!.feed)
  for (const state of states.slice(0, -1)) assert.equal(ids(state.feed), all.slice(all.length - state.feed.versions.length))
  assert.is(parse(renderReleases(states[0]!.feed.versions, states[0]!.feed, 'atom').text).id, atomFeedId())
})

atom('`changes --format atom` and generated/changes.atom', async () => {
  const run = await runCli(['changes', '--since', '0000000000', '--format', 'atom'])
  assert.is(run.code, 0, run.stderr)
  assert.is(run.stdout, readFileSync('generated/changes.atom', 'utf8'))
  const feed = JSON.parse(readFileSync('generated/changes.json', 'utf8')) as ChangeFeed
  assert.is(parse(run.stdout).entry.length, feed.versions.length)
  assert.match(run.stdout.split('\n')[1]!, new RegExp(`^<!-- endpoint-catalog: catalog version ${feed.versions[0]!.version}, ${feed.versions[0]!.contentHash} -->$`))
  const latest = await runCli(['changes', '--since', feed.versions[0]!.version, '--format', 'atom'])
  assert.is(latest.code, 0)
  const empty = (new XMLParser().parse(latest.stdout) as {feed: {entry?: unknown; updated: string}}).feed
  assert.equal([empty.entry, empty.updated], [undefined, `${feed.versions[0]!.date}T00:00:00Z`])
})

atom.run()
