// Bundles the command line into one file, dist/endpoint-catalog.mjs: one module to load instead of
// hundreds keeps start-up short (see `npm run bench`). Bundles the GitHub Action into
// dist-action/index.mjs, which is committed: a runner runs an action from its checkout, with no
// install or build step. `--action-outfile <path>` builds only the action, elsewhere (for the test
// that the committed bundle matches the source).
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
  await build({...common, entryPoints: ['src/cli.ts'], outfile: 'dist/endpoint-catalog.mjs'})
}
await build(action)
