// Test runner: uvu, with the gaps that let a broken suite pass closed. uvu swallows an exception
// thrown by a `before` hook and can exit 0 on a non-Error rejection, so this runner counts what
// each suite really ran, fails on any suite whose tests did not all pass, on unhandled rejections
// and on a run that executed no test, and on a run that leaves anything of endpoint-catalog in the
// temp directory, and ends with one `N passed, N failed` line.
import {mkdtempSync, readdirSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join, resolve} from 'node:path'
import {pathToFileURL} from 'node:url'
import {register} from 'tsx/esm/api'

register()
// The tests' temporary directories go into one of this run's own (os.tmpdir() follows TMPDIR, in
// this process and the ones it starts), so that another run on the machine cannot confuse the
// check at the end: what is left in it, this run left.
const runTemp = mkdtempSync(join(tmpdir(), 'endpoint-catalog-test-run-'))
process.env.TMPDIR = runTemp
const ours = () => readdirSync(runTemp).filter((name) => name.includes('endpoint-catalog'))
// A run cut short (a closed pipe, Ctrl-C) still takes its directory with it.
const stop = (code) => {
  rmSync(runTemp, {recursive: true, force: true})
  process.exit(code)
}
process.on('SIGINT', () => stop(130))
process.on('SIGTERM', () => stop(143))
const tempBefore = ours()
globalThis.UVU_DEFER = 1
const uvu = await import('uvu')

let failures = 0
const fail = (reason) => {
  failures++
  console.error(reason)
}
process.on('unhandledRejection', (reason) => fail(`Unhandled rejection: ${reason instanceof Error ? reason.stack : JSON.stringify(reason)}`))
process.on('uncaughtException', (error) => {
  // A closed output pipe (`| head`) cannot be reported to: stop instead of failing in a loop.
  if (error && error.code === 'EPIPE') stop(1)
  fail(`Uncaught exception: ${error instanceof Error ? error.stack : JSON.stringify(error)}`)
})
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') stop(1)
  })
}

const only = process.argv.slice(2)
const directory = resolve('test')
const files = readdirSync(directory)
  .filter((name) => name.endsWith('.test.ts'))
  .filter((name) => only.length === 0 || only.some((part) => name.includes(part)))
  .sort()

for (const name of files) {
  // uvu's queue starts with a group of its own: each file's suites go into the group named after it.
  globalThis.UVU_INDEX = globalThis.UVU_QUEUE.length
  globalThis.UVU_QUEUE.push([name])
  await import(pathToFileURL(join(directory, name)).href)
}

let passed = 0
let failed = 0
// TEST_TIMES=1 prints each suite's wall time, slowest first, after the run: where the time goes.
const timings = process.env.TEST_TIMES ? [] : undefined
for (const group of globalThis.UVU_QUEUE) {
  // uvu shifts the name off the group before running it: keep it.
  const file = group[0]
  for (let index = 1; index < group.length; index++) {
    const run = group[index]
    group[index] = async () => {
      const started = performance.now()
      try {
        const result = await run()
        if (timings) timings.push([performance.now() - started, `${file} (suite ${index})`])
        const [, ran, , total] = result
        passed += ran
        failed += total - ran
        return result
      } catch (error) {
        failed++
        fail(`Suite in ${file} crashed: ${error instanceof Error ? error.stack : JSON.stringify(error)}`)
        return [true, 0, 0, 0]
      }
    }
  }
}

await uvu.exec(false)
if (timings) {
  for (const [ms, file] of timings.sort((x, y) => y[0] - x[0])) console.error(`${(ms / 1000).toFixed(1).padStart(7)} s  ${file}`)
}

const {removeTemporaryDirectories} = await import(pathToFileURL(resolve('test/helpers/temporary.ts')).href)
removeTemporaryDirectories()
const leftBehind = ours().filter((name) => !tempBefore.includes(name))
if (leftBehind.length > 0) fail(`Left in the temp directory: ${leftBehind.join(', ')}`)
rmSync(runTemp, {recursive: true, force: true})

failed += failures
// A test whose external program (test/helpers/consumers.ts) is missing returned early: it counts as
// skipped, not passed.
const skipped = globalThis.endpointCatalogSkipped?.length ?? 0
passed -= skipped
if (passed + failed === 0) {
  console.error('No test ran.')
  failed = 1
}
console.log(`${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`)
process.exitCode = failed > 0 ? 1 : 0
