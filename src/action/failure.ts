/**
 * What a failure says: one clear line for an input or API error, never a stack trace, and never
 * the token.
 */
import {RequestError} from '@octokit/request-error'
import {InputError} from '../errors.js'

/** A message for any error the action stops on. */
export function describeFailure(error: unknown): string {
  if (error instanceof InputError) return error.message
  if (error instanceof RequestError) return describeRequestError(error)
  return `unexpected failure: ${error instanceof Error ? error.message : String(error)}`
}

/** `GitHub API: 404 on GET /repos/o/r/issues/1/comments: Not Found`, with a rate limit's reset time. */
export function describeRequestError(error: RequestError): string {
  const {pathname} = new URL(error.request.url, 'http://github.invalid')
  const reset = Number(error.response?.headers['x-ratelimit-reset'])
  const limited = isRateLimit(error) && reset > 0 ? ` (the rate limit resets at ${new Date(reset * 1000).toISOString()})` : ''
  return `GitHub API: ${error.status} on ${error.request.method} ${pathname}: ${error.message}${limited}`
}

/** Whether an API error is a permission refusal (a read-only token), not a rate limit. */
export function isPermissionDenied(error: unknown): error is RequestError {
  return error instanceof RequestError && error.status === 403 && !isRateLimit(error)
}

function isRateLimit(error: RequestError): boolean {
  return error.response?.headers['x-ratelimit-remaining'] === '0' || /\brate limit\b/i.test(error.message)
}

/** `text` with every occurrence of each secret masked. */
export function redact(text: string, secrets: string[]): string {
  return secrets.filter((secret) => secret !== '').reduce((result, secret) => result.split(secret).join('***'), text)
}
