// Bundles the command line and the library into dist/bundle/ (cli.mjs, index.mjs and the chunks
// they share): a few modules to load instead of hundreds keeps start-up short (see `npm run bench`),
// and the package ships this one copy of the code (with the licences of the packages bundled in it,
// dist/bundle/THIRD-PARTY-LICENSES.txt) and two runtime dependencies. Bundles the GitHub Action into
// dist-action/index.mjs, which is committed: a runner runs an action from its checkout, with no
// install or build step. `--action-outfile <path>` builds only the action, elsewhere (for the test
// that the committed bundle matches the source).
import {existsSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {parseArgs} from 'node:util'
import {build} from 'esbuild'

const {values} = parseArgs({options: {'action-outfile': {type: 'string'}}})

const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  // Runners provide Node 24; Node 20 (the tests, and this package's engines) runs the same code.
  target: 'node20',
  // Some dependencies are CommonJS and call require(); give the ES module bundle one.
  banner: {js: "import {createRequire as __createRequire} from 'node:module'; const require = __createRequire(import.meta.url);"},
  logLevel: 'warning',
  legalComments: 'none'
}

const action = {...common, entryPoints: ['src/action/main.ts'], outfile: values['action-outfile'] ?? 'dist-action/index.mjs'}

if (values['action-outfile'] === undefined) {
  // Chunks are named by their content: last build's would otherwise stay beside this one's.
  rmSync('dist/bundle', {recursive: true, force: true})
  const {metafile} = await build({
    ...common,
    metafile: true,
    entryPoints: {cli: 'src/cli.ts', index: 'src/index.ts'},
    outdir: 'dist/bundle',
    outExtension: {'.js': '.mjs'},
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    // The package's two dependencies: its public types name VFile, so they come from one install.
    external: ['vfile', 'vfile-message']
  })
  writeFileSync('dist/bundle/THIRD-PARTY-LICENSES.txt', licences(metafile))
}

/** The licence text of each package whose code is in the bundle, in name order. */
function licences(metafile) {
  // A package's directory: the path up to its name after the last node_modules/ (nested ones too).
  const packages = new Set()
  for (const input of Object.keys(metafile.inputs)) {
    const at = input.lastIndexOf('node_modules/')
    if (at === -1) continue
    const rest = input.slice(at + 'node_modules/'.length).split('/')
    packages.add(input.slice(0, at) + 'node_modules/' + rest.slice(0, rest[0].startsWith('@') ? 2 : 1).join('/'))
  }
  return [...packages]
    .sort()
    .map((directory) => {
      const name = directory.slice(directory.lastIndexOf('node_modules/') + 'node_modules/'.length)
      const file = readdirSync(directory).find((entry) => /^(licen[cs]e|copying)/i.test(entry))
      const {version, license, licenses} = JSON.parse(readFileSync(join(directory, 'package.json'), 'utf8'))
      const named = license ?? licenses?.map((entry) => entry.type).join(', ')
      const text = file !== undefined && existsSync(join(directory, file)) ? readFileSync(join(directory, file), 'utf8').trim() : `License: ${named}`
      return `${name}@${version}\n\n${text}\n`
    })
    .join('\n' + '-'.repeat(72) + '\n\n')
}
await build(action)
