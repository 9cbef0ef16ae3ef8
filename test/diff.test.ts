// The diff engine: what is not a change, the document it returns, ordering and determinism.
import * as assert from 'uvu/assert'
import {suite} from 'uvu'
import {diff, diffSchemaVersion, hasChangeAtLeast} from '../src/diff/index.js'
import {formatDiffMarkdown} from '../src/format/diff-markdown.js'
import {validateAgainst} from '../src/validate.js'
import {catalogOf, diffPages, page, summary} from './diff-helpers.js'

const surface = suite('diff surface')

surface('the diff module exports exactly its public surface', async () => {
  assert.equal(Object.keys(await import('../src/diff/index.js')).sort(), ['changeRules', 'diff', 'diffSchemaVersion', 'hasChangeAtLeast'])
})

surface.run()

const formatting = suite('formatting-only edits')

const before = `---
title: Power BI URLs
ms.date: 01/29/2020
---

## General site usage

| Row | Purpose | Destination(s) | Port(s) |
| --- | --- | --- | --- |
| 1 | **Required:** Backend APIs | *.analysis.windows.net, *.pbidedicated.windows.net | TCP 443 |
| 2 | **Required:** Office 365 integration | See the Office 365 documentation for [Office Online and common URLs](https://docs.microsoft.com/office365/enterprise/urls-and-ip-address-ranges#microsoft-365-common-and-office-online) | N/A |
| 3 | **Required:** Portal | app.powerbi.com | TCP 443 |
| 5 | **Optional:** NPS surveys | nps.onyx.azure.net | TCP 443 |
`

const after = `---
title: Power BI URLs
ms.date: 09/01/2021
---

## General site usage

| Purpose | Destination | Port |
|---|---|---|
| **Optional:**   NPS surveys | nps.onyx.azure.net | TCP 443 |
|   **Required:** Portal |   App.PowerBI.com  | TCP 443 |
| **Required:** Backend APIs | *.pbidedicated.windows.net <br> *.analysis.windows.net | TCP 443 |
| **Required:** Office 365 Integration | See the documentation for [Microsoft 365 Common and Office Online URLs](/office365/enterprise/urls-and-ip-address-ranges#microsoft-365-common-and-office-online) | N/A |
`

formatting('separators, row numbers, order, link text, docs links, case and white space are no change', () => {
  assert.equal(summary(diffPages(before, after)), [])
})

formatting('a diff of a catalog with itself is empty', () => {
  const catalog = catalogOf(before)
  const document = diff(catalog, catalog)
  assert.equal(document.changes, [])
  assert.equal(document.counts, {error: 0, warning: 0, info: 0})
})

formatting.run()

const document = suite('diff document')

const old = page({Portal: [`**Required:** Portal | app.powerbi.com | TCP 443`, `**Optional:** Messages | dynmsg.modpim.com | TCP 443`]})
const current = page({Portal: [`**Required:** Portal | *.powerbi.com | TCP 443`, `**Optional:** Messages | arc.msn.com | TCP 443`, `**Required:** APIs | api.powerbi.com | TCP 443`]})

document('carries schemaVersion, both revisions, counts per level, and validates against its schema', () => {
  const a = catalogOf(old)
  const b = catalogOf(current)
  const result = diff(a, b)
  assert.is(result.schemaVersion, diffSchemaVersion)
  // A revision's sources are the catalog's, as the diff schema records a page (its product aside).
  const recorded = (catalog: typeof a) => catalog.sources.map(({service, serviceName, ...source}) => source)
  assert.equal(result.from, {version: a.version, contentHash: a.contentHash, sources: recorded(a)})
  assert.equal(result.to, {version: b.version, contentHash: b.contentHash, sources: recorded(b)})
  assert.equal(result.counts, {error: 2, warning: 1, info: 2})
  assert.equal(validateAgainst('diff', result), [])
})

