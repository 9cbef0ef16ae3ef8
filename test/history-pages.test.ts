// `history` over a folder of different pages keeps each page's revisions apart: a page is its
// directory and its name without the date, never the revision of another page.
import {copyFileSync, mkdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import * as assert from 'uvu/assert'
import {suite} from 'uvu'
import type {ChangeFeed} from '../generated/changes.js'
import type {Catalog} from '../src/index.js'
import {pageOfFile} from '../src/feed/history.js'
import {cli} from './helpers/cli.js'
import {temporaryDirectory} from './helpers/temporary.js'

const pages = suite('history over different pages')

const wild = '../shared/corpus/wild'

pages('a page is its directory and its name before the date', () => {
  assert.is(pageOfFile('power-bi-urls/2021-09-01.md'), 'power-bi-urls')
  assert.is(pageOfFile('power-bi-urls/2021-09-01-fix.md'), 'power-bi-urls')
  assert.is(pageOfFile('wild/fabric-allowlist-2024-05-06.md'), 'wild/fabric-allowlist')
  assert.is(pageOfFile('wild/fabric-allowlist-2025-10-14.md'), 'wild/fabric-allowlist')
  assert.is(pageOfFile('wild/intune-endpoints-2020-05-27.md'), 'wild/intune-endpoints')
})

pages('a folder of shared family pages: each page keeps its revisions, the catalog holds every page, no page removes another', () => {
  const root = temporaryDirectory('history-pages')
  mkdirSync(join(root, 'pages'))
  const files = ['fabric-allowlist-2024-05-06.md', 'fabric-allowlist-2025-10-14.md', 'intune-endpoints-2020-05-27.md', 'avd-safe-urls-2020-07-10.md']
  for (const file of files) copyFileSync(join(wild, file), join(root, 'pages', file))
  const run = cli(['history', 'pages', '--out', 'out', '--quiet'], root)
  assert.is(run.code, 0, run.stderr)
  assert.is(run.stdout, 'out/catalog.json: version 2025101400, 4 versions from 4 revisions\n')
  const catalog = JSON.parse(readFileSync(join(root, 'out', 'catalog.json'), 'utf8')) as Catalog
  assert.equal(
    catalog.sources.map((source) => source.path),
    ['pages/avd-safe-urls-2020-07-10.md', 'pages/fabric-allowlist-2025-10-14.md', 'pages/intune-endpoints-2020-05-27.md']
  )
  const feed = JSON.parse(readFileSync(join(root, 'out', 'changes.json'), 'utf8')) as ChangeFeed
  // The Azure Virtual Desktop page coming in (2020-07-10) adds its endpoints and removes nothing of Intune's.
  const avd = feed.versions.find((record) => record.version === '2020071000')!
  assert.equal(avd.sources.map((source) => source.path), ['pages/avd-safe-urls-2020-07-10.md', 'pages/intune-endpoints-2020-05-27.md'])
  assert.ok(avd.changes.length > 0)
  assert.not.ok(avd.changes.some((change) => change.rule === 'destination-removed' || change.rule === 'page-removed'))
  // The second Fabric revision replaces the first, as a revision of the same page.
  const fabric = feed.versions[0]!
  assert.equal(fabric.sources.map((source) => source.path), ['pages/avd-safe-urls-2020-07-10.md', 'pages/fabric-allowlist-2025-10-14.md', 'pages/intune-endpoints-2020-05-27.md'])
  assert.not.ok(fabric.changes.some((change) => change.rule === 'page-added' || change.rule === 'page-removed'))
})

pages.run()
