// Every command block of README.md runs as written, against the files in the repository, and prints
// what README shows. A block not meant to run says so in a comment just before it:
// `<!-- not run: why -->`. In the expected output, `…` stands for any text (lines included), and a
// line ending in `(stderr)` is one that goes to stderr.
import {spawnSync} from 'node:child_process'
import {chmodSync, cpSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import {delimiter, join} from 'node:path'
import * as assert from 'uvu/assert'
import {suite} from 'uvu'
import {binPath} from './helpers/cli.js'
import {temporaryDirectory} from './helpers/temporary.js'

const readme = suite('readme')

interface Command {
  line: number
  command: string
  stdout: string[]
  stderr: string[]
}

interface Block {
  line: number
  run: boolean
  commands: Command[]
}

/** The command blocks of a markdown text: fenced `sh` blocks, and any fenced block with a `$ ` line. */
function commandBlocks(markdown: string): Block[] {
  const lines = markdown.split('\n')
  const blocks: Block[] = []
  for (let index = 0; index < lines.length; index++) {
    const open = /^(\s*)```(\w*)\s*$/.exec(lines[index]!)
    if (!open) continue
    const indent = open[1]!.length
    const start = index
    const body: string[] = []
    for (index++; index < lines.length && !/^\s*```\s*$/.test(lines[index]!); index++) body.push(lines[index]!.slice(indent))
    if (open[2] !== 'sh' && !body.some((line) => line.startsWith('$ '))) continue
    let before = start - 1
    while (before >= 0 && lines[before]!.trim() === '') before--
    const run = !/^\s*<!-- not run: .+ -->\s*$/.test(lines[before] ?? '')
    const commands: Command[] = []
    for (const [offset, line] of body.entries()) {
      if (line.startsWith('$ ')) commands.push({line: start + offset + 2, command: line.slice(2), stdout: [], stderr: []})
      else if (commands.length > 0) {
        const stderr = /^(.*?)\s+\(stderr\)$/.exec(line)
        if (stderr) commands.at(-1)!.stderr.push(stderr[1]!)
        else commands.at(-1)!.stdout.push(line)
      }
    }
    blocks.push({line: start + 1, run, commands})
  }
  return blocks
}

/** A pattern for expected output: exact, but `…` stands for any text. */
function shown(lines: string[]): RegExp {
  const text = lines.length === 0 ? '' : lines.join('\n') + '\n'
  return new RegExp('^' + text.split('…').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[\\s\\S]*?') + '$')
}

readme('every command block in README.md runs and prints what README shows', () => {
  const blocks = commandBlocks(readFileSync('README.md', 'utf8'))
  const skipped = blocks.filter((block) => !block.run)
  // Kept short: installing (two blocks) and `history --git` on clones of the docs repositories (two).
  assert.ok(skipped.length <= 4, `blocks not run: lines ${skipped.map((block) => block.line).join(', ')}`)
  const running = blocks.filter((block) => block.run)
  assert.ok(running.length >= 8)

  const directory = temporaryDirectory('readme')
  for (const path of ['docs-source', 'generated', 'examples', 'endpoint-catalog.yaml']) cpSync(path, join(directory, path), {recursive: true})
  const bin = join(directory, '.bin')
  mkdirSync(bin)
  writeFileSync(join(bin, 'endpoint-catalog'), `#!/bin/sh\nexec "${process.execPath}" "${binPath}" "$@"\n`)
  chmodSync(join(bin, 'endpoint-catalog'), 0o755)
  const env = {...process.env, PATH: bin + delimiter + (process.env['PATH'] ?? ''), NO_COLOR: '1'}

  for (const block of running) {
    assert.ok(block.commands.length > 0, `README.md:${block.line}: a command block with no \`$ \` line; mark it <!-- not run: why -->`)
    for (const command of block.commands) {
      const run = spawnSync('sh', ['-c', command.command], {cwd: directory, env, encoding: 'utf8'})
      const where = `README.md:${command.line}: ${command.command}`
      assert.is(run.status, 0, `${where}\n${run.stderr}`)
      assert.match(run.stdout, shown(command.stdout), `${where}: printed\n${run.stdout}`)
      const stderr = run.stderr.split('\n')
      for (const line of command.stderr) assert.ok(stderr.includes(line), `${where}: stderr lacks ${line}\n${run.stderr}`)
    }
  }
})

readme('a block that prints something else fails the check', () => {
  const [block] = commandBlocks('text\n\n```sh\n$ endpoint-catalog --version\n9.9.9\n```\n')
  assert.equal(block, {line: 3, run: true, commands: [{line: 4, command: 'endpoint-catalog --version', stdout: ['9.9.9'], stderr: []}]})
  assert.not.match('0.1.0\n', shown(block!.commands[0]!.stdout))
  assert.match('# header, sha256:ab12\na\nb\nc\n', shown(['# header, sha256:…', 'a', '…', 'c']))
  assert.not.match('a\nb\n', shown(['a']))
  assert.is(commandBlocks('<!-- not run: an example -->\n```sh\nnpm ci\n```\n')[0]!.run, false)
})

readme.run()
