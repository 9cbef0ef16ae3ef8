// The vocabulary is data: every table of notations the reader recognises says, entry by entry,
// which page showed it, so that a notation is never a guess.
import * as assert from 'uvu/assert'
import {suite} from 'uvu'
import * as vocabulary from '../src/compile/vocabulary.js'

const tables = suite('vocabulary')

tables('every entry of every table of notations names the page that showed it', () => {
  const entries = Object.entries(vocabulary).flatMap(([name, value]) =>
    Array.isArray(value) && value.some((entry) => typeof entry === 'object' && entry !== null && !(entry instanceof RegExp))
      ? (value as unknown as Array<Record<string, unknown>>).map((entry, index) => ({where: `${name}[${index}]`, seen: entry['seen']}))
      : []
  )
  assert.ok(entries.length >= 40, `the tables hold ${entries.length} entries`)
  for (const {where, seen} of entries) assert.ok(typeof seen === 'string' && seen.trim().length > 3, `${where} says where it was seen`)
})

tables('the example names say where they were seen too', () => {
  assert.ok(vocabulary.exampleNames.seen.length > 3)
})

tables.run()
