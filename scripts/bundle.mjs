// Bundles the command line into one file, dist/endpoint-catalog.mjs: one module to load instead of
// hundreds keeps start-up short (see `npm run bench`).
import {build} from 'esbuild'

await build({
  entryPoints: ['src/cli.ts'],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  outfile: 'dist/endpoint-catalog.mjs',
  // Some dependencies are CommonJS and call require(); give the ES module bundle one.
  banner: {js: "import {createRequire as __createRequire} from 'node:module'; const require = __createRequire(import.meta.url);"},
  logLevel: 'warning',
  legalComments: 'none'
})
