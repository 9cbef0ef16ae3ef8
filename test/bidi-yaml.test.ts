// Bidirectional controls (U+202E…) from a page are shown escaped in diagnostics and in the text
// and markdown diffs, never raw; a YAML tag such as `!!js/function` gives a one-line message, and
// the YAML library prints nothing of its own.
import {writeFileSync} from 'node:fs'
import {join} from 'node:path'
import * as assert from 'uvu/assert'
import {suite} from 'uvu'
import {run} from './helpers/in-process.js'
import {temporaryDirectory} from './helpers/temporary.js'

const inert = suite('bidi controls and YAML tags')
const bidi = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/
const page = (rows: string[], front = '') =>
  ['---', 'title: Power BI URLs', 'ms.date: 01/02/2020', ...(front ? [front] : []), '---', '', '## S', '', '| Purpose | Destination | Port |', '| --- | --- | --- |', ...rows, ''].join('\n')

inert('diagnostics show a bidi control as \\u202e', async () => {
  const directory = temporaryDirectory('bidi')
  writeFileSync(join(directory, 'page.md'), page(['| **Required:** Portal | evil\u202emoc.com | TCP 443 |']))
  const result = await run(['compile', 'page.md', '-o', 'catalog.json'], directory)
  assert.is(result.code, 0, result.stderr)
  assert.match(result.stderr, /`evil\\u202emoc\.com`/)
  assert.not.match(result.stderr, bidi)
})

inert('the text and markdown diffs show bidi controls escaped', async () => {
  const directory = temporaryDirectory('bidi-diff')
  writeFileSync(join(directory, 'old.md'), page(['| **Required:** Portal | app.powerbi.com | TCP 443 |']))
  writeFileSync(join(directory, 'new.md'), page(['| **Required:** Portal | app.powerbi.com | TCP 443 |', '| **Required:** Ad\u2067min\u2069 \u202eltrop | admin.powerbi.com | TCP 443 |']))
  const text = await run(['diff', 'old.md', 'new.md', '--format', 'text'], directory)
  assert.match(text.stdout, /Ad\\u2067min\\u2069 \\u202eltrop/)
  assert.not.match(text.stdout + text.stderr, bidi)
  const markdown = await run(['diff', 'old.md', 'new.md', '--format', 'markdown'], directory)
  assert.match(markdown.stdout, /Ad⟨U\+2067⟩min⟨U\+2069⟩ ⟨U\+202E⟩ltrop/)
  assert.not.match(markdown.stdout, bidi)
})

inert('a YAML tag: one diagnostic line for a page, an input error for a config, nothing from the library', async () => {
  const warnings: string[] = []
  const listen = (warning: Error) => warnings.push(warning.message)
  process.on('warning', listen)
  try {
    const directory = temporaryDirectory('yaml-tag')
    writeFileSync(join(directory, 'page.md'), page(['| **Required:** Portal | app.powerbi.com | TCP 443 |'], 'fn: !!js/function "function () {}"'))
    const compiled = await run(['compile', 'page.md', '-o', 'catalog.json'], directory)
    assert.is(compiled.code, 0, compiled.stderr)
    assert.match(compiled.stderr, /^page\.md:1:1 {2}warning {2}Unexpected YAML front matter: Unresolved tag: tag:yaml\.org,2002:js\/function; read without the tag {2}front-matter-invalid$/m)
    writeFileSync(join(directory, 'endpoint-catalog.yaml'), 'accept:\n  - rule: !!js/function "x"\n    reason: y\n')
    const validated = await run(['validate', 'endpoint-catalog.yaml'], directory)
    assert.is(validated.code, 2)
    assert.is(validated.stderr, 'endpoint-catalog: endpoint-catalog.yaml: not valid YAML here (Unresolved tag: tag:yaml.org,2002:js/function at line 2, column 11)\n')
    await new Promise((resolve) => setImmediate(resolve))
    assert.equal(warnings, [])
  } finally {
    process.off('warning', listen)
  }
})

inert.run()
