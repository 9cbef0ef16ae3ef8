/** The package's version, for `--version` (built into the bundle from package.json). */
import packageJson from '../../package.json' with {type: 'json'}

export const version: string = packageJson.version
