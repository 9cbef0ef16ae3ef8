// README points a new user can trip on: the Action example names this repository and carries the
// concurrency group it recommends, the watch says which repository setting it needs, the library
// example says what makes it type-check, the quick start says how long the tests take, and the
// tarball `npm pack` makes is not committed by mistake.
import {spawnSync} from 'node:child_process'
import {readFileSync} from 'node:fs'
import * as assert from 'uvu/assert'
import {suite} from 'uvu'

const readme = suite('README for a new user')
const text = readFileSync('README.md', 'utf8')
const repository = /github\.com\/([^/]+\/[^/.]+)\.git/.exec(JSON.parse(readFileSync('package.json', 'utf8')).repository.url)![1]!

/** The yaml block of README.md that holds `needle`. */
function yamlBlock(needle: string): string {
  const block = [...text.matchAll(/```yaml\n([\s\S]*?)```/g)].map((match) => match[1]!).find((body) => body.includes(needle))
  assert.ok(block, `a yaml block with ${needle}`)
  return block!
}

readme('the Action example uses this repository, with the concurrency group it recommends', () => {
  const action = yamlBlock('endpoint-diff:')
  assert.match(action, new RegExp(`uses: ${repository}@<commit sha>`))
  assert.not.match(text, /your-org\//)
  assert.match(action, /^concurrency:\n {2}group: endpoint-diff-\$\{\{ github\.event\.pull_request\.number \}\}$/m)
})

readme('the watch workflow names the repository setting it needs', () => {
  assert.match(text, /"Allow GitHub Actions to create and approve\s+pull requests"/)
})

readme('the library example says what it needs to type-check', () => {
  assert.match(text, /`"type": "module"`/)
  assert.match(text, /`\.mts`/)
})

readme('the quick start says how long npm test takes', () => {
  assert.match(text, /ends with `N passed, N failed`; it takes about \d+ minutes/)
})

readme('the tarball npm pack makes is ignored by git', () => {
  const ignored = spawnSync('git', ['check-ignore', '--quiet', 'endpoint-catalog-0.1.0.tgz'])
  assert.is(ignored.status, 0)
})

readme.run()
