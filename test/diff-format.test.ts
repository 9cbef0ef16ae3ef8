// Diff formatters: text, markdown (escaped for pull-request comments) and JSON. They only render.
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import * as assert from 'uvu/assert'
import {suite} from 'uvu'
import {diff, type Diff} from '../src/diff/index.js'
import {formatDiffJson} from '../src/format/diff-json.js'
import {escapeMarkdown, formatDiffMarkdown} from '../src/format/diff-markdown.js'
import {formatDiffText} from '../src/format/diff-text.js'
import {compile, type Catalog} from '../src/index.js'
import {catalogOf, diffPages, page} from './diff-helpers.js'
import {expectFile} from './helpers/fixtures.js'

const fixture = join('test', 'fixtures', 'diff', 'power-bi-urls-2020-01-29-to-2021-09-01')

function fixtureDiff(): Diff {
  const read = (name: string): Catalog => compile([{path: name, value: readFileSync(join(fixture, name))}]).catalog
  return diff(read('old.md'), read('new.md'))
}

const old = page({Portal: ['**Required:** Portal | app.powerbi.com | TCP 443', '**Optional:** Messages | dynmsg.modpim.com | TCP 443']})
const current = page({Portal: ['**Required:** Portal | *.powerbi.com | TCP 443', '**Optional:** Messages | arc.msn.com | TCP 443']})

const text = suite('text format')

text('2020-01-29 → 2021-09-01 as text (pinned)', () => {
  expectFile(join(fixture, 'diff.txt'), formatDiffText(fixtureDiff()))
})

text('a summary, then the changes grouped by level, each with source, message and rule', () => {
  assert.is(
    formatDiffText(diffPages(old, current)),
    [
      '2020010200 → 2020010200: 1 error, 1 warning, 2 infos',
      '',
      'error',
      '  urls.md:10  Destination `*.powerbi.com` added as required (Portal / Portal)  required-destination-added',
      '',
      'warning',
      '  urls.md:11  Destination `arc.msn.com` added as optional (Portal / Messages)  optional-destination-added',
      '',
      'info',
      '  urls.md:11  Destination `dynmsg.modpim.com` removed (was optional: Portal / Messages)  destination-removed',
      '  urls.md:10  Destination `app.powerbi.com` removed, still covered by `*.powerbi.com` (was required: Portal / Portal)  destination-covered-by-wildcard',
      ''
    ].join('\n')
  )
})

text('colour only when asked', () => {
  const document = diffPages(old, current)
  assert.not.match(formatDiffText(document), '\u001b[')
  const coloured = formatDiffText(document, {color: true})
  assert.match(coloured, '\u001b[31merror\u001b[0m')
  assert.match(coloured, '\u001b[2mrequired-destination-added\u001b[0m')
})

text('no changes', () => {
  assert.is(formatDiffText(diffPages(old, old)), '2020010200 → 2020010200: no changes\n')
})

text('control characters from a page cannot reach the terminal', () => {
  const document = diffPages(old, current)
  const hostile: Diff = {...document, changes: document.changes.map((change) => ({...change, message: 'bad \u001b[2J text'}))}
  assert.not.match(formatDiffText(hostile), '\u001b[2J')
  assert.match(formatDiffText(hostile), 'bad \\x1b[2J text')
})

text('levels come from the diff, not from the formatter', () => {
  const document = diffPages(old, current)
  const relabelled: Diff = {...document, changes: document.changes.map((change) => ({...change, level: 'info' as const}))}
  assert.not.match(formatDiffText(relabelled), /^error$/m)
  assert.match(formatDiffText(relabelled), /^info\n {2}urls\.md:10 {2}Destination `\*\.powerbi\.com`/m)
})

text.run()

const markdown = suite('markdown format')

/** Unescaped pipes on a line: a table row of six cells has seven. */
function pipes(line: string): number {
  return (line.match(/(?<!\\)\|/g) ?? []).length
}

