// Reading a page a section at a time gives the tree of the full remark parse: the same nodes with
// the same positions, and the same diagnostics, on every real page the tests keep (and on the
// shared corpus when it is there), on the benchmark's pages, and on generated pages.
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import fc from 'fast-check'
import type {Root} from 'mdast'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import * as assert from 'uvu/assert'
import {suite} from 'uvu'
import {VFile} from 'vfile'
import {generatePage, renderPage} from '../bench/generate.js'
import {parseSections} from '../src/compile/parse.js'
import {plainLine} from '../src/compile/plain-lines.js'
import {pageLines, recoverTables} from '../src/compile/recover-tables.js'
import {isPlainText} from '../src/compile/row.js'
import {simpleInline} from '../src/compile/simple-inline.js'
import {splitSections} from '../src/compile/sections.js'
import {rejectedTableLines, tableLines} from '../src/compile/table-lines.js'
import {page, propertySeed} from './helpers/arbitrary.js'

const sections = suite('reading a page a section at a time')
const whole = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).freeze()
const inline = unified().use(remarkParse).use(remarkGfm).freeze()

/** The page as one remark parse, with table recovery over the whole tree. */
function parseWhole(text: string): {children: Root['children']; messages: string[]} {
  const file = new VFile({path: 'page.md', value: text})
  const tree = whole.parse(file)
  recoverTables(tree, file, pageLines(text))
  return {children: tree.children, messages: messagesOf(file)}
}

/** The page read a section at a time, the trees joined. */
function parseBySection(text: string): {children: Root['children']; messages: string[]} {
  const file = new VFile({path: 'page.md', value: text})
  const children: Root['children'] = []
  for (const tree of parseSections(file)) children.push(...tree.children)
  return {children, messages: messagesOf(file)}
}

function messagesOf(file: VFile): string[] {
  return file.messages.map((message) => `${message.line}:${message.column} ${message.ruleId} ${message.reason}`).sort()
}

function pagesUnder(directory: string): string[] {
  if (!existsSync(directory)) return []
  return readdirSync(directory, {recursive: true, encoding: 'utf8'})
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => join(directory, name))
}

const kept = [...pagesUnder('test/fixtures/compile'), ...pagesUnder('test/fixtures/diff'), ...pagesUnder('../shared/corpus')]

sections('the pages the tests keep read the same a section at a time as whole', () => {
  assert.ok(kept.length >= 30, `only ${kept.length} pages found`)
  let split = 0
  for (const file of kept) {
    const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '')
    if (splitSections(text).length > 1) split++
    assert.equal(parseBySection(text), parseWhole(text), file)
  }
  // Most real pages are read in several sections: the comparison is not of one parse with itself.
  assert.ok(split * 2 > kept.length, `only ${split} of ${kept.length} pages split`)
})

sections('the benchmark pages read the same a section at a time as whole', () => {
  for (const seed of [1, 2, 3]) {
    const text = renderPage(generatePage({rows: 300, seed}))
    const split = splitSections(text)
    assert.ok(split.length > 20)
    // Both ways of reading a table from its lines are taken (and compared below).
    assert.ok(split.filter((section) => tableLines(section)).length > 10, 'tables read from their lines')
    assert.ok(split.some((section) => rejectedTableLines(section)), 'rejected tables recovered from their lines')
    assert.ok(split.filter((section) => plainLine(section)?.type === 'heading').length > 10, 'headings read from their lines')
    assert.ok(split.some((section) => plainLine(section)?.type === 'paragraph'), 'paragraphs read from their lines')
    assert.equal(parseBySection(text), parseWhole(text), `seed ${seed}`)
  }
})

sections('generated pages read the same a section at a time as whole', () => {
  const seed = propertySeed()
  console.log(`sections: seed ${seed} (replay: PROPERTY_SEED=${seed} node test/run.js sections)`)
  fc.assert(
    fc.property(page, (text) => {
      assert.equal(parseBySection(text), parseWhole(text))
    }),
    {numRuns: 200, seed}
  )
})

sections('a section never starts inside a block that the blank line before it does not end', () => {
  const cases = [
    '# A\n\n```\n\n# code\n```\n',
    '# A\n\n<!--\n\n# comment -->\n',
    '# A\n\n[x]: https://example.com\n\n# B\n\n[x]\n',
    '# A\n\n[Foo  Bar]: https://example.com\n\n# B\n\n[a][foo bar]\n',
    '# A\n\n[^1]: A note.\n\n# B\n\nText[^1]\n',
    '[//]: # "a comment"\n\n# A\n\n[//] and text\n',
    '---\ntitle: x\n\n# yaml comment\n---\n\n# A\n',
    '<pre>\n\n# B\n</pre>\n',
    '# A\n\ntext\n# B\n\n- x\n\n- y\n\n  z\n\nC\n',
    '> quote\n\nafter\n\n    code\n\n1. one\n\n2. two\n\n2020 was\n',
    '| a | b |\n|---|---|\n| 1 | 2 |\n<!-- note -->\n| 3 | 4 |\n\n| c |\n|---|---|---|\n| 5 |\n'
  ]
  for (const text of cases) {
    assert.equal(parseBySection(text), parseWhole(text), text)
  }
  assert.is(splitSections('# A\n\n```\n\n# code\n```\n').length, 1)
  assert.is(splitSections('[//]: # "a comment"\n\n# A\n\n# B\n').length, 3)
  assert.is(splitSections('[x]: https://example.com\n\n# A\n\n[X]\n').length, 1)
  assert.is(splitSections('# A\n\ntext\n# B\n\n- x\n\n- y\n\n  z\n\nC\n').length, 3)
  assert.equal(
    splitSections('---\na: 1\n---\n\n# A\n\n- x\n\n# B\n').map((section) => [section.line, section.offset]),
    [
      [1, 0],
      [5, 14],
      [9, 24]
    ]
  )
})

