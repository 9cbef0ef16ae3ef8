// Clouds in the diff: each change names the clouds it concerns, the same change in several clouds
// is one change, `cloud` narrows the diff, and the formats say where a change is not public.
// Catalogs are compiled from small pages, then given their clouds by hand.
import * as assert from 'uvu/assert'
import {suite} from 'uvu'
import type {Catalog, Cloud} from '../src/index.js'
import {diff} from '../src/diff/index.js'
import {formatDiffMarkdown} from '../src/format/diff-markdown.js'
import {formatDiffText} from '../src/format/diff-text.js'
import {validateAgainst} from '../src/validate.js'
import {catalogOf, page, summary} from './diff-helpers.js'

const row = (purpose: string, destinations: string, port = 'TCP 443'): string => `${purpose} | ${destinations} | ${port}`

/** The catalog of a page, with the clouds of each destination value set as given (others left unsaid). */
function withClouds(urls: string, clouds: Record<string, Cloud[]>): Catalog {
  const catalog = catalogOf(urls)
  for (const set of catalog.endpointSets) {
    for (const destination of set.destinations) {
      const given = clouds[`${set.purpose} ${destination.value}`] ?? clouds[destination.value]
      if (given) destination.clouds = given as [Cloud, ...Cloud[]]
    }
  }
  return catalog
}

const base = page({Portal: [row('**Required:** Portal', 'app.powerbi.com')]})
const gccHighAdded = page({
  Portal: [row('**Required:** Portal', 'app.powerbi.com'), row('**Required:** Government portal', 'app.high.powerbigov.us')]
})

const clouds = suite('diff clouds')

clouds('a host added for GCC High only says so, in the change, its fingerprint and the document', () => {
  const document = diff(catalogOf(base), withClouds(gccHighAdded, {'app.high.powerbigov.us': ['usgov-gcchigh']}))
  assert.equal(validateAgainst('diff', document), [])
  assert.equal(document.clouds, ['public', 'usgov-gcchigh'])
  assert.equal(summary(document), ['required-destination-added app.high.powerbigov.us'])
  const change = document.changes[0]!
  assert.equal(change.clouds, ['usgov-gcchigh'])
  // The same change in the public cloud is another change: another fingerprint.
  const publicOnly = diff(catalogOf(base), catalogOf(gccHighAdded)).changes[0]!
  assert.is(publicOnly.clouds, undefined)
  assert.is.not(publicOnly.fingerprint, change.fingerprint)
})

clouds('a change alike in several clouds is one change naming them; one that differs is one per cloud', () => {
  const after = page({
    Portal: [row('**Required:** Portal', 'app.powerbi.com'), row('**Required:** Service', 'api.powerbi.com')],
    Government: [row('**Optional:** Government service', 'api.powerbi.com')]
  })
  const everywhere: Cloud[] = ['public', 'usgov-gcc', 'usgov-dod']
  const alike = diff(catalogOf(base), withClouds(after, {
    'Service api.powerbi.com': everywhere,
    'Government service api.powerbi.com': everywhere
  }))
  // In each of the three clouds the same two rows list it, required: one change.
  const byCloud = alike.changes.map((change) => `${change.rule} ${(change.clouds ?? ['public']).join(',')}`)
  assert.equal(byCloud, ['required-destination-added public,usgov-gcc,usgov-dod'])

  // GCC lists it as required (`Service`), the public cloud as optional (`Government service`).
  const differs = diff(catalogOf(base), withClouds(after, {
    'Service api.powerbi.com': ['usgov-gcc'],
    'Portal app.powerbi.com': ['public', 'usgov-gcc']
  }))
  assert.equal(
    differs.changes.map((change) => `${change.rule} ${(change.clouds ?? ['public']).join(',')}`),
    ['required-destination-added usgov-gcc', 'required-destination-added usgov-gcc', 'optional-destination-added public']
  )
  assert.equal(summary(differs), [
    'required-destination-added api.powerbi.com',
    'required-destination-added app.powerbi.com',
    'optional-destination-added api.powerbi.com'
  ])
})

