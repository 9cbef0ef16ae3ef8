// A stand-in for the GitHub REST API on 127.0.0.1: the issue-comment calls the action makes (list
// with `Link` pagination, create, update), the pull-request calls of the watch (list by head,
// create, update, close), GitHub's checks on them (token, body length), a record of every request, and
// failures on demand.
import {createServer, type IncomingHttpHeaders, type Server, type ServerResponse} from 'node:http'
import type {AddressInfo} from 'node:net'

export interface Comment {
  id: number
  body: string
  html_url: string
  user: {login: string; type: 'User' | 'Bot'}
  author_association: string
  created_at: string
}

export interface PullRequest {
  number: number
  title: string
  body: string
  state: 'open' | 'closed'
  html_url: string
  head: {ref: string; label: string}
  base: {ref: string}
}

export interface RecordedRequest {
  method: string
  path: string
  query: URLSearchParams
  headers: IncomingHttpHeaders
  body: unknown
}

export interface Failure {
  method?: string
  /** Matches the request path (without the query). */
  path?: RegExp
  status: number
  headers?: Record<string, string>
  /** The JSON answer; `{{authorization}}` in a string is replaced by the request's header. */
  body?: unknown
  /** How many matching requests fail (default: all). */
  times?: number
}

/** The account a `GITHUB_TOKEN` writes as. */
export const actionsBot = {login: 'github-actions[bot]', type: 'Bot'} as const

/** GitHub's limit on a comment body (characters). */
const maxBodyLength = 65_536

export class GitHubServer {
  readonly requests: RecordedRequest[] = []
  /** Comments per issue number, oldest first, as GitHub lists them. */
  readonly comments = new Map<number, Comment[]>()
  /** Pull requests, by number. */
  readonly pulls = new Map<number, PullRequest>()
  private readonly failures: Failure[] = []
  private nextId = 1000

  private constructor(
    private readonly server: Server,
    readonly url: string,
    readonly token: string
  ) {}

