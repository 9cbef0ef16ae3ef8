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
  cells: head + table + '| a'.repeat(300_000) + '|\n',
  /** 1 MB: front matter opened and never closed, 200,000 lines of `a: b` (one paragraph to the parser). */
  unclosedFrontMatter: '---\n' + 'a: b\n'.repeat(200_000),
  /** 800 KB: 200,000 lines of `a&b` in one paragraph (character references, each tried). */
  references: head + 'a&b\n'.repeat(200_000),
  /** 800 KB: 200,000 lines of `a@b` in one paragraph (email autolinks, each tried). */
  emails: head + 'a@b\n'.repeat(200_000),
  /** 800 KB: 200,000 lines of `a<b`, `a!b` and `a\\b` in one paragraph. */
  marks: head + 'a<b\na!b\na\\b\n'.repeat(66_000),
  /** 1 MB: 130,000 rows of `|a|b|c|` under a header. */
  rows: head + table + '|a|b|c|\n'.repeat(130_000),
  /** 80 KB: lists nested 400 deep by tabs. */
  tabNesting: head + Array.from({length: 400}, (_, i) => '\t'.repeat(i) + '- x\n').join(''),
  /** 160 KB: lists nested 400 deep by two spaces. */
  spaceNesting: head + Array.from({length: 400}, (_, i) => '  '.repeat(i) + '- x\n').join(''),
  /** 730 KB: loose lists (a blank line between items), 60,000 items. */
  looseList: head + '- a&b c\n\n'.repeat(60_000),
  /** 520 KB: 15,000 rows, each cell a link (the cells go to the parser: refused, counted before parsing). */
  linkRows: head + table + '| [a](b) c | [e](f) g | [h](i) j |\n'.repeat(15_000)
}

/** Pages under the size limit that are read, not refused: each must be read within the same time and memory. */
export const heavy = {
  /** 880 KB: one cell of 75,000 `<br>`-separated hosts (each item once looked at every item before it). */
  brCell: head + table + '| **Required:** X | ' + Array.from({length: 75_000}, (_, i) => `a${i}.io`).join('<br>') + ' | TCP 443 |\n',
  /** 650 KB: one cell of 55,000 comma-separated hosts, read as a sentence's names. */
  commaCell: head + table + '| **Required:** X | ' + Array.from({length: 55_000}, (_, i) => `a${i}.io`).join(', ') + ' | TCP 443 |\n',
  /** 55 KB: 600 rows whose hosts stand in block tags (`<div>a</div><div>b</div>`), each read apart. */
  blockTags: head + table + Array.from({length: 600}, (_, i) => `| **Required:** X${i} | <div>a${i}.powerbi.com</div><div>b${i}.powerbi.com</div> | TCP 443 |\n`).join(''),
  /** 150 KB: 4,300 rows, each cell a link: just under the parser's bound, so all of it is parsed. */
  linkRowsUnder: head + table + '| [a](b) c | [e](f) g | [h](i) j |\n'.repeat(4_300),
  /** 120 KB: one cell of 4,000 paragraphs, each a sentence giving its host a port (each once looked at every other). */
  saidCell: head + table + '| **Required:** X | ' + Array.from({length: 4_000}, (_, i) => `a${i}.io on TCP port ${i + 1}`).join(' <p> ') + ' | |\n',
  /** 700 KB: one cell of 60,000 lines, each pair a host name broken at a dot (`a1.io.<br>b1.io`). */
  dotCell: head + table + '| **Required:** X | ' + Array.from({length: 30_000}, (_, i) => `a${i}.io.<br>b${i}.io`).join('<br>') + ' | TCP 443 |\n',
  /** 750 KB: one row of 25,000 hosts beside 25,000 ports, paired line by line. */
  pairedCell: head + table + '| **Required:** X | ' + Array.from({length: 25_000}, (_, i) => `a${i}.io`).join('<br>') + ' | ' + Array.from({length: 25_000}, (_, i) => `https/${(i % 60_000) + 1}`).join('<br>') + ' |\n',
  /** 1 MB: 13,000 rows in the real pages' shape, each with 20 spaces after its closing pipe. */
  paddedRows: head + '## S\n\n' + table + Array.from({length: 13_000}, (_, i) => `| **Required:** Portal ${i} | h${i}.powerbi.com | TCP 443 |` + ' '.repeat(20) + '\n').join('')
}
