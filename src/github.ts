/**
 * The GitHub REST client, used by the Action (its pull request comment) and by the watch (its
 * branch and pull request): @actions/github's Octokit (which honours GITHUB_API_URL and proxies),
 * retrying server errors with backoff and waiting out rate limits, a bounded number of times.
 */
import * as core from '@actions/core'
import {getOctokit} from '@actions/github'
import {retry} from '@octokit/plugin-retry'
import {throttling} from '@octokit/plugin-throttling'

export type GitHubClient = ReturnType<typeof getOctokit>

/** Retries after a 5xx answer: waits of 1 s and 4 s (the retry plugin squares the attempt). */
const serverErrorRetries = 2

/** Retries after a rate-limit answer; each waits what GitHub's headers ask for. */
const rateLimitRetries = 2

/** A longer wait than this (a primary limit resetting in most of an hour) fails the job instead. */
const maxRateLimitWaitSeconds = 5 * 60

/** Every 4xx status: a request the server refused will be refused again. */
const clientErrors = Array.from({length: 100}, (_, index) => 400 + index)

/** A client authenticated with `token`. */
export function githubClient(token: string): GitHubClient {
  const onLimit =
    (kind: string) =>
    (retryAfter: number, options: {method: string; url: string}, _octokit: unknown, retryCount: number): boolean => {
      if (retryCount >= rateLimitRetries || retryAfter > maxRateLimitWaitSeconds) return false
      core.warning(`GitHub API ${kind} on ${options.method} ${new URL(options.url, 'http://github.invalid').pathname}: retrying in ${retryAfter} s`)
      return true
    }
  return getOctokit(
    token,
    {
      // Only server errors are retried here. 429 and 403 are the throttling plugin's to retry, when
      // they are rate limits (retrying them here too would not wait for the reset); any other 4xx
      // fails at once.
      retry: {retries: serverErrorRetries, doNotRetry: clientErrors},
      throttle: {onRateLimit: onLimit('rate limit'), onSecondaryRateLimit: onLimit('secondary rate limit')}
    },
    retry,
    throttling
  )
}
