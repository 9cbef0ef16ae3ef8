// Small pages that cost a markdown parser minutes or gigabytes, each refused by src/compile/limits.ts
// before parsing: the bad-input table checks the errors, `npm run bench` their time and memory.
const head = '---\ntitle: Power BI URLs\nms.date: 01/02/2020\n---\n\n'
const table = '| Purpose | Destination | Port |\n| --- | --- | --- |\n'

export const hostile = {
  /** 40 KB: emphasis opened 5,000 times, then closed. */
  emphasis: head + '*a _'.repeat(5_000) + 'x' + '_ a*'.repeat(5_000) + '\n',
  /** 40 KB: one run of 20,000 `*` each side of a word. */
  stars: head + '*'.repeat(20_000) + 'x' + '*'.repeat(20_000) + '\n',
  /** 100 KB: 25,000 nested link openings. */
  links: head + '['.repeat(25_000) + 'x' + '](u)'.repeat(18_750) + '\n',
  /** 390 KB of front matter: 40,000 keys. */
  frontMatter: '---\ntitle: Power BI URLs\nms.date: 01/02/2020\n' + Array.from({length: 40_000}, (_, i) => `k${i}: v`).join('\n') + '\n---\n# x\n',
  /** 1 MB (under 1 MiB) of footnote definitions. */
  footnotes: head + Array.from({length: 100_000}, (_, i) => `[^${i}]: n`).join('\n').slice(0, 1_000_000) + '\n',
  /** 900 KB: one table row of 300,000 cells. */
  cells: head + table + '| a'.repeat(300_000) + '|\n'
}
