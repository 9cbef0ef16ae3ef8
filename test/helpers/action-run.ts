// Running the action as a runner does: a temporary git repository with base and head commits, a
// pull_request event file, INPUT_* variables with action.yml's defaults, and the committed bundle
// run as a child process with the GITHUB_* variables pointing at temporary files.
import {execFile} from 'node:child_process'
import {readFileSync, writeFileSync} from 'node:fs'
import {join, resolve} from 'node:path'
import {parse} from 'yaml'
import type {Repository} from './git-repository.js'
import {temporaryDirectory} from './temporary.js'

export const bundle = resolve('dist-action/index.mjs')

/** Two shared revisions of the URL page, as copied into the compile fixtures. */
export const urls2020 = readFileSync('test/fixtures/compile/urls-2020-01-29/input.md', 'utf8')
export const urls2021 = readFileSync('test/fixtures/compile/urls-2021-09-01/input.md', 'utf8')

export interface PullRequestEvent {
  number?: number
  base: string
  head: string
  /** The head's repository when it is a fork (default: the base repository). */
  headRepository?: string
}

export const repository = 'octo/docs'

/** A `pull_request` event payload as the runner writes it (the fields the action reads, and a few more). */
export function pullRequestEvent(event: PullRequestEvent): object {
  const headRepository = event.headRepository ?? repository
  return {
    action: 'synchronize',
    number: event.number ?? 7,
    pull_request: {
      number: event.number ?? 7,
      base: {ref: 'main', sha: event.base, repo: {full_name: repository, fork: false}},
      head: {ref: 'change', sha: event.head, repo: {full_name: headRepository, fork: headRepository !== repository}}
    },
    repository: {full_name: repository, name: 'docs', owner: {login: 'octo'}}
  }
}

export interface ActionRun {
  code: number | null
  stdout: string
  stderr: string
  /** What the action appended to GITHUB_STEP_SUMMARY. */
  summary: string
  /** What the action set in GITHUB_OUTPUT. */
  outputs: Record<string, string>
}

export interface RunOptions {
  repository: Repository
  event: object
  eventName?: string
  /** Inputs by their action.yml names; the rest take action.yml's defaults. */
  inputs?: Record<string, string>
  apiUrl?: string
  token?: string
}

/** The inputs action.yml declares, with their defaults. */
export function actionInputs(): Record<string, {default?: string}> {
  return (parse(readFileSync('action.yml', 'utf8')) as {inputs: Record<string, {default?: string}>}).inputs
}

/** Run the bundled action once; resolves when it exits. */
export async function runAction(options: RunOptions): Promise<ActionRun> {
  const scratch = temporaryDirectory('runner')
  const eventPath = join(scratch, 'event.json')
  const summaryPath = join(scratch, 'summary.md')
  const outputPath = join(scratch, 'output.txt')
  writeFileSync(eventPath, JSON.stringify(options.event))
  writeFileSync(summaryPath, '')
  writeFileSync(outputPath, '')

  const inputs: Record<string, string> = {}
  for (const [name, input] of Object.entries(actionInputs())) inputs[name] = input.default ?? ''
  // The runner evaluates `${{ github.token }}`; here there is a test token instead.
  inputs['github-token'] = options.token ?? 'ghs_test0123456789abcdefTOKEN'
  Object.assign(inputs, options.inputs)

  // Only what a runner would set: nothing from the environment the tests run in (which may itself be a runner).
  const env: NodeJS.ProcessEnv = {
    PATH: process.env['PATH'],
    HOME: process.env['HOME'],
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: options.eventName ?? 'pull_request',
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REPOSITORY: repository,
    GITHUB_API_URL: options.apiUrl ?? 'http://127.0.0.1:9',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_RUN_ID: '4242',
    GITHUB_STEP_SUMMARY: summaryPath,
    GITHUB_OUTPUT: outputPath,
    GITHUB_WORKSPACE: options.repository.directory,
    RUNNER_TEMP: join(scratch, 'runner-temp')
  }
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value

  const result = await new Promise<{code: number | null; stdout: string; stderr: string}>((done) => {
    execFile(process.execPath, [bundle], {env, cwd: scratch, encoding: 'utf8', maxBuffer: 64 * 2 ** 20}, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : null) : 0
      done({code, stdout, stderr})
    })
  })
  return {...result, summary: readFileSync(summaryPath, 'utf8'), outputs: parseOutputs(readFileSync(outputPath, 'utf8'))}
}

/** The `name<<delimiter` blocks @actions/core writes to GITHUB_OUTPUT. */
function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {}
  const pattern = /^([^\n<]+)<<(\S+)\n([\s\S]*?)\n\2$/gm
  for (const match of text.matchAll(pattern)) outputs[match[1]!] = match[3]!
  return outputs
}
