// The bounds checked before parsing (src/compile/limits.ts): real pages pass in every line-end
// style; nothing in src spreads a page-sized array into a call (which overflows the stack).
import {readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import * as assert from 'uvu/assert'
import {suite} from 'uvu'
import {checkLimits, limits} from '../src/compile/limits.js'

const bounds = suite('page limits')

const realPages = [
  ...readdirSync('docs-source').map((name) => join('docs-source', name)),
  ...readdirSync('test/fixtures/compile').map((name) => join('test/fixtures/compile', name, 'input.md'))
]

bounds('every real page is within the limits, with LF, CRLF or CR line ends', () => {
  for (const path of realPages) {
    const text = readFileSync(path, 'utf8')
    for (const end of ['\n', '\r\n', '\r']) checkLimits(text.replace(/\r?\n/g, end), path)
  }
})

bounds('a table of many rows is read row by row: 5,000 rows of `**Required:**` are within the limits', () => {
  const table = '| Purpose | Destination | Port |\n| --- | --- | --- |\n' + '| **Required:** [Portal](https://a.example) | a.com | TCP 443 |\n'.repeat(5_000)
  checkLimits(table, 'table.md')
  checkLimits(table.replace(/\n/g, '\r'), 'table.md')
})

bounds('the lines of one paragraph count together; a blank line starts a new count', () => {
  const line = '*a* '.repeat(limits.emphasisMarks / 8) + '\n'
  checkLimits(line + '\n' + line + '\n' + line, 'separate.md')
  assert.throws(() => checkLimits('intro\n' + line.repeat(5), 'joined.md'), /joined\.md:1: more than 256 emphasis marks/)
})

bounds('no call in src spreads an array into its arguments (push(...rows) overflows the stack on a big page)', () => {
  const offending: string[] = []
  const walk = (directory: string): void => {
    for (const entry of readdirSync(directory, {withFileTypes: true})) {
      const path = join(directory, entry.name)
      if (entry.isDirectory()) walk(path)
      else if (path.endsWith('.ts')) {
        readFileSync(path, 'utf8')
          .split('\n')
          .forEach((text, index) => {
            if (/\.(?:push|unshift)\(\.\.\.|Math\.(?:max|min)\(\.\.\.|fromCharCode\(\.\.\./.test(text)) offending.push(`${path}:${index + 1}`)
          })
      }
    }
  }
  walk('src')
  assert.equal(offending, [])
})

bounds.run()
