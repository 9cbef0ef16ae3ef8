/**
 * The pull request a workflow run is about, from the event payload the runner writes
 * (GITHUB_EVENT_PATH): its number and the base and head commits.
 */
import {InputError} from '../errors.js'

export interface PullRequest {
  number: number
  /** The base branch's commit the event names. */
  base: string
  /** The pull request's head commit. */
  head: string
  /** Whether the head is in another repository (its token is then read-only). */
  fromFork: boolean
}

/** The events that carry a pull request; any other is refused. */
export const pullRequestEvents = ['pull_request', 'pull_request_target']

const sha = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/

/** The pull request of a `pull_request` or `pull_request_target` event; an InputError for any other. */
export function pullRequestOf(eventName: string | undefined, payload: unknown): PullRequest {
  if (!pullRequestEvents.includes(eventName ?? '')) {
    throw new InputError(
      `expected a pull_request or pull_request_target event, got \`${eventName ?? 'none'}\`: ` +
        'the comment and the diff are about a pull request; run this action `on: pull_request`'
    )
  }
  const pull = (payload as {pull_request?: unknown} | null)?.pull_request as RawPullRequest | undefined
  const number = pull?.number
  const base = pull?.base?.sha
  const head = pull?.head?.sha
  if (typeof number !== 'number' || typeof base !== 'string' || !sha.test(base) || typeof head !== 'string' || !sha.test(head)) {
    throw new InputError('the event payload has no pull request with a number and base and head commits')
  }
  const headRepository = pull?.head?.repo
  // A deleted fork leaves `head.repo` null; a branch of the same repository is not a fork, even in a repository that is one.
  const fromFork = headRepository === null || (headRepository?.full_name !== undefined && headRepository.full_name !== pull?.base?.repo?.full_name)
  return {number, base, head, fromFork}
}

interface RawPullRequest {
  number?: unknown
  base?: {sha?: unknown; repo?: {full_name?: string}}
  head?: {sha?: unknown; repo?: {full_name?: string} | null}
}
