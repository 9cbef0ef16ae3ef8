// The action's report: cut between lines to fit a limit, with a note saying where the rest is.
import * as assert from 'uvu/assert'
import {suite} from 'uvu'
import {truncateLines, utf8Bytes} from '../src/action/truncate.js'

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
