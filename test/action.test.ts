// The GitHub Action end to end: the committed bundle runs as a child process, as on a runner, against
// a temporary git repository and a stand-in for the GitHub API on 127.0.0.1.
import {readFileSync, rmSync} from 'node:fs'
import * as assert from 'uvu/assert'
import {suite} from 'uvu'
import {validateAgainst} from '../src/validate.js'
import {page} from './diff-helpers.js'
import {pullRequestEvent, runAction, urls2020, urls2021, type ActionRun, type RunOptions} from './helpers/action-run.js'
import {temporaryRepository, type Repository} from './helpers/git-repository.js'
import {actionsBot, GitHubServer} from './helpers/github-server.js'

const token = 'ghs_test0123456789abcdefTOKEN'
const marker = '<!-- endpoint-catalog:pull-request-diff -->'
const urlsPage = 'docs-source/power-bi-urls.md'
const listPath = /^\/repos\/octo\/docs\/issues\/7\/comments$/
/** The run the helper's GITHUB_RUN_ID names. */
const runUrl = 'https://github.com/octo/docs/actions/runs/4242'
const footer = (head: string) => `<sub>endpoint-catalog · head ${head} · [workflow run](${runUrl})</sub>`

/** A repository whose pull request moves the URL page from its 2020-01-29 to its 2021-09-01 revision. */
function changedRepository(): {repository: Repository; base: string; head: string} {
  const repository = temporaryRepository()
  const base = repository.commit({[urlsPage]: urls2020}, 'base')
  repository.git('checkout', '-q', '-b', 'change')
  const head = repository.commit({[urlsPage]: urls2021}, 'head')
  return {repository, base, head}
}

async function withServer(test: (server: GitHubServer) => Promise<void>): Promise<void> {
  const server = await GitHubServer.start(token)
  try {
    await test(server)
  } finally {
    await server.close()
  }
}

function run(server: GitHubServer | undefined, options: Omit<RunOptions, 'token' | 'apiUrl'>): Promise<ActionRun> {
  return runAction({...options, token, ...(server ? {apiUrl: server.url} : {})})
}

/** The log and the failure message carry no stack trace and no token (but the runner's mask command). */
function assertClean(result: ActionRun): void {
  const log = (result.stdout + result.stderr).replace(`::add-mask::${token}\n`, '')
  assert.not.ok(log.includes(token), 'the token appears in the log')
  assert.not.match(log, /\n\s+at /, 'a stack trace in the log')
}

const action = suite('action: the pull-request comment')

action('first run creates the comment; a new head commit updates it in place; a rerun leaves it be', async () => {
  await withServer(async (server) => {
    const {repository, base, head} = changedRepository()
    const first = await run(server, {repository, event: pullRequestEvent({base, head})})
    assert.is(first.code, 0, first.stdout + first.stderr)
    assertClean(first)
    const comments = server.commentsOf(7)
    assert.is(comments.length, 1)
    const body = comments[0]!.body
    assert.ok(body.startsWith(marker + '\n## Endpoint changes\n'), body.slice(0, 200))
    assert.match(body, `Head [\`${head.slice(0, 7)}\`](https://github.com/octo/docs/commit/${head})`)
    assert.match(body, `merge base [\`${base.slice(0, 7)}\`](https://github.com/octo/docs/commit/${base})`)
    assert.match(body, '**3 errors, 2 warnings, 4 infos** in the endpoints from `2020012900` → `2021090100`.')
    assert.match(body, '| `required-destination-added` | `api.powerbi.com` | added as required | General site usage / Backend APIs | `tcp/443` | `docs-source/power-bi-urls.md:44` |')
    assert.match(body, footer(head))
    assert.equal(server.requests[0]!.headers.authorization, `token ${token}`)

    // The summary is the same report, without the marker; the outputs describe the diff.
    assert.is(first.summary, body.slice(marker.length + 1))
    const {'diff-json': diffJson, ...outputs} = first.outputs
    assert.equal(outputs, {changed: 'true', 'highest-level': 'error', errors: '3', warnings: '2', infos: '4', 'comment-url': comments[0]!.html_url})
    const document = JSON.parse(readFileSync(diffJson!, 'utf8'))
    assert.equal(validateAgainst('diff', document), [])
    assert.equal(document.counts, {error: 3, warning: 2, info: 4})

    // A later push drops the new optional host: the one comment now describes the new head.
    const next = repository.commit({[urlsPage]: urls2021.replace(/^.*arc\.msn\.com.*\n/m, '')}, 'drop arc.msn.com')
    const second = await run(server, {repository, event: pullRequestEvent({base, head: next})})
    assert.is(second.code, 0, second.stdout + second.stderr)
    assert.is(server.commentsOf(7).length, 1)
    assert.equal(server.writes().map((r) => r.method), ['POST', 'PATCH'])
    assert.is(server.writes()[1]!.path, `/repos/octo/docs/issues/comments/${comments[0]!.id}`)
    assert.match(server.commentsOf(7)[0]!.body, footer(next))
    assert.not.match(server.commentsOf(7)[0]!.body, 'arc.msn.com')
    assert.is(second.outputs['warnings'], '1')

    // The same head again: the comment already says it, so nothing is written.
    const third = await run(server, {repository, event: pullRequestEvent({base, head: next})})
    assert.is(third.code, 0)
    assert.is(server.writes().length, 2)
    assert.is(third.outputs['comment-url'], comments[0]!.html_url)
  })
})

