// Standard input read as a stream: from a process that makes the pipe non-blocking, and from a slow
// producer writing more than a pipe holds (64 KB). Real processes and pipes: that is the point.
import {spawnSync} from 'node:child_process'
import {statSync} from 'node:fs'
import {join} from 'node:path'
import * as assert from 'uvu/assert'
import {suite} from 'uvu'
import {binPath} from './helpers/cli.js'
import {temporaryDirectory} from './helpers/temporary.js'

const stdin = suite('standard input')
const bin = `"${process.execPath}" "${binPath}"`
const shell = (script: string, cwd = process.cwd()) => spawnSync('sh', ['-c', script], {cwd, encoding: 'utf8', timeout: 60_000})

stdin('compile docs-source | export - --format hosts, five times in a row', () => {
  for (let attempt = 0; attempt < 5; attempt++) {
    const result = shell(`${bin} compile docs-source 2>/dev/null | ${bin} export - --format hosts`)
    assert.is(result.status, 0, result.stderr)
    assert.match(result.stdout, /^app\.powerbi\.com$/m)
    assert.not.match(result.stderr, /EAGAIN|unexpected failure/)
  }
})

stdin('a slow producer of a catalog over 64 KB: (sleep 1; cat catalog.json) | validate -', () => {
  const directory = temporaryDirectory('stdin')
  const catalog = join(directory, 'catalog.json')
  const compiled = shell(`${bin} compile test/fixtures/compile/wild-win11-endpoints/input.md -o "${catalog}" 2>/dev/null`)
  assert.is(compiled.status, 0, compiled.stderr)
  assert.ok(statSync(catalog).size > 64 * 1024, 'larger than a pipe holds')
  const result = shell(`(sleep 1; cat "${catalog}") | ${bin} validate -`)
  assert.is(result.status, 0, result.stderr)
  assert.match(result.stdout + result.stderr, /-: valid catalog/)
})

stdin.run()
