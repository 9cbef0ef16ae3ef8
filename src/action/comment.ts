/**
 * The one report comment a pull request gets: found by its marker on any page of comments,
 * created when there is something to say, then updated in place; never a second one.
 */
import type {GitHubClient} from '../github.js'
import {commentMarker} from './report.js'

export interface IssueRef {
  owner: string
  repo: string
  number: number
}

export type CommentResult = {action: 'created' | 'updated' | 'unchanged'; url: string} | {action: 'none'}

interface ListedComment {
  id: number
  body?: string | undefined
  html_url: string
  author_association: string
  user: {type: string} | null
}

/**
 * Write `body` to the pull request's report comment: update it when it differs, create it when
 * there is none and `create` is set; returns what was done.
 */
export async function upsertComment(client: GitHubClient, issue: IssueRef, body: string, options: {create: boolean}): Promise<CommentResult> {
  const existing = await findReportComment(client, issue)
  if (existing) {
    if (existing.body === body) return {action: 'unchanged', url: existing.html_url}
    const {data} = await client.rest.issues.updateComment({owner: issue.owner, repo: issue.repo, comment_id: existing.id, body})
    return {action: 'updated', url: data.html_url}
  }
  if (!options.create) return {action: 'none'}
  const {data} = await client.rest.issues.createComment({owner: issue.owner, repo: issue.repo, issue_number: issue.number, body})
  return {action: 'created', url: data.html_url}
}

/** The oldest comment that is this action's report, reading pages of 100 until it is found. */
async function findReportComment(client: GitHubClient, issue: IssueRef): Promise<ListedComment | undefined> {
  const pages = client.paginate.iterator(client.rest.issues.listComments, {owner: issue.owner, repo: issue.repo, issue_number: issue.number, per_page: 100})
  for await (const {data} of pages) {
    const found = data.find(isReportComment)
    if (found) return found
  }
  return undefined
}

/** Authors whose comment starting with the marker is taken for the report: not a passer-by. */
const trustedAssociations = new Set(['OWNER', 'MEMBER', 'COLLABORATOR'])

/**
 * Whether a comment is the report: it starts with the marker (quoting it does not), and a bot
 * (the token of `github-token`) or someone with write access wrote it, so that an outsider who
 * plants the marker cannot get the report written into a comment they can then edit.
 */
export function isReportComment(comment: ListedComment): boolean {
  return (comment.body ?? '').startsWith(commentMarker) && (comment.user?.type === 'Bot' || trustedAssociations.has(comment.author_association))
}
