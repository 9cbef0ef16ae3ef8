/* Generated from schema/config.schema.json by `npm run types`. Do not edit. */

/**
 * endpoint-catalog.yaml: the maintainers' reviewed decisions about the pages they compile.
 */
export interface Config {
  /**
   * What the catalog is called (default: its products' names, `Power BI` or `Power BI and Microsoft Intune`): the Atom feed's title and id and the Squid ACL are named after it.
   */
  name?: string
  /**
   * Where the Atom feed (changes.atom) is published: written as the feed's `rel="self"` link.
   */
  feedUrl?: string
  /**
   * The product of pages whose front matter names none, or names it wrongly: the first entry whose `pages` glob matches a page's path (as the catalog records it, such as `docs-source/gateway.md`) gives its product.
   */
  services?: ServiceOverride[]
  /**
   * The largest page read, in bytes (default 1048576, 1 MiB); a larger file is refused before it is read.
   */
  maxPageSize?: number
  /**
   * Findings reviewed and accepted: a matching error or warning is reported as a warning carrying the reason, and no longer fails the build.
   */
  accept?: Acceptance[]
  /**
   * The docs repositories the pages come from, for `watch` with no `--page`: each repository is fetched once (shallow, blobless), and each listed page is copied to its page in `docs-source/`.
   *
   * @minItems 1
   */
  upstream?: [UpstreamRepository, ...UpstreamRepository[]]
}
export interface ServiceOverride {
  /**
   * A page path or glob (`docs-source/gateway-*.md`, `** /intune/*.md`).
   */
  pages: string
  /**
   * The product id (`power-bi`, `intune`, or one of your own).
   */
  service: string
  /**
   * The product's name as people write it (default: the vocabulary's name for a known id, else the id).
   */
  name?: string
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
export interface UpstreamRepository {
  /**
   * The repository's URL (`https://github.com/MicrosoftDocs/fabric-docs.git`), or a path to a clone, relative to the configuration's directory.
   */
  repository: string
  /**
   * The branch or tag to follow (default: the repository's default branch).
   */
  ref?: string
  /**
   * @minItems 1
   */
  pages: [UpstreamPage, ...UpstreamPage[]]
}
export interface UpstreamPage {
  /**
   * The page's path in the repository (`docs/security/fabric-allow-list-urls.md`).
   */
  path: string
  /**
   * The page it is copied to (`docs-source/fabric-urls.md`).
   */
  page: string
  /**
   * The product the page is about (`Fabric`): the watch's pull request groups the changes by it (default: its `page`).
   */
  product?: string
}
