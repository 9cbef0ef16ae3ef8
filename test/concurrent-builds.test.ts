// Builds at the same time on one output directory: real processes, one lock, each build whole;
// temporary files that no one can plant ahead of, and only a stopped build's are cleaned up.
import {spawn} from 'node:child_process'
import {cpSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync} from 'node:fs'
import {join, resolve} from 'node:path'
import lockfile from 'proper-lockfile'
import * as assert from 'uvu/assert'
import {suite} from 'uvu'
import type {ChangeFeed} from '../generated/changes.js'
import type {Catalog} from '../src/index.js'
import {writeFileAtomic} from '../src/io.js'
import {validateAgainst} from '../src/validate.js'
import {cli} from './helpers/cli.js'
import {temporaryDirectory} from './helpers/temporary.js'

const bin = resolve('bin/endpoint-catalog.js')
const concurrent = suite('concurrent builds')

/** A directory with four page sets (`source-0` … `source-3`), each a different content of the URL page. */
function workspace(): string {
  const directory = temporaryDirectory('concurrent')
  cpSync('endpoint-catalog.yaml', join(directory, 'endpoint-catalog.yaml'))
  const page = readFileSync('docs-source/power-bi-urls.md', 'utf8')
  const row = '| 3 | **Required:** Portal | app.powerbi.com | TCP 443 |'
  assert.ok(page.includes(row))
  for (let index = 0; index < 4; index++) {
    mkdirSync(join(directory, `source-${index}`))
    const extra = Array.from({length: index}, (_, n) => `\n| 3${n} | **Required:** Extra | extra-${n}.example.com | TCP 443 |`).join('')
    writeFileSync(join(directory, `source-${index}`, 'power-bi-urls.md'), page.replace(row, row + extra))
  }
  return directory
}

function run(args: string[], cwd: string): Promise<{code: number | null; stdout: string; stderr: string}> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [bin, ...args], {cwd, env: {...process.env, NO_COLOR: '1'}})
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('close', (code) => done({code, stdout, stderr}))
  })
}

function assertConsistent(directory: string, label: string): void {
  const generated = join(directory, 'generated')
  assert.equal(readdirSync(generated).sort(), ['CHANGELOG.md', 'catalog.json', 'changes.atom', 'changes.json', 'm365-ids.json'], `${label}: no temporary file or lock left`)
  const catalog = JSON.parse(readFileSync(join(generated, 'catalog.json'), 'utf8')) as Catalog
  const feed = JSON.parse(readFileSync(join(generated, 'changes.json'), 'utf8')) as ChangeFeed
  assert.equal(validateAgainst('catalog', catalog), [], label)
  assert.equal(validateAgainst('changes', feed), [], label)
  assert.is(feed.versions[0]?.version, catalog.version, `${label}: the feed's latest version is the catalog's`)
}

concurrent('four builds at once on one generated/ each finish, and leave a consistent catalog and feed', async () => {
  const directory = workspace()
  for (let round = 0; round < 3; round++) {
    const order = [0, 1, 2, 3].map((index) => (index + round) % 4)
    const results = await Promise.all(order.map((index) => run(['build', '--quiet', '--source', `source-${index}`], directory)))
    results.forEach((result, index) => assert.is(result.code, 0, `round ${round}, build ${index}: ${result.stderr}`))
    assertConsistent(directory, `round ${round}`)
  }
  const after = cli(['build', '--quiet', '--source', 'source-0'], directory)
  assert.is(after.code, 0, after.stderr)
  assertConsistent(directory, 'a later build')
})

concurrent('a build waits while another holds the lock, then goes on', async () => {
  const directory = workspace()
  const generated = join(directory, 'generated')
  mkdirSync(generated)
  const release = await lockfile.lock(generated, {lockfilePath: join(generated, '.build.lock'), realpath: false})
  const started = Date.now()
  const building = run(['build', '--quiet', '--source', 'source-1'], directory)
  await new Promise((wait) => setTimeout(wait, 1500))
  assert.not.ok(existsSync(join(generated, 'catalog.json')), 'nothing written while the lock is held')
  await release()
  const result = await building
  assert.is(result.code, 0, result.stderr)
  assert.ok(Date.now() - started >= 1500)
  assertConsistent(directory, 'after waiting')
})

concurrent('a file or link planted beside the output is not written through, and not removed', () => {
  const directory = temporaryDirectory('concurrent')
  const output = join(directory, 'catalog.json')
  const target = join(directory, 'target.txt')
  writeFileSync(target, 'untouched\n')
  // The name an earlier version wrote beside the output: predictable from the pid.
  const planted = `${output}.${process.pid}.tmp`
  symlinkSync(target, planted)
  writeFileAtomic(output, '{}\n')
  assert.is(readFileSync(output, 'utf8'), '{}\n')
  assert.is(readFileSync(target, 'utf8'), 'untouched\n')
  assert.ok(existsSync(planted), 'the planted link is left')
  assert.equal(readdirSync(directory).sort(), ['catalog.json', 'catalog.json.' + process.pid + '.tmp', 'target.txt'])
})

concurrent("a build removes a stopped build's temporary files, never a running process's", () => {
  const directory = workspace()
  const generated = join(directory, 'generated')
  mkdirSync(generated)
  // This test's process is running; pid 999999999 is past any pid_max, so not running.
  const running = `catalog.json.${process.pid}-0123456789ab.tmp`
  const stopped = 'changes.json.999999999-0123456789ab.tmp'
  writeFileSync(join(generated, running), 'partial')
  writeFileSync(join(generated, stopped), 'partial')
  const result = cli(['build', '--quiet', '--source', 'source-0'], directory)
  assert.is(result.code, 0, result.stderr)
  assert.ok(existsSync(join(generated, running)), "a running process's file is left")
  assert.not.ok(existsSync(join(generated, stopped)), "a stopped build's file is removed")
})

concurrent.run()
