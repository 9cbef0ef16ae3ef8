// The build lock: released when the build is stopped by SIGINT or SIGTERM at any write; a wait that
// says whose lock it waits for, and ends at once on a signal without touching that lock; a lock
// dated in the future aged from now; an output where no lock can be made fails at once. Real
// processes: signals are the point.
import {spawn, spawnSync} from 'node:child_process'
import {cpSync, existsSync, mkdirSync, readdirSync, statSync, utimesSync, writeFileSync} from 'node:fs'
import {join, resolve} from 'node:path'
import * as assert from 'uvu/assert'
import {suite} from 'uvu'
import {binPath} from './helpers/cli.js'
import {temporaryDirectory} from './helpers/temporary.js'

const locks = suite('the build lock and signals')
const signaller = resolve('test/helpers/signal-after.mjs')

function workspace(): string {
  const directory = temporaryDirectory('lock')
  cpSync('docs-source', join(directory, 'docs-source'), {recursive: true})
  return directory
}

locks('a build stopped by SIGINT or SIGTERM after any write leaves no lock, and ends by that signal', () => {
  for (const signal of ['SIGINT', 'SIGTERM']) {
    for (const after of [1, 4, 7, 10]) {
      const directory = workspace()
      const result = spawnSync(process.execPath, ['--import', signaller, binPath, 'build', '--quiet'], {
        cwd: directory,
        env: {...process.env, SIGNAL_AFTER: String(after), SIGNAL: signal},
        encoding: 'utf8',
        timeout: 60_000
      })
      const where = `${signal} after operation ${after}`
      assert.is(result.signal, signal, `${where}: ${result.stderr}`)
      assert.not.ok(existsSync(join(directory, 'generated', '.build.lock')), `${where}: the lock is left`)
      assert.is(spawnSync(process.execPath, [binPath, 'build', '--quiet'], {cwd: directory, encoding: 'utf8'}).status, 0, `${where}: the next build`)
    }
  }
})

locks('a waiting build says whose lock it waits for; SIGTERM ends the wait at once and leaves that lock alone', async () => {
  const directory = workspace()
  const lock = join(directory, 'generated', '.build.lock')
  mkdirSync(lock, {recursive: true})
  // Dated an hour ahead: no running build dates its lock so.
  const future = new Date(Date.now() + 3_600_000)
  utimesSync(lock, future, future)
  const child = spawn(process.execPath, [binPath, 'build', '--quiet'], {cwd: directory})
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const deadline = Date.now() + 30_000
  while (!stderr.includes('waiting') && Date.now() < deadline) await new Promise((wait) => setTimeout(wait, 100))
  assert.match(stderr, /^endpoint-catalog: waiting for the build lock held since \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ \(generated\/\.build\.lock; a lock not refreshed for 30 s is taken over\)$/m)
  assert.ok(statSync(lock).mtimeMs <= Date.now() + 1000, 'the future date is counted from now')
  const stopped = Date.now()
  const ended = new Promise<NodeJS.Signals | null>((done) => child.on('exit', (_, signal) => done(signal)))
  child.kill('SIGTERM')
  assert.is(await ended, 'SIGTERM')
  assert.ok(Date.now() - stopped < 5_000, 'ended at once')
  assert.ok(existsSync(lock), "another build's lock is not removed")
  assert.equal(readdirSync(join(directory, 'generated')), ['.build.lock'])
})

locks('an output where no lock can be made fails at once, saying why', () => {
  const directory = workspace()
  mkdirSync(join(directory, 'out'))
  writeFileSync(join(directory, 'out', '.build.lock'), 'a file\n')
  const started = Date.now()
  const inTheWay = spawnSync(process.execPath, [binPath, 'build', '--quiet', '--out', 'out'], {cwd: directory, encoding: 'utf8'})
  assert.is(inTheWay.status, 2)
  assert.is(inTheWay.stderr, 'endpoint-catalog: out/.build.lock: not a lock (a file is in the way); remove it and build again\n')
  const proc = spawnSync(process.execPath, [binPath, 'build', '--quiet', '--out', '/proc/self'], {cwd: directory, encoding: 'utf8'})
  assert.is(proc.status, 2)
  assert.match(proc.stderr, /^endpoint-catalog: \/proc\/self: cannot be (?:locked|created) \(E[A-Z]+\)/)
  const file = spawnSync(process.execPath, [binPath, 'build', '--quiet', '--out', 'docs-source/power-bi-urls.md/sub'], {cwd: directory, encoding: 'utf8'})
  assert.is(file.status, 2)
  assert.match(file.stderr, /cannot be created \(ENOTDIR\)/)
  assert.ok(Date.now() - started < 15_000, `took ${Date.now() - started} ms`)
})

locks.run()
