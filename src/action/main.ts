/**
 * The entry point action.yml runs (as the bundle dist-action/index.mjs): run the action once.
 */
import {run} from './run.js'

await run()
