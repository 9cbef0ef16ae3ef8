// The action's report: the comment and the job summary, cut between lines to fit GitHub's limits,
// with a note saying where the rest is.
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import * as assert from 'uvu/assert'
import {suite} from 'uvu'
import {newBuildErrors} from '../src/action/build-check.js'
import {inertForGitHub} from '../src/action/inert.js'
import {commentBody, commentMarker, summaryMarkdown, type ReportContext} from '../src/action/report.js'
import {formatBuildErrors} from '../src/format/build-errors-markdown.js'
import {truncateLines, utf8Bytes} from '../src/action/truncate.js'
import {diff, type Diff} from '../src/diff/index.js'
import {compile} from '../src/index.js'
import {urlPage} from './helpers/compile.js'

const page = (rows: string[]) => urlPage('| Purpose | Destination | Port |', rows)

const truncate = suite('truncateLines')

const table = ['| a | b |', '| --- | --- |', ...Array.from({length: 50}, (_, index) => `| \`host-${index}.example.com\` | row ${index} |`)].join('\n') + '\n'

truncate('text that fits is returned unchanged', () => {
  assert.is(truncateLines(table, table.length, 'note'), table)
})

truncate('text that does not fit keeps whole leading lines, then the note, within the limit', () => {
  for (const limit of [60, 200, 555, 1000, table.length - 1]) {
    const cut = truncateLines(table, limit, '_cut_')
    assert.ok(cut.length <= limit, `${cut.length} > ${limit}`)
    assert.ok(cut.endsWith('\n\n_cut_\n'), cut)
    const kept = cut.slice(0, -'\n\n_cut_\n'.length).split('\n')
    assert.equal(kept, table.split('\n').slice(0, kept.length), 'a prefix of whole lines')
    // The next line would not have fitted.
    const next = table.split('\n').slice(0, kept.length + 1).join('\n') + '\n\n_cut_\n'
    assert.ok(next.length > limit)
  }
})

truncate('limits in bytes count multi-byte characters', () => {
  const text = Array.from({length: 20}, () => 'é→ ✓ ünïcödé').join('\n')
  const cut = truncateLines(text, 100, 'cut', utf8Bytes)
  assert.ok(utf8Bytes(cut) <= 100)
  assert.ok(cut.length < 100, 'characters are fewer than bytes here')
  assert.ok(cut.endsWith('\n\ncut\n'))
})

truncate('a first line longer than the limit leaves only the note', () => {
  assert.is(truncateLines('x'.repeat(500) + '\nshort\n', 100, 'cut'), 'cut\n')
})

truncate('blank lines before the cut are dropped', () => {
  assert.is(truncateLines('one\n\n\n' + 'x'.repeat(200), 20, 'cut'), 'one\n\ncut\n')
})

truncate.run()

const report = suite('comment and summary')

const fixture = join('test', 'fixtures', 'diff', 'power-bi-urls-2020-01-29-to-2021-09-01')
const context: ReportContext = {
  serverUrl: 'https://github.com',
  repository: 'octo/docs',
  base: 'a'.repeat(40),
  head: 'b'.repeat(40),
  runUrl: 'https://github.com/octo/docs/actions/runs/1',
  diffJsonPath: '/runner/temp/endpoint-catalog/pull-request-1-diff.json'
}

function fixtureDiff(copies: number): Diff {
  const read = (name: string) => compile([{path: name, value: readFileSync(join(fixture, name))}]).catalog
  const document = diff(read('old.md'), read('new.md'))
  // Many copies of the same changes make a diff of any size with real rows in it.
  const changes = Array.from({length: copies}, () => document.changes).flat()
  return {...document, changes, counts: {error: document.counts.error * copies, warning: document.counts.warning * copies, info: document.counts.info * copies}}
}

report('the comment is the summary behind the marker, when it fits', () => {
  const document = fixtureDiff(1)
  const body = commentBody(document, context)
  assert.is(body, commentMarker + '\n' + summaryMarkdown(document, context))
  assert.ok(body.endsWith(`<sub>endpoint-catalog · head ${'b'.repeat(40)} · [workflow run](https://github.com/octo/docs/actions/runs/1)</sub>\n`))
})