markdown('2020-01-29 → 2021-09-01 as markdown (pinned)', () => {
  expectFile(join(fixture, 'diff.md'), formatDiffMarkdown(fixtureDiff()))
})

markdown('a one-line summary, then a table per level', () => {
  const lines = formatDiffMarkdown(diffPages(old, current)).split('\n')
  assert.is(lines[0], '**1 error, 1 warning, 2 infos** in the endpoints from `2020010200` → `2020010200`.')
  assert.equal(
    lines.filter((line) => line.startsWith('###')),
    ['### Errors (1)', '### Warnings (1)', '### Info (2)']
  )
  assert.ok(lines.includes('| `required-destination-added` | `*.powerbi.com` | added as required | Portal / Portal | `tcp/443` | `urls.md:10` |'))
  assert.ok(lines.includes('| `destination-covered-by-wildcard` | `app.powerbi.com` | removed, still covered by `*.powerbi.com` | Portal / Portal | `tcp/443` | `urls.md:10` |'))
})

markdown('no changes', () => {
  assert.is(formatDiffMarkdown(diffPages(old, old)), 'No endpoint changes from `2020010200` → `2020010200`.\n')
})

markdown('doc text cannot inject markup, HTML or mentions, or break a table cell', () => {
  const before = catalogOf(page({Portal: ['**Required:** Portal | app.powerbi.com | TCP 443']}))
  const after = catalogOf(page({Portal: ['**Required:** Portal | app.powerbi.com | TCP 443', '**Required:** Evil | evil.example.com, Ask `ops` \\| [me](https://x.test) | TCP 443']}))
  const set = after.endpointSets[1]!
  set.purpose = '<img src=x> @team | **x**\n# heading'
  set.section = '<script>alert(1)</script> _s_ ~~t~~ $m$ &amp;'
  const rendered = formatDiffMarkdown(diff(before, after))

  assert.not.match(rendered, '<img')
  assert.not.match(rendered, '<script')
  assert.not.match(rendered, /(?<!\\)\*\*x/)
  assert.not.match(rendered, /@team/)
  assert.match(rendered, '&lt;img src=x&gt; @&#8203;team \\| \\*\\*x\\*\\* # heading')
  assert.match(rendered, '&lt;script&gt;alert(1)&lt;/script&gt; \\_s\\_ \\~\\~t\\~\\~ \\$m\\$ &amp;amp;')
  for (const line of rendered.split('\n').filter((line) => line.startsWith('|'))) {
    assert.is(pipes(line), 7, line)
  }
})

markdown('escapeMarkdown breaks what GitHub would link: issue references and bare URLs', () => {
  const escaped = escapeMarkdown('see #12, GH-3, owner/repo#4, https://evil.example and www.evil.example')
  assert.is(escaped, 'see #&#8203;12, GH&#8203;-3, owner/repo#&#8203;4, https:&#8203;//evil.example and www&#8203;.evil.example')
  assert.is(escapeMarkdown('Step #two'), 'Step #two')
})

markdown('escapeMarkdown leaves plain text alone and flattens line breaks', () => {
  assert.is(escapeMarkdown('General site usage / Backend APIs (CDN)'), 'General site usage / Backend APIs (CDN)')
  assert.is(escapeMarkdown('one\ntwo\r\nthree'), 'one two three')
  assert.is(escapeMarkdown('[x](javascript:alert(1))'), '\\[x\\](javascript:alert(1))')
  assert.is(escapeMarkdown('a `b` c'), 'a \\`b\\` c')
})

markdown.run()

const json = suite('json format')

json('the diff document, two-space indented, with a final newline, byte-identical for the same inputs', () => {
  const document = diffPages(old, current)
  const rendered = formatDiffJson(document)
  assert.is(rendered, JSON.stringify(document, null, 2) + '\n')
  assert.equal(JSON.parse(rendered), document)
  assert.is(formatDiffJson(diffPages(old, current)), rendered)
})

json.run()