sections('tables, headings and lines read from their lines are what GFM reads', () => {
  const tables = [
    '| a | b |\n|---|:-:|\n|  x *y* |   |\n| 1 | 2 | 3 |\n| q |\n',
    '| Purpose | Destination |\n| :--- | ---: |\n| **Required:** Maps | *.a.com <br> `https://b.com`<br/>c.net |\n||x|\n',
    '|h|\n|-|\n|[link](https://a.com) and www.b.com|\n|a_b_ **c**|\n',
    '| only | header |\n|---|---|\n',
    '| a | b |\n|---|---|---|---|\n| 1 | 2 | 3 | 4 |\n|5|\n',
    '## Plain heading 2\n',
    '###   Spaced heading\n',
    'A plain line, with: punctuation (and more).\n',
    '## Heading ##\n',
    '1. Not a paragraph\n'
  ]
  for (const table of tables) {
    const text = '# Title\n\nSome text.\n\n' + table + '\nAfter.\n'
    const section = splitSections(text).find((one) => one.text.startsWith(table.slice(0, 4)))
    const direct = section && (tableLines(section) ?? rejectedTableLines(section) ?? plainLine(section))
    assert.is(Boolean(direct), !/##$|^1\./m.test(table), table)
    assert.equal(parseBySection(text), parseWhole(text), table)
  }
})

/** What GFM reads a cell's text as: its inline content, positions aside. */
function readInline(text: string): unknown {
  const tree = inline.parse(text)
  return tree.children.map((node) => ('children' in node ? node.children.map((child) => ('value' in child ? [child.type, child.value] : [child.type])) : [node.type]))
}

sections('cell text called plain is one text node of itself in GFM', () => {
  const plainChar = fc.constantFrom(...'abcXYZ019 .,;:/()\'"%+=?#$-'.split(''))
  fc.assert(
    fc.property(fc.array(plainChar, {minLength: 1, maxLength: 30}), (chars) => {
      const text = chars.join('').trim()
      if (!isPlainText(text)) return
      assert.equal(readInline(text), [[['text', text]]], text)
    }),
    {numRuns: 2000, seed: propertySeed()}
  )
  // Every cell of the kept pages that is called plain.
  let plain = 0
  for (const file of kept) {
    for (const line of readFileSync(file, 'utf8').split(/\r?\n|\r/)) {
      if (!line.includes('|')) continue
      for (const cell of line.split('|').map((part) => part.trim())) {
        if (!isPlainText(cell)) continue
        plain++
        assert.equal(readInline(cell), [[['text', cell]]], cell)
      }
    }
  }
  assert.ok(plain > 500, `only ${plain} plain cells`)
  for (const text of ['1. first', 'www.example.com', 'https://example.com', 'a@b.com', '*.a.com', 'a_b', '`x`', 'a &amp; b', 'a\\|b']) {
    assert.not.ok(isPlainText(text), text)
  }
})

/** A cell's inline nodes as GFM reads them in a table (`| x |` under a one-column header). */
function readCell(text: string): unknown {
  const tree = inline.parse('| h |\n|---|\n| ' + text + ' |\n')
  const table = tree.children[0]
  if (table?.type !== 'table') return undefined
  return table.children[1]!.children[0]!.children
}

/** The same cell read as table recovery reads it: a paragraph, or its text when it opens a block. */
function readParagraph(text: string): unknown {
  const tree = inline.parse(text)
  const only = tree.children[0]
  if (tree.children.length !== 1 || only?.type !== 'paragraph') return [{type: 'text', value: text}]
  return only.children
}

function withoutPositions(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value, (key, item: unknown) => (key === 'position' ? undefined : item)))
}

sections('cells of the simplest markup read as GFM reads them, in a table and in a paragraph', () => {
  const piece = fc.oneof(
    fc.constantFrom('a', 'host.com', ' ', '  ', '*.b.net', '*', '**', 'TCP 443', '(x)', ':', '-', '1.', '#', '<br>', '<br/>', '<br />', '</br>', '<BR>', '<br', '`', '`c.io`', '` c `', '``', 'www.x.com', 'https://x', 'a@b.c', '_', '>'),
    fc.constantFrom('**Required:**', '**Optional**', '**A **', '**x:**')
  )
  let read = 0
  fc.assert(
    fc.property(fc.array(piece, {minLength: 1, maxLength: 8}), (pieces) => {
      const text = pieces.join('').trim()
      if (text === '') return
      const start = {line: 3, column: 3, offset: 14}
      const nodes = simpleInline(text, start)
      if (nodes === undefined) return
      read++
      assert.equal(nodes, readCell(text), text)
      assert.equal(withoutPositions(nodes), withoutPositions(readParagraph(text)), text)
    }),
    {numRuns: 3000, seed: propertySeed()}
  )
  assert.ok(read > 100, `only ${read} cells read without the parser`)
  assert.equal(withoutPositions(simpleInline('**Required:** *.a.com <br> `https://b.com`', {line: 1, column: 1, offset: 0})), [
    {type: 'strong', children: [{type: 'text', value: 'Required:'}]},
    {type: 'text', value: ' *.a.com '},
    {type: 'html', value: '<br>'},
    {type: 'text', value: ' '},
    {type: 'inlineCode', value: 'https://b.com'}
  ])
  for (const text of ['a *b*', '*.a.com<br>*.b.com', 'www.a.com', '<br>', '- `x`', '[a](b)', 'a_b_']) {
    assert.is(simpleInline(text, {line: 1, column: 1, offset: 0}), undefined, text)
  }
})

sections.run()