clouds('a wildcard of one cloud does not cover a host of another', () => {
  const before = page({Portal: [row('**Required:** Portal', '*.powerbi.com')]})
  const after = page({Portal: [row('**Required:** Portal', '*.powerbi.com'), row('**Required:** Government', 'gov.powerbi.com')]})
  const document = diff(catalogOf(before), withClouds(after, {'gov.powerbi.com': ['public', 'usgov-gcc']}))
  assert.equal(
    document.changes.map((change) => `${change.rule} ${(change.clouds ?? ['public']).join(',')}`),
    ['required-destination-added usgov-gcc', 'destination-already-covered public']
  )
})

clouds('`cloud` narrows the diff to one cloud; a catalog that says nothing of clouds is the public cloud', () => {
  const before = catalogOf(base)
  const after = withClouds(gccHighAdded, {'app.high.powerbigov.us': ['usgov-gcchigh']})
  const high = diff(before, after, {cloud: 'usgov-gcchigh'})
  assert.equal(high.clouds, ['usgov-gcchigh'])
  // In GCC High, app.powerbi.com (public) is not listed on either side: only the new host.
  assert.equal(summary(high), ['required-destination-added app.high.powerbigov.us'])
  assert.equal(high.changes[0]!.clouds, ['usgov-gcchigh'])
  const publicCloud = diff(before, after, {cloud: 'public'})
  assert.is(publicCloud.clouds, undefined)
  assert.equal(publicCloud.changes, [])
  assert.equal(diff(before, after, {cloud: 'china'}).changes, [])
})

clouds('saying `public` where an older catalog said nothing is no change', () => {
  const after = withClouds(base, {'app.powerbi.com': ['public']})
  const document = diff(catalogOf(base), after)
  assert.equal(document.changes, [])
  assert.is(document.clouds, undefined)
})

clouds('text names the clouds of a change that is not only public; markdown groups by clouds', () => {
  const after = withClouds(
    page({
      Portal: [row('**Required:** Portal', 'app.powerbi.com'), row('**Required:** Government portal', 'app.high.powerbigov.us')],
      Sites: [row('**Optional:** Docs', 'docs.microsoft.com')]
    }),
    {'app.high.powerbigov.us': ['usgov-gcchigh'], 'docs.microsoft.com': ['public', 'usgov-gcchigh']}
  )
  const document = diff(catalogOf(base), after)
  const text = formatDiffText(document)
  assert.is(text.split('\n')[0], '2020010200 → 2020010200 in Public, GCC High: 1 error, 1 warning')
  assert.match(text, /Destination `app\.high\.powerbigov\.us` added as required \(Portal \/ Government portal\) {2}\[GCC High\] {2}required-destination-added\n/)
  assert.match(text, /Destination `docs\.microsoft\.com` added as optional \(Sites \/ Docs\) {2}\[Public, GCC High\] {2}optional-destination-added\n/)

  const markdown = formatDiffMarkdown(document)
  assert.match(markdown, /^\*\*1 error, 1 warning\*\* in the endpoints from `2020010200` → `2020010200` \(Public, GCC High\)\.\n/)
  const headings = markdown.split('\n').filter((line) => line.startsWith('#'))
  assert.equal(headings, ['### Clouds: Public, GCC High', '#### Warnings (1)', '### Cloud: GCC High', '#### Errors (1)'])

  // A change feed's record keeps the changes, not the clouds compared: the changes still group.
  const {clouds: compared, ...record} = document
  assert.ok(compared)
  assert.equal(formatDiffMarkdown(record).split('\n').filter((line) => line.startsWith('#')), headings)

  // One cloud: no grouping, as before clouds.
  const single = formatDiffMarkdown(diff(catalogOf(base), after, {cloud: 'usgov-gcchigh'}))
  assert.equal(single.split('\n').filter((line) => line.startsWith('#')), ['### Errors (1)', '### Warnings (1)'])
})

clouds.run()
