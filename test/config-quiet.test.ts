// endpoint-catalog.yaml found upwards from the working directory (and named), `build --quiet`
// printing one line, and the build summary saying its levels are change levels.
import {cpSync, mkdirSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import * as assert from 'uvu/assert'
import {suite} from 'uvu'
import {findConfig} from '../src/config.js'
import {run} from './helpers/in-process.js'
import {temporaryDirectory} from './helpers/temporary.js'

const config = suite('config upwards, --quiet, the build summary')
const page = '---\ntitle: Power BI URLs\nms.date: 01/02/2020\n---\n\n## S\n\n| Purpose | Destination | Port |\n| --- | --- | --- |\n| **Required:** All | *.azureedge.net | TCP 443 |\n'

config('from a subdirectory, the repository\'s endpoint-catalog.yaml is found and named', async () => {
  const directory = temporaryDirectory('config-up')
  mkdirSync(join(directory, '.git'))
  mkdirSync(join(directory, 'docs-source'))
  writeFileSync(join(directory, 'docs-source', 'power-bi-urls.md'), page)
  writeFileSync(join(directory, 'endpoint-catalog.yaml'), 'accept:\n  - rule: over-broad-wildcard\n    reason: reviewed CDN\n')
  const inside = join(directory, 'docs-source')
  assert.is(findConfig(inside), '../endpoint-catalog.yaml')
  assert.is(findConfig(directory), 'endpoint-catalog.yaml')
  const result = await run(['compile', 'power-bi-urls.md', '-o', 'catalog.json'], inside)
  assert.is(result.code, 0, result.stderr)
  assert.match(result.stderr, /^endpoint-catalog: config \.\.\/endpoint-catalog\.yaml$/m)
  assert.match(result.stderr, /\(accepted: reviewed CDN\)/)
  // Not past the repository's root.
  const nested = join(directory, 'docs-source', 'sub')
  mkdirSync(join(nested, '.git'), {recursive: true})
  assert.is(findConfig(nested), undefined)
})

config('build --quiet prints the summary line alone; its levels are change levels', async () => {
  const directory = temporaryDirectory('quiet')
  cpSync('docs-source', join(directory, 'docs-source'), {recursive: true})
  cpSync('endpoint-catalog.yaml', join(directory, 'endpoint-catalog.yaml'))
  const result = await run(['build', '--quiet'], directory)
  assert.is(result.code, 0, result.stderr)
  assert.is(result.stderr, '')
  assert.match(result.stdout, /^generated\/catalog\.json: version \d{10} \(new since an empty catalog: \d+ changes; change levels \d+ error, \d+ warning\), .* \(diagnostics: \d+ warnings, \d+ infos\)\n$/)
})

config.run()