document('a source of inbound traffic added says so, in the record, the message and the markdown', () => {
  const inbound = (rows: string[]) => ['---', 'title: Power BI URLs', 'ms.date: 01/02/2020', '---', '', '## Management', '', '| Purpose | Source IP address | Direction |', '| --- | --- | --- |', ...rows, ''].join('\n')
  const result = diff(catalogOf(inbound(['| **Required:** Health | 168.61.49.99 | Inbound |'])), catalogOf(inbound(['| **Required:** Health | 168.61.49.99 | Inbound |', '| **Required:** Health | 23.99.5.239 | Inbound |'])))
  const added = result.changes.find((change) => change.rule === 'required-destination-added')!
  assert.is(added.message, 'Destination `23.99.5.239` added as required (Management / Health, inbound)')
  const rows = (added as {after?: {endpointSets: Array<{direction?: string}>}}).after?.endpointSets ?? []
  assert.equal(rows.map((set) => set.direction), ['inbound'])
  assert.match(formatDiffMarkdown(result), /Management \/ Health \(inbound\)/)
  assert.equal(validateAgainst('diff', result), [])
})

document('a destination change carries destination, before/after, the rows and their source lines', () => {
  const result = diffPages(old, current)
  const added = result.changes.find((change) => change.rule === 'required-destination-added' && 'destination' in change && change.destination.value === 'api.powerbi.com')
  assert.equal(added, {
    rule: 'required-destination-added',
    level: 'error',
    fingerprint: added?.fingerprint,
    message: 'Destination `api.powerbi.com` added as required (Portal / APIs)',
    destination: {kind: 'host', value: 'api.powerbi.com'},
    before: null,
    after: {
      requirement: 'required',
      ports: ['tcp/443'],
      endpointSets: [{id: added && 'destination' in added ? added.after!.endpointSets[0]!.id : '', section: 'Portal', purpose: 'APIs', requirement: 'required', source: 'urls.md:12'}]
    }
  })
  assert.match(added!.fingerprint, /^[0-9a-f]{16}$/)

  const covered = result.changes.find((change) => change.rule === 'destination-covered-by-wildcard')
  assert.ok(covered && 'destination' in covered)
  assert.equal(covered.coveredBy, {kind: 'wildcard', value: '*.powerbi.com'})
  assert.is(covered.after, null)
  assert.is(covered.before?.endpointSets[0]?.source, 'urls.md:10')
})

document('changes are ordered by level, then rule in registry order, then destination', () => {
  assert.equal(summary(diffPages(old, current)), [
    'required-destination-added *.powerbi.com',
    'required-destination-added api.powerbi.com',
    'optional-destination-added arc.msn.com',
    'destination-removed dynmsg.modpim.com',
    'destination-covered-by-wildcard app.powerbi.com'
  ])
})

document('fingerprints depend on rule and subject, not on the revisions compared', () => {
  const first = diffPages(old, current)
  const other = diffPages(old.replace('01/02/2020', '03/04/2020'), current + '\n## Elsewhere\n\n| Purpose | Destination | Port |\n| --- | --- | --- |\n| **Optional:** Docs | docs.microsoft.com | TCP 443 |\n')
  const print = (result: typeof first, rule: string): string | undefined => result.changes.find((change) => change.rule === rule)?.fingerprint
  assert.is(print(other, 'destination-covered-by-wildcard'), print(first, 'destination-covered-by-wildcard'))
  assert.is.not(print(first, 'destination-removed'), print(first, 'destination-covered-by-wildcard'))
  assert.is(new Set(first.changes.map((change) => change.fingerprint)).size, first.changes.length)
})

document('the same inputs give byte-identical output', () => {
  const once = JSON.stringify(diffPages(old, current))
  assert.is(JSON.stringify(diffPages(old, current)), once)
})

