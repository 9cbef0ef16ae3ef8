/* Generated from schema/config.schema.json by `npm run types`. Do not edit. */

/**
 * endpoint-catalog.yaml: the maintainers' reviewed decisions about the pages they compile.
 */
export interface Config {
  /**
   * The largest page read, in bytes (default 1048576, 1 MiB); a larger file is refused before it is read.
   */
  maxPageSize?: number
  /**
   * Findings reviewed and accepted: a matching error or warning is reported as a warning carrying the reason, and no longer fails the build.
   */
  accept?: Acceptance[]
}
export interface Acceptance {
  /**
   * The diagnostic rule id.
   */
  rule: string
  /**
   * Only diagnostics about this destination (as the catalog writes it, e.g. `*.azureedge.net`).
   */
  destination?: string
  /**
   * Why it is accepted; shown with the diagnostic.
   */
  reason: string
}