report('a diff past both limits: the comment keeps 65,536 characters, the summary 1 MiB, each with its note', () => {
  const document = fixtureDiff(3000)
  const body = commentBody(document, context)
  assert.ok(body.length <= 65_536 && body.length > 64_000, String(body.length))
  assert.match(body, /\n\n_The report is cut here to fit GitHub's limit of 65,536 characters for a comment; the full report is in the \[job summary\]\(https:\/\/github\.com\/octo\/docs\/actions\/runs\/1\)\._\n\n<sub>/)
  const summary = summaryMarkdown(document, context)
  const bytes = Buffer.byteLength(summary)
  assert.ok(bytes <= 1024 * 1024 && bytes > 1000 * 1024, String(bytes))
  assert.not.match(summary, commentMarker)
  assert.match(summary, "\n\n_The report is cut here to fit GitHub's 1 MiB limit for a job summary; the whole diff is the `diff-json` output, `/runner/temp/endpoint-catalog/pull-request-1-diff.json`._\n\n<sub>")
  for (const text of [body, summary]) {
    const rows = text.split('\n').filter((line) => line.startsWith('| `'))
    assert.ok(rows.every((line) => line.endsWith('|') && (line.match(/(?<!\\)\|/g) ?? []).length === 7))
  }
})

report('the commits are linked by full id, shown short', () => {
  const body = commentBody(fixtureDiff(1), context)
  assert.match(body, `Head [\`bbbbbbb\`](https://github.com/octo/docs/commit/${'b'.repeat(40)}) compared with its merge base [\`aaaaaaa\`](https://github.com/octo/docs/commit/${'a'.repeat(40)}).`)
  assert.not.match(commentBody(fixtureDiff(1), {...context, runUrl: undefined}), 'workflow run')
})

report('bidi overrides and zero-width characters are shown, and bare 40-hex strings split, outside code spans too', () => {
  const hash = '0123456789abcdef0123456789abcdef01234567'
  assert.is(
    inertForGitHub(`a\u202eb\u200bc \u2066d ${hash} \`${hash}\` \`x\u202ey\``),
    `a⟨U+202E⟩b⟨U+200B⟩c ⟨U+2066⟩d 0123456789abcdef0123&#8203;456789abcdef01234567 \`${hash}\` \`x⟨U+202E⟩y\``
  )
  // A longer hash is no commit id; the comment's own links keep theirs.
  assert.is(inertForGitHub('a'.repeat(64)), 'a'.repeat(64))
  const body = commentBody(fixtureDiff(1), context)
  assert.match(body, `/commit/${'b'.repeat(40)})`)
})

report('the build section lists the new errors with escaped messages, and flags a config change', () => {
  const error = {ruleId: 'port-invalid', severity: 'error' as const, message: 'Unexpected port `70000` @team', source: {path: 'docs-source/a.md', line: 4, column: 1}}
  const section = formatBuildErrors({newErrors: [error], configChanged: true})
  assert.match(section, '> [!WARNING]\n> This pull request changes `endpoint-catalog.yaml`')
  assert.match(section, '| `port-invalid` | Unexpected port \\`70000\\` @&#8203;team | `docs-source/a.md:4` |')
  assert.is(formatBuildErrors({newErrors: [], configChanged: false}), '')
  const body = commentBody(fixtureDiff(1), {...context, build: {newErrors: [error], configChanged: false}})
  assert.ok(body.indexOf('### `build` fails after the merge: 1 new error') < body.indexOf('### Errors'), 'before the diff')
})

report('newBuildErrors: the head errors the base lacks, matched by page, rule and message whatever the line', () => {
  const base = compile([{path: 'p.md', value: page(['| **Required:** X | a.com | TCP 0 |'])}]).catalog
  const head = compile([{path: 'p.md', value: page(['| **Required:** Y | b.com | TCP 443 |', '| **Required:** X | a.com | TCP 0 |', '| **Required:** Z | c.com | TCP 70000 |'])}]).catalog
  assert.equal(newBuildErrors(base, head).map((d) => d.message), ['Unexpected port `70000`, expected a number from 1 to 65535'])
  assert.equal(newBuildErrors(head, base), [])
})

report.run()
