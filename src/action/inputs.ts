/**
 * The action's inputs (declared, with their defaults, in action.yml): which pages to compare,
 * whether to comment, the token to comment with, the level that fails the job, and the cloud.
 */
import * as core from '@actions/core'
import type {Cloud} from '../../generated/catalog.js'
import {cloudIds} from '../diff/clouds.js'
import {InputError} from '../errors.js'
import {FilterError, parseFilter} from '../format/filter.js'
import type {Level} from '../rules.js'

export interface ActionInputs {
  /** Globs of the pages to compile, from the repository root; `!` excludes. */
  paths: string[]
  /** Whether to keep a comment on the pull request. */
  comment: boolean
  /** The token to comment with ('' when not commenting). */
  token: string
  /** A change at or above this level fails the job (undefined: never). */
  failOn: Level | undefined
  /** Compare this cloud only (undefined: every cloud the pages name). */
  cloud: Cloud | undefined
  /** Compare these products only (undefined: every product of the pages). */
  services: string[] | undefined
}

/** The names action.yml declares, in its order. */
export const inputNames = ['paths', 'github-token', 'fail-on', 'comment', 'cloud', 'service'] as const

const failOnValues = ['none', 'error', 'warning', 'info'] as const

/** Read the inputs the runner passes as `INPUT_*` variables; an InputError names a bad one. */
export function readInputs(): ActionInputs {
  const paths = core
    .getMultilineInput('paths')
    .map((line) => line.trim())
    .filter((line) => line !== '')
  if (paths.length === 0) throw new InputError('paths: expected at least one glob, such as docs-source/**/*.md')
  for (const pattern of paths) {
    if (pattern.replace(/^!/, '').startsWith('/') || pattern.split('/').includes('..')) {
      throw new InputError(`paths: ${pattern}: expected a glob relative to the repository root`)
    }
  }

  const failOn = core.getInput('fail-on')
  if (!(failOnValues as readonly string[]).includes(failOn)) {
    throw new InputError(`fail-on: expected one of ${failOnValues.join(', ')}, got \`${failOn}\``)
  }

  let comment: boolean
  try {
    comment = core.getBooleanInput('comment')
  } catch {
    throw new InputError(`comment: expected true or false, got \`${core.getInput('comment')}\``)
  }

  const cloud = core.getInput('cloud')
  if (cloud !== '' && !(cloudIds as string[]).includes(cloud)) {
    throw new InputError(`cloud: expected one of ${cloudIds.join(', ')} (or empty for all), got \`${cloud}\``)
  }

  // Which products there are depends on the pages: the comparison checks the ids.
  const service = core.getInput('service')
  let services: string[] | undefined
  try {
    services = service === '' ? undefined : parseFilter({service}).services
  } catch (error) {
    if (error instanceof FilterError) throw new InputError(`service: ${error.message}`)
    throw error
  }

  const token = core.getInput('github-token')
  if (comment && token === '') throw new InputError('github-token: empty; it is needed to comment (or set comment: false)')
  return {paths, comment, token, failOn: failOn === 'none' ? undefined : (failOn as Level), cloud: cloud === '' ? undefined : (cloud as Cloud), services}
}
