// The action as GitHub runs it: action.yml's runtime, inputs and outputs match the code, the committed
// bundle is what the source builds to (a stale bundle fails), and this repository's workflow runs it.
import {execFileSync, spawnSync} from 'node:child_process'
import {readFileSync} from 'node:fs'
import {homedir, tmpdir} from 'node:os'
import {join} from 'node:path'
import * as assert from 'uvu/assert'
import {suite} from 'uvu'
import {parse} from 'yaml'
import {inputNames} from '../src/action/inputs.js'
import {outputNames} from '../src/action/outputs.js'
import {temporaryDirectory} from './helpers/temporary.js'

interface ActionMetadata {
  runs: {using: string; main: string}
  inputs: Record<string, {description: string; default?: string}>
  outputs: Record<string, {description: string}>
}

const metadata = parse(readFileSync('action.yml', 'utf8')) as ActionMetadata
const bundle = suite('action bundle')

bundle('action.yml runs the committed bundle on the runners\' Node 24', () => {
  assert.equal(metadata.runs, {using: 'node24', main: 'dist-action/index.mjs'})
  // A runner runs the action from its checkout: the bundle must be a tracked file, not a build output git ignores.
  assert.is(spawnSync('git', ['check-ignore', '--quiet', metadata.runs.main]).status, 1, `${metadata.runs.main} is ignored by git`)
})

bundle('the inputs and outputs action.yml declares are the ones the code reads and sets', () => {
  assert.equal(Object.keys(metadata.inputs), [...inputNames])
  assert.equal(Object.keys(metadata.outputs), [...outputNames])
  assert.equal(
    Object.fromEntries(Object.entries(metadata.inputs).map(([name, input]) => [name, input.default])),
    {paths: 'docs-source/**/*.md', 'github-token': '${{ github.token }}', 'fail-on': 'none', comment: 'true', cloud: '', service: ''}
  )
  for (const entry of [...Object.values(metadata.inputs), ...Object.values(metadata.outputs)]) assert.ok(entry.description.length > 10)
})

bundle('the committed bundle is byte for byte what the source builds to, with no path from the machine that built it', () => {
  const outfile = join(temporaryDirectory('bundle'), 'index.mjs')
  execFileSync(process.execPath, ['scripts/bundle.mjs', '--action-outfile', outfile], {stdio: 'pipe'})
  const built = readFileSync(outfile, 'utf8')
  const committed = readFileSync(metadata.runs.main, 'utf8')
  assert.ok(built === committed, `${metadata.runs.main} is stale: run \`npm run build\` and commit it`)
  for (const path of [process.cwd(), homedir(), tmpdir()]) {
    // An absolute path, not the same letters inside a relative one (`lib/handle/root.js` is not `/root`).
    const absolute = new RegExp(`(?<![\\w.-])${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/`)
    assert.not.match(committed, absolute, `the bundle names ${path}`)
  }
})

bundle('this repository\'s workflow runs the action on its own pull requests, with the history and the permission it needs', () => {
  const workflow = parse(readFileSync('.github/workflows/endpoint-diff.yml', 'utf8')) as {
    on: unknown
    permissions: Record<string, string>
    jobs: Record<string, {steps: Array<{uses?: string; with?: Record<string, unknown>}>}>
  }
  assert.is(workflow.on, 'pull_request')
  assert.equal(workflow.permissions, {contents: 'read', 'pull-requests': 'write'})
  const steps = Object.values(workflow.jobs).flatMap((job) => job.steps)
  assert.is(steps.find((step) => step.uses?.startsWith('actions/checkout@'))?.with?.['fetch-depth'], 0)
  assert.equal(steps.find((step) => step.uses === './')?.with, {paths: 'docs-source/**/*.md'})
})

bundle.run()