  /** Listen on an ephemeral port of 127.0.0.1; requests must carry `token`. */
  static async start(token: string): Promise<GitHubServer> {
    // eslint-disable-next-line prefer-const -- assigned once the server listens; the request handler, made before, reads it
    let instance: GitHubServer | undefined
    const server = createServer((request, response) => {
      const chunks: Buffer[] = []
      request.on('data', (chunk: Buffer) => chunks.push(chunk))
      request.on('end', () => {
        const url = new URL(request.url ?? '/', 'http://127.0.0.1')
        const text = Buffer.concat(chunks).toString('utf8')
        const recorded: RecordedRequest = {
          method: request.method ?? 'GET',
          path: url.pathname,
          query: url.searchParams,
          headers: request.headers,
          body: text === '' ? undefined : JSON.parse(text)
        }
        instance!.requests.push(recorded)
        instance!.handle(recorded, response)
      })
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const {port} = server.address() as AddressInfo
    instance = new GitHubServer(server, `http://127.0.0.1:${port}`, token)
    return instance
  }

  /** Fail the matching requests (the first `times` of them) with this answer. */
  fail(failure: Failure): void {
    this.failures.push({...failure})
  }

  /** Add a comment to an issue, as if written by `user`. */
  addComment(number: number, body: string, user: Comment['user'] = {login: 'octocat', type: 'User'}, association = 'CONTRIBUTOR'): Comment {
    const id = this.nextId++
    const comment: Comment = {
      id,
      body,
      html_url: `https://github.test/octo/docs/pull/${number}#issuecomment-${id}`,
      user,
      author_association: association,
      created_at: new Date(Date.UTC(2026, 0, 1, 0, 0, id % 60)).toISOString()
    }
    this.commentsOf(number).push(comment)
    return comment
  }

  commentsOf(number: number): Comment[] {
    let list = this.comments.get(number)
    if (!list) this.comments.set(number, (list = []))
    return list
  }

  /** The requests that wrote (anything but GET). */
  writes(): RecordedRequest[] {
    return this.requests.filter((request) => request.method !== 'GET')
  }

  async close(): Promise<void> {
    this.server.closeAllConnections()
    await new Promise<void>((resolve) => this.server.close(() => resolve()))
  }

  private handle(request: RecordedRequest, response: ServerResponse): void {
    const failure = this.failures.find((f) => (f.method ?? request.method) === request.method && (f.path ?? /./).test(request.path) && (f.times ?? 1) > 0)
    if (failure) {
      if (failure.times !== undefined) failure.times--
      const body = JSON.stringify(failure.body ?? {message: 'failure'}).replace(/\{\{authorization\}\}/g, String(request.headers.authorization ?? ''))
      return send(response, failure.status, JSON.parse(body), failure.headers)
    }
    if (request.headers.authorization !== `token ${this.token}`) {
      return send(response, 401, {message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest'})
    }

    const list = request.path.match(/^\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)\/comments$/)
    if (list && request.method === 'GET') return this.list(request, Number(list[3]), response)
    if (list && request.method === 'POST') {
      const body = validBody(request.body, response)
      if (body === undefined) return
      const comment = this.addComment(Number(list[3]), body, actionsBot, 'NONE')
      return send(response, 201, comment)
    }
    const one = request.path.match(/^\/repos\/([^/]+)\/([^/]+)\/issues\/comments\/(\d+)$/)
    if (one && request.method === 'PATCH') {
      const comment = [...this.comments.values()].flat().find((c) => c.id === Number(one[3]))
      if (!comment) return send(response, 404, {message: 'Not Found'})
      const body = validBody(request.body, response)
      if (body === undefined) return
      comment.body = body
      return send(response, 200, comment)
    }
    const pulls = request.path.match(/^\/repos\/([^/]+)\/([^/]+)\/pulls(?:\/(\d+))?$/)
    if (pulls) return this.pullRequests(request, pulls[1]!, pulls[3], response)
    send(response, 404, {message: 'Not Found', documentation_url: 'https://docs.github.com/rest'})
  }

  private pullRequests(request: RecordedRequest, owner: string, number: string | undefined, response: ServerResponse): void {
    const all = [...this.pulls.values()]
    if (number === undefined && request.method === 'GET') {
      const head = request.query.get('head')
      const state = request.query.get('state') ?? 'open'
      return send(response, 200, all.filter((pull) => (head === null || pull.head.label === head) && (state === 'all' || pull.state === state)))
    }
    const fields = (request.body ?? {}) as {title?: unknown; body?: unknown; head?: unknown; base?: unknown; state?: unknown}
    if (typeof fields.body === 'string' && fields.body.length > maxBodyLength) return send(response, 422, {message: 'Validation Failed'})
    if (number === undefined && request.method === 'POST') {
      if (typeof fields.title !== 'string' || typeof fields.head !== 'string' || typeof fields.base !== 'string') return send(response, 422, {message: 'Validation Failed'})
      if (all.some((pull) => pull.state === 'open' && pull.head.ref === fields.head)) {
        return send(response, 422, {message: 'Validation Failed', errors: [{resource: 'PullRequest', code: 'custom', message: `A pull request already exists for ${owner}:${fields.head}.`}]})
      }
      const created: PullRequest = {
        number: this.nextId++,
        title: fields.title,
        body: typeof fields.body === 'string' ? fields.body : '',
        state: 'open',
        html_url: '',
        head: {ref: fields.head, label: `${owner}:${fields.head}`},
        base: {ref: fields.base}
      }
      created.html_url = `https://github.test/octo/docs/pull/${created.number}`
      this.pulls.set(created.number, created)
      return send(response, 201, created)
    }
    const pull = number === undefined ? undefined : this.pulls.get(Number(number))
    if (pull && request.method === 'PATCH') {
      if (typeof fields.title === 'string') pull.title = fields.title
      if (typeof fields.body === 'string') pull.body = fields.body
      if (fields.state === 'open' || fields.state === 'closed') pull.state = fields.state
      return send(response, 200, pull)
    }
    send(response, 404, {message: 'Not Found'})
  }

  private list(request: RecordedRequest, number: number, response: ServerResponse): void {
    const perPage = Math.min(Number(request.query.get('per_page') ?? 30), 100)
    const page = Number(request.query.get('page') ?? 1)
    const all = this.commentsOf(number)
    const last = Math.max(1, Math.ceil(all.length / perPage))
    const link = (p: number) => `<${this.url}${request.path}?per_page=${perPage}&page=${p}>`
    const links: string[] = []
    if (page < last) links.push(`${link(page + 1)}; rel="next"`, `${link(last)}; rel="last"`)
    if (page > 1) links.push(`${link(1)}; rel="first"`, `${link(page - 1)}; rel="prev"`)
    send(response, 200, all.slice((page - 1) * perPage, page * perPage), links.length > 0 ? {link: links.join(', ')} : {})
  }
}

function validBody(value: unknown, response: ServerResponse): string | undefined {
  const body = (value as {body?: unknown} | undefined)?.body
  if (typeof body !== 'string' || body.length > maxBodyLength) {
    send(response, 422, {message: 'Validation Failed', errors: [{resource: 'IssueComment', code: 'custom', field: 'body', message: 'body is too long (maximum is 65536 characters)'}]})
    return undefined
  }
  return body
}

function send(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, {'content-type': 'application/json; charset=utf-8', ...headers})
  response.end(JSON.stringify(body))
}
