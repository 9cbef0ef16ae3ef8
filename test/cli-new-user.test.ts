// What a new user trips on at the command line: no command, an option without its value, an option
// of another command, validate's wording, `history --report json`. Run in-process.
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import * as assert from 'uvu/assert'
import {suite} from 'uvu'
import {help} from '../src/cli/help.js'
import {run} from './helpers/in-process.js'
import {temporaryDirectory} from './helpers/temporary.js'

const user = suite('a new user at the command line')
const root = process.cwd()

user('no command: the help with the command list, exit 2', async () => {
  const result = await run([], root)
  assert.is(result.code, 2)
  assert.is(result.stderr, help)
  assert.match(result.stderr, /^ {2}build /m)
})

user('--format with no value says so, not the parser\'s text', async () => {
  const result = await run(['export', 'generated/catalog.json', '--format'], root)
  assert.is(result.code, 2)
  assert.match(result.stderr, /^endpoint-catalog: `--format` needs a value\nUsage: endpoint-catalog export /)
  assert.not.match(result.stderr, /argument missing/)
})

user('diff --required: does not apply, as the README says', async () => {
  const result = await run(['diff', 'docs-source', 'docs-source', '--required'], root)
  assert.is(result.code, 2)
  assert.match(result.stderr, /^endpoint-catalog: `--required` does not apply to this command/)
  const typo = await run(['diff', 'docs-source', 'docs-source', '--requird'], root)
  assert.match(typo.stderr, /unknown option `--requird`/)
})

user('validate: the endpoint-set numbers, and a content hash that does not match', async () => {
  const ids = await run(['validate', 'generated/m365-ids.json'], root)
  assert.equal([ids.code, ids.stdout], [0, 'generated/m365-ids.json: valid endpoint-set numbers\n'])
  // One digit of the hash changed.
  const catalog = readFileSync('generated/catalog.json', 'utf8').replace(/"contentHash": "sha256:(.)/, (_, digit: string) => `"contentHash": "sha256:${digit === '0' ? '1' : '0'}`)
  const damaged = await run(['validate', '-'], root, catalog)
  assert.is(damaged.code, 1)
  assert.match(damaged.stderr, /-: not a valid catalog: its content hash does not match its content\n$/)
  assert.not.match(damaged.stderr, /schema error/)
})

user('history --report json prints its diagnostics as JSON lines', async () => {
  const directory = temporaryDirectory('history-json')
  mkdirSync(join(directory, 'revisions'))
  writeFileSync(join(directory, 'revisions', '2021-09-01.md'), '---\ntitle: Power BI URLs\nms.date: 09/01/2021\n---\n\n## S\n\n| Purpose | Destination | Port |\n| --- | --- | --- |\n| **Required:** All | * | TCP 443 |\n')
  const result = await run(['history', 'revisions', '--out', 'out', '--report', 'json'], directory)
  assert.is(result.code, 0, result.stderr)
  const line = result.stderr.split('\n').find((text) => text.startsWith('{'))!
  assert.is(JSON.parse(line).rule, 'over-broad-wildcard')
})

user.run()
