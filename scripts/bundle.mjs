// Bundles the command line and the library into dist/bundle/ (cli.mjs, index.mjs and the chunks
// they share): a few modules to load instead of hundreds keeps start-up short (see `npm run bench`),
// and the package ships this one copy of the code with no runtime dependencies. Bundles the GitHub Action into
// dist-action/index.mjs, which is committed: a runner runs an action from its checkout, with no
// install or build step. `--action-outfile <path>` builds only the action, elsewhere (for the test
// that the committed bundle matches the source).
import {rmSync} from 'node:fs'
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
  await build({
    ...common,
    entryPoints: {cli: 'src/cli.ts', index: 'src/index.ts'},
    outdir: 'dist/bundle',
    outExtension: {'.js': '.mjs'},
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    // The package's two dependencies: its public types name VFile, so they come from one install.
    external: ['vfile', 'vfile-message']
  })
}
await build(action)