action('the comment is found among 150 others, through the Link pagination', async () => {
  await withServer(async (server) => {
    const {repository, base, head} = changedRepository()
    for (let index = 0; index < 130; index++) server.addComment(7, `Comment ${index}`)
    const ours = server.addComment(7, `${marker}\n## Endpoint changes\n\nan earlier report`, actionsBot, 'NONE')
    for (let index = 130; index < 150; index++) server.addComment(7, `Comment ${index}`)

    const result = await run(server, {repository, event: pullRequestEvent({base, head})})
    assert.is(result.code, 0, result.stdout + result.stderr)
    const lists = server.requests.filter((r) => r.method === 'GET')
    assert.equal(lists.map((r) => r.query.get('page') ?? '1'), ['1', '2'])
    assert.ok(lists.every((r) => r.query.get('per_page') === '100'))
    assert.equal(server.writes().map((r) => `${r.method} ${r.path}`), [`PATCH /repos/octo/docs/issues/comments/${ours.id}`])
    assert.is(server.commentsOf(7).length, 151)
    assert.match(ours.body, '**3 errors, 2 warnings, 4 infos**')
  })
})

action('a marker quoted, or planted by an outsider, is not the comment: a new one is made and theirs left alone', async () => {
  await withServer(async (server) => {
    const {repository, base, head} = changedRepository()
    const quoted = server.addComment(7, `> ${marker}\n> ## Endpoint changes\n\nWhy is this here?`, {login: 'maintainer', type: 'User'}, 'OWNER')
    const planted = server.addComment(7, `${marker}\nNo endpoint changes, all good.`, {login: 'stranger', type: 'User'}, 'FIRST_TIME_CONTRIBUTOR')
    const result = await run(server, {repository, event: pullRequestEvent({base, head})})
    assert.is(result.code, 0, result.stdout + result.stderr)
    assert.equal(server.writes().map((r) => r.method), ['POST'])
    assert.is(quoted.body, `> ${marker}\n> ## Endpoint changes\n\nWhy is this here?`)
    assert.is(planted.body, `${marker}\nNo endpoint changes, all good.`)
  })
})

action('changes reverted: the comment says "No endpoint changes" for the new head; with no comment, none is made', async () => {
  await withServer(async (server) => {
    const {repository, base, head} = changedRepository()
    assert.is((await run(server, {repository, event: pullRequestEvent({base, head})})).code, 0)
    const reverted = repository.commit({[urlsPage]: urls2020}, 'revert')
    const result = await run(server, {repository, event: pullRequestEvent({base, head: reverted})})
    assert.is(result.code, 0, result.stdout + result.stderr)
    const comments = server.commentsOf(7)
    assert.is(comments.length, 1)
    // The same version on both sides: the commits tell them apart.
    assert.match(comments[0]!.body, `No endpoint changes from \`2020012900 (${base.slice(0, 7)})\` → \`2020012900 (${reverted.slice(0, 7)})\`.`)
    assert.match(comments[0]!.body, footer(reverted))
    assert.not.match(comments[0]!.body, '###')
    assert.is(result.outputs['changed'], 'false')
    assert.is(result.outputs['highest-level'], 'none')
  })

  await withServer(async (server) => {
    const repository = temporaryRepository()
    const base = repository.commit({[urlsPage]: urls2020}, 'base')
    const head = repository.commit({'README.md': 'unrelated\n'}, 'head')
    const result = await run(server, {repository, event: pullRequestEvent({base, head})})
    assert.is(result.code, 0, result.stdout + result.stderr)
    assert.is(server.writes().length, 0)
    assert.is(server.requests.length, 1, 'one look for an earlier comment')
    assert.match(result.summary, 'No endpoint changes')
    assert.is(result.outputs['comment-url'], '')
  })
})

