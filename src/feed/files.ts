/** The files a build writes in its output directory, by what they hold. */
export const publishedFiles = {
  catalog: 'catalog.json',
  feed: 'changes.json',
  changelog: 'CHANGELOG.md',
  atom: 'changes.atom',
  m365Ids: 'm365-ids.json'
} as const