document('hasChangeAtLeast says whether a change at or above a level exists', () => {
  const errors = diffPages(old, current)
  assert.ok(hasChangeAtLeast(errors, 'error'))
  assert.ok(hasChangeAtLeast(errors, 'info'))
  const removals = diffPages(current, current.replace(/\| \*\*Optional:\*\* Messages.*\n/, ''))
  assert.equal(removals.counts, {error: 0, warning: 0, info: 1})
  assert.not.ok(hasChangeAtLeast(removals, 'error'))
  assert.not.ok(hasChangeAtLeast(removals, 'warning'))
  assert.ok(hasChangeAtLeast(removals, 'info'))
  assert.not.ok(hasChangeAtLeast(diffPages(old, old), 'info'))
})

document('a link text shared by several links (`here`) pairs none of them as retargeted', () => {
  const links = (targets: string[], purpose: string): string[] =>
    targets.map((target, index) => `**Required:** ${purpose} ${index + 1} | Go [here](https://support.example.com/${target}) for more details | N/A`)
  const result = diffPages(page({Old: links(['a', 'b'], 'Identity')}), page({New: links(['c'], 'Mail')}))
  assert.equal(summary(result), [
    'reference-added https://support.example.com/c',
    'reference-removed https://support.example.com/a',
    'reference-removed https://support.example.com/b'
  ])
  const single = diffPages(page({Old: links(['a'], 'Identity')}), page({New: links(['c'], 'Mail')}))
  assert.equal(summary(single), ['reference-changed https://support.example.com/c'])
})

document.run()

// Destinations listed only by rows that are the same in both revisions are not compared; these
// check that a destination a changed row also lists still is.
const unchanged = suite('unchanged rows')

unchanged('a destination in an unchanged row and in a changed row is still compared', () => {
  const rows = (requirement: string) => ({
    Portal: ['**Optional:** Portal | app.powerbi.com | TCP 443', `**${requirement}:** Embedding | app.powerbi.com, embed.powerbi.com | TCP 443`]
  })
  assert.equal(summary(diffPages(page(rows('Optional')), page(rows('Required')))), [
    'destination-now-required app.powerbi.com',
    'destination-now-required embed.powerbi.com'
  ])
})

unchanged('a row that only moved down the page changes nothing; new ports on a same-id row are found', () => {
  const first = '**Required:** Portal | app.powerbi.com | TCP 443'
  const second = '**Required:** APIs | api.powerbi.com | TCP 443'
  assert.equal(summary(diffPages(page({Portal: [first, second]}), page({Portal: ['**Optional:** Help | help.powerbi.com | TCP 443', first, second]}))), [
    'optional-destination-added help.powerbi.com'
  ])
  assert.equal(summary(diffPages(page({Portal: [first, second]}), page({Portal: [first, second.replace('TCP 443', 'TCP 443, 80')]}))), [
    'ports-added api.powerbi.com'
  ])
})

unchanged('a destination that leaves an unchanged row for another keeps its facts from both', () => {
  const before = page({Portal: ['**Required:** Portal | app.powerbi.com | TCP 443', '**Optional:** APIs | api.powerbi.com | TCP 443']})
  const after = page({Portal: ['**Required:** Portal | app.powerbi.com | TCP 443', '**Optional:** APIs | api.powerbi.com, app.powerbi.com | UDP 3478']})
  assert.equal(summary(diffPages(before, after)), ['ports-added app.powerbi.com', 'ports-added api.powerbi.com', 'ports-removed api.powerbi.com'])
})

unchanged('a wildcard only unchanged rows list still covers what changed rows add or drop', () => {
  const wildcard = '**Required:** Portal | *.powerbi.com | TCP 443'
  const before = page({Portal: [wildcard, '**Required:** APIs | api.powerbi.com | TCP 443']})
  const after = page({Portal: [wildcard, '**Required:** Reports | reports.powerbi.com | TCP 443']})
  assert.equal(summary(diffPages(before, after)), ['destination-already-covered reports.powerbi.com', 'destination-covered-by-wildcard api.powerbi.com'])
})

unchanged.run()