action('a fork pull request: the 403 on commenting warns, the report is in the summary, and the job passes', async () => {
  await withServer(async (server) => {
    const {repository, base, head} = changedRepository()
    server.fail({method: 'POST', path: listPath, status: 403, body: {message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest'}})
    const result = await run(server, {repository, event: pullRequestEvent({base, head, headRepository: 'someone/docs'})})
    assert.is(result.code, 0, result.stdout + result.stderr)
    assertClean(result)
    assert.match(result.stdout, /::warning::Could not comment on pull request #7 \(GitHub API: 403 on POST \/repos\/octo\/docs\/issues\/7\/comments: Resource not accessible by integration[^)]*\): a pull request from a fork gets a read-only token\. The report is in the job summary\./)
    assert.match(result.summary, '**3 errors, 2 warnings, 4 infos**')
    assert.is(server.commentsOf(7).length, 0)
    assert.is(result.outputs['comment-url'], '')
    assert.is(result.outputs['changed'], 'true')
  })
})

action('a 502 is retried after a pause, and the run goes on', async () => {
  await withServer(async (server) => {
    const {repository, base, head} = changedRepository()
    server.fail({method: 'GET', path: listPath, status: 502, body: {message: 'Server Error'}, times: 1})
    const started = Date.now()
    const result = await run(server, {repository, event: pullRequestEvent({base, head})})
    assert.is(result.code, 0, result.stdout + result.stderr)
    assert.equal(server.requests.map((r) => r.method), ['GET', 'GET', 'POST'])
    assert.ok(Date.now() - started >= 1000, 'the retry waited')
    assert.is(server.commentsOf(7).length, 1)
  })
})

action('rate limits wait as the headers say, then retry: a 429 until the reset, a secondary 403 for Retry-After', async () => {
  await withServer(async (server) => {
    const {repository, base, head} = changedRepository()
    const reset = String(Math.floor(Date.now() / 1000))
    server.fail({method: 'GET', path: listPath, status: 429, headers: {'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset}, body: {message: 'API rate limit exceeded'}, times: 1})
    server.fail({method: 'GET', path: listPath, status: 403, headers: {'retry-after': '1'}, body: {message: 'You have exceeded a secondary rate limit.'}, times: 1})
    const started = Date.now()
    const result = await run(server, {repository, event: pullRequestEvent({base, head})})
    assert.is(result.code, 0, result.stdout + result.stderr)
    assert.equal(server.requests.map((r) => r.method), ['GET', 'GET', 'GET', 'POST'])
    // The reset is a whole second, so the wait the first warning names depends on when the run reached it.
    assert.match(result.stdout, /::warning::GitHub API rate limit on GET \/repos\/octo\/docs\/issues\/7\/comments: retrying in [0-2] s\n/)
    assert.match(result.stdout, '::warning::GitHub API secondary rate limit on GET /repos/octo/docs/issues/7/comments: retrying in 1 s\n')
    assert.ok(Date.now() - started >= 1000, 'the retries waited')
    assert.is(server.commentsOf(7).length, 1)
  })
})

action('fail-on error with an added required host fails the job, after commenting', async () => {
  await withServer(async (server) => {
    const {repository, base, head} = changedRepository()
    const result = await run(server, {repository, event: pullRequestEvent({base, head}), inputs: {'fail-on': 'error'}})
    assert.is(result.code, 1)
    assert.match(result.stdout, '::error::endpoint changes at or above fail-on: error (3 errors, 2 warnings, 4 infos)')
    assert.is(server.commentsOf(7).length, 1)
    assert.is(result.outputs['highest-level'], 'error')
  })
  // Below the level, the job passes.
  const {repository, base} = changedRepository()
  const head = repository.commit({[urlsPage]: urls2020.replace('dynmsg.modpim.com', 'dynmsg.example.com')}, 'optional host only')
  const below = await run(undefined, {repository, event: pullRequestEvent({base, head}), inputs: {'fail-on': 'error', comment: 'false'}})
  assert.is(below.code, 0, below.stdout + below.stderr)
  assert.is(below.outputs['highest-level'], 'warning')
})

action("a pull request that adds port 70000: the comment names the error `build` will fail on, and fail-on: error fails the job", async () => {
  await withServer(async (server) => {
    const repository = temporaryRepository()
    const config = readFileSync('endpoint-catalog.yaml', 'utf8')
    const base = repository.commit({[urlsPage]: urls2020, 'endpoint-catalog.yaml': config}, 'base')
    repository.git('checkout', '-q', '-b', 'change')
    const row = '| 4 | **Required:** Portal | app.powerbi.com | TCP 443 |'
    assert.ok(urls2020.includes(row))
    const head = repository.commit({[urlsPage]: urls2020.replace(row, row + '\n| 4a | **Required:** Portal \u202eevil | app2.powerbi.com | TCP 70000 |')}, 'port 70000')

    const result = await run(server, {repository, event: pullRequestEvent({base, head}), inputs: {'fail-on': 'error'}})
    assert.is(result.code, 1, result.stdout + result.stderr)
    assert.match(result.stdout, '::error::endpoint changes at or above fail-on: error (1 error); 1 new error that fails `endpoint-catalog build` after the merge\n')
    const body = server.commentsOf(7)[0]!.body
    assert.match(body, '### `build` fails after the merge: 1 new error\n')
    assert.match(body, '| `port-invalid` | Unexpected port \\`70000\\`, expected a number from 1 to 65535 | `docs-source/power-bi-urls.md:48` |')
    // The over-broad wildcard the base already has (accepted there) is not new.
    assert.not.match(body, '| `over-broad-wildcard` |')
    // The page's right-to-left override is shown, not applied.
    assert.match(body, 'Portal ⟨U+202E⟩evil')
    assert.not.match(body, '\u202e')
    assert.not.match(body, '[!WARNING]')

    // fail-on: none reports it and passes.
    const passing = await run(server, {repository, event: pullRequestEvent({base, head}), inputs: {'fail-on': 'none'}})
    assert.is(passing.code, 0, passing.stdout + passing.stderr)
    assert.match(passing.stdout, '::warning::1 new error that fails `endpoint-catalog build` after the merge')
  })
})

action('a pull request that changes endpoint-catalog.yaml is flagged in the comment and the log', async () => {
  await withServer(async (server) => {
    const repository = temporaryRepository()
    const base = repository.commit({[urlsPage]: urls2020, 'endpoint-catalog.yaml': 'accept: []\n'}, 'base')
    repository.git('checkout', '-q', '-b', 'change')
    const head = repository.commit({'endpoint-catalog.yaml': readFileSync('endpoint-catalog.yaml', 'utf8')}, 'accept a finding')
    const result = await run(server, {repository, event: pullRequestEvent({base, head})})
    assert.is(result.code, 0, result.stdout + result.stderr)
    assert.match(result.stdout, "::warning::This pull request changes endpoint-catalog.yaml; the report applies the base branch's version")
    const comments = server.commentsOf(7)
    assert.is(comments.length, 1, 'a comment though no endpoint changed')
    assert.match(comments[0]!.body, '> [!WARNING]\n> This pull request changes `endpoint-catalog.yaml`')
  })
})

/** The comment with code spans taken out: what GitHub reads as markup. */
function outsideCode(markdown: string): string {
  return markdown.replace(/(?<!\\)`[^`\n]*(?<!\\)`/g, '')
}

action('text from a page cannot inject markup, HTML, mentions or a second marker, nor break the tables', async () => {
  await withServer(async (server) => {
    const repository = temporaryRepository()
    const before = page({Portal: ['**Required:** Portal | app.powerbi.com | TCP 443']})
    // Entities and backslash escapes survive the markdown parser as the very characters a comment must not carry.
    const hostile = page({
      Portal: ['**Required:** Portal | app.powerbi.com | TCP 443'],
      'Setup &lt;script&gt;alert(1)&lt;/script&gt; &#64;octo-org/admins': [
        '**Required:** &lt;img src=x onerror=alert(1)&gt; \\*\\*bold\\*\\* \\[link\\](https://evil.test) &#64;octocat a\\|b | evil.attacker.net | TCP 443',
        '**Optional:** &lt;!-- endpoint-catalog:pull-request-diff --&gt; | also.attacker.net | TCP 443'
      ]
    })
    const base = repository.commit({[urlsPage]: before}, 'base')
    const head = repository.commit({[urlsPage]: hostile}, 'head')
    const result = await run(server, {repository, event: pullRequestEvent({base, head})})
    assert.is(result.code, 0, result.stdout + result.stderr)
    const body = server.commentsOf(7)[0]!.body
    assert.match(body, 'evil.attacker.net', 'the rows are there')

    for (const text of [body, result.summary]) {
      const markup = outsideCode(text)
      assert.not.match(markup, /<(?!sub>|\/sub>|br>|!-- endpoint-catalog:pull-request-diff -->\n## Endpoint)/, 'raw HTML')
      assert.not.match(markup, /@(?!&#8203;)/, 'a live mention')
      assert.not.match(markup, /(?<!\\)\*\*bold/, 'emphasis')
      assert.not.match(markup, /(?<!\\)\[link(?<!\\)\]/, 'a link')
      for (const line of text.split('\n').filter((l) => l.startsWith('|'))) {
        assert.is((line.match(/(?<!\\)\|/g) ?? []).length, 7, line)
      }
      assert.equal(text.split('\n').filter((line) => line.startsWith('#')), ['## Endpoint changes', '### Errors (1)', '### Warnings (1)'])
    }
    assert.is(body.split(marker).length, 2, 'one marker, at the start')
    assert.match(body, '&lt;img src=x onerror=alert(1)&gt; \\*\\*bold\\*\\* \\[link\\](https:&#8203;//evil.test) @&#8203;octocat a\\|b')
  })
})

action('an oversized diff is cut at a line, under 65,536 characters, pointing to the job summary, which has it all', async () => {
  await withServer(async (server) => {
    const repository = temporaryRepository()
    const rows = Array.from({length: 1500}, (_, index) => `**Required:** Telemetry upload service number ${index} for the reports | upload-${index}.telemetry.example.com | TCP 443`)
    const base = repository.commit({[urlsPage]: page({Portal: ['**Required:** Portal | app.powerbi.com | TCP 443']})}, 'base')
    const head = repository.commit({[urlsPage]: page({Portal: ['**Required:** Portal | app.powerbi.com | TCP 443'], Telemetry: rows})}, 'head')
    const result = await run(server, {repository, event: pullRequestEvent({base, head})})
    assert.is(result.code, 0, result.stdout + result.stderr)
    const body = server.commentsOf(7)[0]!.body
    assert.ok(body.length <= 65_536, `${body.length} characters`)
    assert.ok(body.length > 60_000, 'the comment is filled, not emptied')
    assert.ok(body.startsWith(marker))
    assert.ok(body.endsWith(`\n_The report is cut here to fit GitHub's limit of 65,536 characters for a comment; the full report is in the [job summary](${runUrl})._\n\n${footer(head)}\n`), body.slice(-400))
    const rowsShown = body.split('\n').filter((line) => line.startsWith('| `required-destination-added`'))
    assert.ok(rowsShown.length > 100 && rowsShown.length < 1500, `${rowsShown.length} rows`)
    for (const line of rowsShown) assert.match(line, /^\| `required-destination-added` \| `upload-\d+\.telemetry\.example\.com` \| .* \| `docs-source\/power-bi-urls\.md:\d+` \|$/)
    assert.is(result.summary.split('\n').filter((line) => line.startsWith('| `required-destination-added`')).length, 1500)
  })
})

action('the cloud input narrows the diff to that cloud', async () => {
  const {repository, base, head} = changedRepository()
  const event = pullRequestEvent({base, head})
  try {
    const publicCloud = await run(undefined, {repository, event, inputs: {comment: 'false', cloud: 'public'}})
    assert.is(publicCloud.code, 0, publicCloud.stdout + publicCloud.stderr)
    assert.match(publicCloud.summary, '**3 errors, 2 warnings, 4 infos**')
    // The pages name no cloud: they are the public cloud's, and China's diff is empty.
    const china = await run(undefined, {repository, event, inputs: {comment: 'false', cloud: 'china'}})
    assert.is(china.code, 0, china.stdout + china.stderr)
    assert.match(china.summary, 'No endpoint changes from `2020012900` → `2021090100` (China (21Vianet)).')
    assert.is(china.outputs['changed'], 'false')
  } finally {
    rmSync(repository.directory, {recursive: true, force: true})
  }
})

action.run()

const failures = suite('action: failures')

failures('an API error other than 403, 5xx or a rate limit fails with a clear message, never echoing the token', async () => {
  await withServer(async (server) => {
    const {repository, base, head} = changedRepository()
    server.fail({method: 'POST', path: listPath, status: 422, body: {message: 'Validation Failed for header {{authorization}}'}})
    const result = await run(server, {repository, event: pullRequestEvent({base, head})})
    assert.is(result.code, 1)
    assertClean(result)
    assert.match(result.stdout, '::error::GitHub API: 422 on POST /repos/octo/docs/issues/7/comments: Validation Failed for header token ***')
    assert.match(result.summary, '**3 errors', 'the summary is written before commenting')
  })
  await withServer(async (server) => {
    const {repository, base, head} = changedRepository()
    server.fail({method: 'GET', path: listPath, status: 404, body: {message: 'Not Found'}})
    const result = await run(server, {repository, event: pullRequestEvent({base, head})})
    assert.is(result.code, 1)
    assertClean(result)
    assert.match(result.stdout, '::error::GitHub API: 404 on GET /repos/octo/docs/issues/7/comments: Not Found')
    assert.is(server.requests.length, 1, 'a 404 is not retried')
  })
  await withServer(async (server) => {
    const {repository, base, head} = changedRepository()
    server.fail({method: 'POST', path: listPath, status: 409, body: {message: 'Conflict'}})
    const result = await run(server, {repository, event: pullRequestEvent({base, head})})
    assert.is(result.code, 1)
    assert.match(result.stdout, '::error::GitHub API: 409 on POST /repos/octo/docs/issues/7/comments: Conflict')
    assert.is(server.requests.filter((request) => request.method === 'POST').length, 1, 'no 4xx is retried')
  })
})

failures('a server error that persists fails after three attempts', async () => {
  await withServer(async (server) => {
    const {repository, base, head} = changedRepository()
    server.fail({method: 'GET', path: listPath, status: 500, body: {message: 'Server Error'}})
    const result = await run(server, {repository, event: pullRequestEvent({base, head})})
    assert.is(result.code, 1)
    assertClean(result)
    assert.is(server.requests.length, 3)
    assert.match(result.stdout, '::error::GitHub API: 500 on GET /repos/octo/docs/issues/7/comments: Server Error')
  })
})

failures('comment: false makes no API call and needs no token', async () => {
  await withServer(async (server) => {
    const {repository, base, head} = changedRepository()
    const result = await runAction({repository, event: pullRequestEvent({base, head}), apiUrl: server.url, token: '', inputs: {comment: 'false'}})
    assert.is(result.code, 0, result.stdout + result.stderr)
    assert.is(server.requests.length, 0)
    assert.match(result.summary, '**3 errors, 2 warnings, 4 infos**')
  })
})

failures('other events, bad inputs, and unmatched globs are refused with a message', async () => {
  const {repository, base, head} = changedRepository()
  const event = pullRequestEvent({base, head})
  const cases: Array<[Partial<RunOptions>, string]> = [
    [{eventName: 'push'}, '::error::expected a pull_request or pull_request_target event, got `push`'],
    [{inputs: {'fail-on': 'errors'}}, '::error::fail-on: expected one of none, error, warning, info, got `errors`'],
    [{inputs: {comment: 'yes'}}, '::error::comment: expected true or false, got `yes`'],
    [{inputs: {cloud: 'gcc'}}, '::error::cloud: expected one of public, usgov-gcc, usgov-gcchigh, usgov-dod, china (or empty for all), got `gcc`'],
    [{inputs: {paths: '../elsewhere/*.md'}}, '::error::paths: ../elsewhere/*.md: expected a glob relative to the repository root'],
    [{inputs: {paths: 'pages/**/*.md'}}, `::error::paths: no file matches pages/**/*.md at ${base.slice(0, 7)} or ${head.slice(0, 7)}`],
    [{event: {}}, '::error::the event payload has no pull request with a number and base and head commits']
  ]
  for (const [options, message] of cases) {
    const result = await run(undefined, {repository, event, inputs: {comment: 'false'}, ...options, ...(options.inputs ? {inputs: {comment: 'false', ...options.inputs}} : {})})
    assert.is(result.code, 1, message)
    assert.ok(result.stdout.includes(message), `${message}\n${result.stdout}`)
    assertClean(result)
  }
})

failures('a commit missing from a shallow checkout asks for fetch-depth: 0', async () => {
  const {repository, head} = changedRepository()
  const missing = 'f'.repeat(40)
  const result = await run(undefined, {repository, event: pullRequestEvent({base: missing, head}), inputs: {comment: 'false'}})
  assert.is(result.code, 1)
  assert.match(result.stdout, `::error::the pull request's base commit ${missing} is not in the repository`)
  assert.match(result.stdout, 'fetch-depth: 0')
  const headMissing = await run(undefined, {repository, event: pullRequestEvent({base: head, head: missing}), inputs: {comment: 'false'}})
  assert.is(headMissing.code, 1)
  assert.match(headMissing.stdout, `::error::the pull request's head commit ${missing} is not in the repository`)
  assert.match(headMissing.stdout, 'on pull_request_target, also fetch the head: `git fetch origin pull/7/head`')
})

failures.run()

const revisions = suite('action: which revisions are compared')

revisions('the merge base, not the base branch tip: changes that reached main since are not the pull request\'s', async () => {
  const repository = temporaryRepository()
  const fork = repository.commit({[urlsPage]: urls2020}, 'base')
  repository.git('checkout', '-q', '-b', 'change')
  const head = repository.commit({[urlsPage]: urls2020.replace('dynmsg.modpim.com', 'dynmsg.example.com'), 'README.md': 'pull request\n'}, 'head')
  repository.git('checkout', '-q', 'main')
  // main moves on: a new page the pull request's branch has never seen.
  const base = repository.commit({'docs-source/power-bi-more.md': page({More: ['**Required:** Extra | extra.example.com | TCP 443']})}, 'main moves on')
  const result = await run(undefined, {repository, event: pullRequestEvent({base, head}), inputs: {comment: 'false'}})
  assert.is(result.code, 0, result.stdout + result.stderr)
  assert.match(result.summary, `merge base [\`${fork.slice(0, 7)}\`]`)
  assert.not.match(result.summary, 'extra.example.com')
  assert.match(result.summary, 'dynmsg.example.com')
})

revisions('on pull_request_target too, only the commits are read, not the working tree (there, the base branch)', async () => {
  const {repository, base, head} = changedRepository()
  repository.git('checkout', '-q', 'main')
  const result = await run(undefined, {repository, event: pullRequestEvent({base, head}), eventName: 'pull_request_target', inputs: {comment: 'false'}})
  assert.is(result.code, 0, result.stdout + result.stderr)
  assert.is(result.outputs['errors'], '3')
})

revisions('endpoint-catalog.yaml is read from the base commit: a broken one there fails, one the pull request adds is not read', async () => {
  const repository = temporaryRepository()
  const base = repository.commit({[urlsPage]: urls2020}, 'base')
  const head = repository.commit({[urlsPage]: urls2021, 'endpoint-catalog.yaml': 'accept: [oops\n'}, 'head')
  const ignored = await run(undefined, {repository, event: pullRequestEvent({base, head}), inputs: {comment: 'false'}})
  assert.is(ignored.code, 0, ignored.stdout + ignored.stderr)

  const broken = temporaryRepository()
  const brokenBase = broken.commit({[urlsPage]: urls2020, 'endpoint-catalog.yaml': 'accept:\n  - rule: over-broad-wildcard\n'}, 'base')
  const brokenHead = broken.commit({[urlsPage]: urls2021}, 'head')
  const refused = await run(undefined, {repository: broken, event: pullRequestEvent({base: brokenBase, head: brokenHead}), inputs: {comment: 'false'}})
  assert.is(refused.code, 1)
  assert.match(refused.stdout, `::error::endpoint-catalog.yaml at ${brokenBase.slice(0, 7)}: not a valid config`)
})

revisions.run()
