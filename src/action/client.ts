/** The GitHub client lives in src/github.ts, shared by the Action and the watch. */
export * from '../github.js'
